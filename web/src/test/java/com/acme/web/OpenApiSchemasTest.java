package com.acme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.api.Checkout;
import com.acme.billing.api.FeatureAccess;
import com.acme.billing.api.Money;
import com.acme.billing.api.PlanChanges;
import com.acme.billing.api.PlanView;
import com.acme.billing.api.StripeSync;
import com.acme.billing.api.StripeWebhooks;
import com.acme.billing.api.SubscriptionRecord;
import com.acme.billing.api.SubscriptionStatus;
import com.acme.billing.api.UsageLine;
import com.acme.billing.api.UsageOutcome;
import com.acme.billing.api.UsageReport;
import com.acme.billing.api.WebhookAdministration;
import com.acme.flags.api.EnvironmentState;
import com.acme.flags.api.Evaluation;
import com.acme.flags.api.FlagView;
import com.acme.web.checkout.CheckoutResource;
import com.acme.web.flags.FlagsResource;
import com.acme.web.identity.WhoAmIResource;
import com.acme.web.plans.PlansResource;
import com.acme.web.subscription.AdminSubscriptionResource;
import com.acme.web.webhook.AdminWebhookResource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The answer schemas of the OpenAPI document are written by hand ({@code META-INF/openapi.yaml},
 * decision 0011): each must name exactly the fields of the record the API serialises, so that a
 * field added to an answer cannot go undocumented.
 */
class OpenApiSchemasTest {

  /** Each hand-written answer schema and the record JSON-B writes for it. */
  private static final Map<String, Class<? extends Record>> ANSWERS = answers();

  private static Map<String, Class<? extends Record>> answers() {
    Map<String, Class<? extends Record>> answers = new LinkedHashMap<>();
    answers.put("Money", Money.class);
    answers.put("Plan", PlanView.class);
    answers.put("PlanList", PlansResource.Plans.class);
    answers.put("CheckoutSession", Checkout.CheckoutSession.class);
    answers.put("PortalSession", CheckoutResource.PortalSession.class);
    answers.put("UsageLine", UsageLine.class);
    answers.put("SubscriptionStatus", SubscriptionStatus.class);
    answers.put("CheckoutSessionView", StripeSync.CheckoutSessionView.class);
    answers.put("FeatureAccess", FeatureAccess.class);
    answers.put("PlanChange", PlanChanges.PlanChange.class);
    answers.put("UsageOutcome", UsageOutcome.class);
    answers.put("UsageReport", UsageReport.class);
    answers.put("SubscriptionRecord", SubscriptionRecord.class);
    answers.put("SubscriptionList", AdminSubscriptionResource.SubscriptionList.class);
    answers.put("WebhookReceipt", StripeWebhooks.WebhookReceipt.class);
    answers.put("StoredWebhookEvent", WebhookAdministration.StoredWebhookEvent.class);
    answers.put("StoredWebhookEvents", AdminWebhookResource.StoredEvents.class);
    answers.put("WhoAmI", WhoAmIResource.WhoAmI.class);
    answers.put("EnvironmentState", EnvironmentState.class);
    answers.put("Flag", FlagView.class);
    answers.put("FlagList", FlagsResource.FlagList.class);
    answers.put("FlagHistoryItem", FlagsResource.HistoryItem.class);
    answers.put("FlagHistory", FlagsResource.History.class);
    answers.put("Evaluation", Evaluation.class);
    answers.put("Invoice", com.acme.billing.api.Invoices.InvoiceView.class);
    answers.put("InvoiceList", com.acme.billing.api.Invoices.InvoicePage.class);
    answers.put("UsageDay", com.acme.billing.api.UsageHistory.Day.class);
    answers.put("UsageHistory", com.acme.billing.api.UsageHistory.class);
    answers.put("TopUpBought", com.acme.billing.api.TopUpBought.class);
    answers.put("AuditPage", com.acme.billing.api.AuditTrail.Page.class);
    answers.put("AuditEntry", com.acme.billing.api.AuditTrail.Entry.class);
    answers.put("ReEncryption", com.acme.billing.api.DataKeyAdministration.ReEncryption.class);
    answers.put("OveragePack", com.acme.billing.api.Overage.Pack.class);
    answers.put("ResourceOverage", com.acme.billing.api.Overage.ResourceOverage.class);
    answers.put("OverageSettings", com.acme.billing.api.Overage.OverageSettings.class);
    return answers;
  }

  @Test
  void everyHandWrittenAnswerSchemaNamesExactlyTheFieldsOfItsRecord() throws IOException {
    Map<String, Map<String, Object>> schemas = schemas();

    Map<String, String> drift = new LinkedHashMap<>();
    ANSWERS.forEach(
        (name, type) -> {
          assertThat(schemas).as("schema " + name).containsKey(name);
          Set<String> documented = properties(schemas.get(name));
          Set<String> serialised = new TreeSet<>();
          Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getName)
              .forEach(serialised::add);
          if (!documented.equals(serialised)) {
            drift.put(name, "documented " + documented + ", record " + serialised);
          }
        });

    assertThat(drift).as("schemas that differ from their records").isEmpty();
  }

  @Test
  void everyObjectSchemaOfTheDocumentIsHeldToARecordOrIsAProblem() throws IOException {
    Set<String> unchecked = new TreeSet<>();
    schemas()
        .forEach(
            (name, schema) -> {
              if (!properties(schema).isEmpty()
                  && !ANSWERS.containsKey(name)
                  && !name.equals("Problem")
                  && !name.equals("FieldError")) {
                unchecked.add(name);
              }
            });

    assertThat(unchecked).as("answer schemas no record holds").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> schemas() throws IOException {
    try (InputStream in =
        OpenApiSchemasTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
      Map<String, Object> document = new Yaml().load(in);
      Map<String, Object> components = (Map<String, Object>) document.get("components");
      return (Map<String, Map<String, Object>>) components.get("schemas");
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> properties(Map<String, Object> schema) {
    Object properties = schema.get("properties");
    return properties == null
        ? Set.of()
        : new TreeSet<>(((Map<String, Object>) properties).keySet());
  }
}
