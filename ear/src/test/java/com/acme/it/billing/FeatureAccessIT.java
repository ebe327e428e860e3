package com.acme.it.billing;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(ArquillianExtension.class)
class FeatureAccessIT {

  private final BillingApi api = BillingApi.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aCustomerWhoNeverPaidIsOnFree() {
    String customer = BillingApi.newCustomer("free");
    assertAccess(api.feature(customer, "basic_features"), true, "FREE", "included_in_plan");
    assertAccess(api.feature(customer, "autoscale"), false, "FREE", "not_in_plan");
  }

  @ParameterizedTest(name = "{0} PRO -> {1} ({2}, {3})")
  @CsvSource({
    "active,             true,  PRO,  included_in_plan",
    "trialing,           true,  PRO,  included_in_plan",
    "past_due,           true,  PRO,  grace_period",
    "canceled,           false, FREE, subscription_inactive",
    "unpaid,             false, FREE, subscription_inactive",
    "incomplete_expired, false, FREE, subscription_inactive",
    "incomplete,         false, FREE, subscription_inactive",
    "paused,             false, FREE, subscription_inactive",
  })
  void everySubscriptionStateDecidesAccessToAProFeature(
      String status, boolean allowed, String tier, String reason) {
    String customer = BillingApi.newCustomer("state");
    api.subscribe(customer, "PRO", status);
    assertAccess(api.feature(customer, "autoscale"), allowed, tier, reason);
    // FREE features stay available whatever the state.
    assertThat(api.feature(customer, "basic_features").getBoolean("allowed")).isTrue();
  }

  @Test
  void aFeatureAboveThePaidTierIsNotInPlan() {
    String customer = BillingApi.newCustomer("pro");
    api.subscribe(customer, "PRO", "active");
    assertAccess(api.feature(customer, "isolated_db"), false, "PRO", "not_in_plan");
    assertAccess(api.feature(customer, "core_agents"), true, "PRO", "included_in_plan");
  }

  @Test
  void pastDueFallsToFreeOnceTheGracePeriodIsOverAlsoWhenAnotherInstanceWroteIt() {
    String customer = BillingApi.newCustomer("grace");
    api.subscribe(customer, "PRO", "past_due");
    assertAccess(api.feature(customer, "autoscale"), true, "PRO", "grace_period");

    // As another instance would: change the mirror and record the change for the pollers.
    Database.update(
        "update billing.subscription_mirror set past_due_since = current_timestamp - interval '8 days'"
            + " where customer_id = ?",
        customer);
    Database.update(
        "insert into billing.entitlement_change (customer_id, changed_at) values (?, current_timestamp)",
        customer);

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertAccess(
                    api.feature(customer, "autoscale"), false, "FREE", "subscription_inactive"));
  }

  @Test
  void anUnknownFeatureIsAProblemListingTheKnownOnes() {
    JsonObject problem =
        assertProblem(
            api.checkFeature(Tokens.service(), "c_any", "teleport"), 400, "unknown-feature");
    assertThat(problem.getJsonArray("knownFeatures").getValuesAs(JsonString::getString))
        .contains("basic_features", "autoscale", "dedicated_support")
        .hasSize(11);
  }

  @Test
  void aCustomerChecksOnlyItsOwnAccountWhileServiceAndAdminCheckAny() {
    String mine = BillingApi.newCustomer("mine");
    assertThat(api.checkFeature(Tokens.customer(mine), mine, "basic_features").statusCode())
        .isEqualTo(200);
    assertProblem(
        api.checkFeature(Tokens.customer(mine), "someone_else", "basic_features"),
        403,
        "forbidden-customer");
    assertThat(api.checkFeature(Tokens.service(), mine, "basic_features").statusCode())
        .isEqualTo(200);
    assertThat(api.checkFeature(Tokens.admin(), mine, "basic_features").statusCode())
        .isEqualTo(200);
    assertProblem(api.checkFeature(null, mine, "basic_features"), 401, "unauthorized");
  }

  @Test
  void onlyAnAdminCorrectsTheMirror() {
    String customer = BillingApi.newCustomer("corr");
    String body = "{\"tierId\":\"PRO\",\"status\":\"active\"}";
    assertProblem(
        api.http()
            .put("/billing/admin/customers/" + customer + "/subscription", Tokens.service(), body),
        403,
        "forbidden");
    assertProblem(
        api.http()
            .put(
                "/billing/admin/customers/" + customer + "/subscription",
                Tokens.customer(customer),
                body),
        403,
        "forbidden");
    assertThat(api.feature(customer, "autoscale").getBoolean("allowed")).isFalse();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?", customer))
        .isZero();
    api.subscribe(customer, "PRO", "active");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?", customer))
        .isEqualTo(1);
  }

  private static void assertAccess(JsonObject access, boolean allowed, String tier, String reason) {
    assertThat(access.getBoolean("allowed")).as("allowed in %s", access).isEqualTo(allowed);
    assertThat(access.getString("tierId")).as("tierId in %s", access).isEqualTo(tier);
    assertThat(access.getString("reason")).as("reason in %s", access).isEqualTo(reason);
  }
}
