package com.acme.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.TestSecrets;
import com.acme.it.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing data at rest on PostgreSQL: what the tables hold of a received event and of an overage
 * setting is sealed (never the plaintext), the API reads both back, and the re-encryption command
 * seals a row stored before encryption existed so that it still replays.
 */
@ExtendWith(ArquillianExtension.class)
class DataEncryptionIT {

  private final BillingApi billing = BillingApi.testServer();
  private final Http http = billing.http();
  private final StripeEvents stripe = StripeEvents.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aReceivedEventAndAnOverageSettingAreSealedInTheTablesAndReadBackThroughTheApi() {
    String customer = BillingApi.newCustomer("seal");
    String email = "jenny.rosen+" + customer + "@example.com";
    String eventId = StripeEvents.newEventId();
    HttpResponse<String> received = stripe.deliver(customerCreated(eventId, customer, email));
    assertThat(received.statusCode()).as(received.body()).isEqualTo(200);

    Object[] event =
        Database.queryRow(
            "select payload, payload_sealed from billing.webhook_event where event_id = ?",
            eventId);
    assertThat(event[0]).as("the plaintext column").isNull();
    assertThat(text((byte[]) event[1])).doesNotContain(email).doesNotContain(customer);

    HttpResponse<String> set =
        http.put(
            "/billing/overage/" + customer,
            Tokens.customer(customer),
            "{\"resources\":{\"build_hours\":{\"enabled\":true,\"monthlyCapCents\":4321}}}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    Object[] setting =
        Database.queryRow(
            "select enabled, monthly_cap_cents, terms_sealed from billing.overage_setting"
                + " where customer_id = ? and resource = 'build_hours'",
            customer);
    assertThat(setting[0]).isNull();
    assertThat(setting[1]).isNull();
    assertThat(text((byte[]) setting[2])).doesNotContain("4321").doesNotContain("enabled");
    JsonObject read =
        Http.json(http.get("/billing/overage/" + customer, Tokens.customer(customer)))
            .getJsonObject("resources")
            .getJsonObject("build_hours");
    assertThat(read.getBoolean("enabled")).isTrue();
    assertThat(read.getJsonNumber("monthlyCapCents").longValue()).isEqualTo(4321);
  }

  @Test
  void theReEncryptionSealsAnEventStoredBeforeEncryptionAndItStillReplays() {
    String customer = BillingApi.newCustomer("legacy");
    String eventId = StripeEvents.newEventId();
    String payload = customerCreated(eventId, customer, customer + "@example.com");
    Database.update(
        "insert into billing.webhook_event (event_id, event_type, created, api_version, payload,"
            + " status, detail, received_at, processed_at)"
            + " values (?, 'customer.created', ?, null, ?, 'failed', 'stored before encryption',"
            + " now(), now())",
        eventId,
        Instant.now().getEpochSecond(),
        payload);

    HttpResponse<String> done =
        http.post("/billing/admin/data-keys/re-encrypt", Tokens.admin(), "");

    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonObject report = Http.json(done);
    assertThat(report.getJsonNumber("webhookEvents").longValue()).isPositive();
    assertThat(report.getString("primaryKeyId"))
        .isEqualTo(
            Json.createReader(new java.io.StringReader(TestSecrets.itDataKeys()))
                .readObject()
                .getJsonNumber("primaryKeyId")
                .toString());
    Object[] row =
        Database.queryRow(
            "select payload, payload_sealed from billing.webhook_event where event_id = ?",
            eventId);
    assertThat(row[0]).isNull();
    assertThat(text((byte[]) row[1])).doesNotContain(customer);

    HttpResponse<String> replayed =
        http.post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.admin(), "");
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(Http.json(replayed).getString("outcome")).isEqualTo("processed");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.stripe_customer where customer_id = ?", customer))
        .isEqualTo(1);
  }

  private static String customerCreated(String eventId, String customer, String email) {
    JsonObject stripeCustomer =
        Json.createObjectBuilder(StripeEvents.fixture("customer"))
            .add("id", "cus_" + customer)
            .add("email", email)
            .add("metadata", Json.createObjectBuilder().add("customer_id", customer))
            .build();
    return StripeEvents.event(
        eventId, "customer.created", Instant.now().getEpochSecond(), stripeCustomer);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
