package com.acme.it.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.BillingV2SeedRestored;
import com.acme.it.support.Database;
import com.acme.it.support.DatabaseProxy;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The billing_v2 rollout run entirely through the API, and the legacy fallback it drives. */
@ExtendWith({ArquillianExtension.class, BillingV2SeedRestored.class})
class BillingV2RolloutIT {

  private final FlagsApi flags = FlagsApi.testServer();
  private final BillingApi billing = BillingApi.testServer();
  private final List<String> subjects =
      IntStream.range(0, 200).mapToObj(i -> "rollout_subject_" + i).toList();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void rolloutGoesFromZeroToTenToTwentyFiveToAllAndNobodyLeavesOnTheWay() {
    Set<String> previous = Set.of();
    for (int percentage : new int[] {0, 10, 25, 100}) {
      flags.set(FlagsApi.BILLING_V2, true, percentage);
      Set<String> in = new HashSet<>();
      for (String subject : subjects) {
        JsonObject evaluation = flags.evaluate(FlagsApi.BILLING_V2, subject);
        assertThat(evaluation.getString("reason")).isEqualTo("SPLIT");
        int bucket = evaluation.getInt("bucket");
        assertThat(evaluation.getBoolean("enabled")).isEqualTo(bucket <= percentage);
        if (evaluation.getBoolean("enabled")) {
          in.add(subject);
        }
      }
      assertThat(in).as("in at %d %%", percentage).containsAll(previous);
      assertThat(in.size())
          .as("share at %d %%", percentage)
          .isBetween(percentage * 2 - 25, percentage * 2 + 25);
      previous = in;
    }
    assertThat(previous).hasSize(subjects.size());
  }

  @Test
  void theKillSwitchTurnsEveryoneOffAtOnce() {
    flags.set(FlagsApi.BILLING_V2, true, 100);
    flags.set(FlagsApi.BILLING_V2, false, 100);
    for (String subject : subjects.subList(0, 50)) {
      JsonObject evaluation = flags.evaluate(FlagsApi.BILLING_V2, subject);
      assertThat(evaluation.getBoolean("enabled")).isFalse();
      assertThat(evaluation.getString("reason")).isEqualTo("DISABLED");
    }
  }

  @Test
  void evaluationsDoNoDatabaseRoundTrip() {
    DatabaseProxy database = IntegrationTestSession.databaseProxy();
    flags.evaluate(FlagsApi.BILLING_V2, "warm");
    long before = database.statementCount();
    for (String subject : subjects) {
      flags.evaluate(FlagsApi.BILLING_V2, subject);
    }
    assertThat(database.statementCount() - before)
        .as("statements for 200 evaluations")
        .isLessThan(40);
  }

  @Test
  void switchingTheFlagNeverTouchesSubscriptionDataAndLegacyKeepsAccess() {
    String customer = BillingApi.newCustomer("legacy");
    billing.subscribe(customer, "PRO", "active");
    billing.consume(customer, "build_hours", 12);
    long mirrorVersion = mirrorVersion(customer);

    flags.set(FlagsApi.BILLING_V2, true, 100);
    JsonObject on = status(customer);
    assertThat(on.getBoolean("billingV2")).isTrue();

    flags.set(FlagsApi.BILLING_V2, false, 100);
    JsonObject off = status(customer);
    assertThat(off.getBoolean("billingV2")).isFalse();
    assertThat(withoutBillingV2(off)).isEqualTo(withoutBillingV2(on));
    // Legacy changes only the selling surface: entitlement and usage go on from the mirror.
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isTrue();
    assertThat(billing.consume(customer, "build_hours", 1).statusCode()).isEqualTo(200);

    flags.set(FlagsApi.BILLING_V2, true, 100);
    JsonObject onAgain = status(customer);
    assertThat(onAgain.getBoolean("billingV2")).isTrue();
    assertThat(onAgain.getString("tierId")).isEqualTo("PRO");
    assertThat(onAgain.getString("status")).isEqualTo("active");
    assertThat(onAgain.getJsonObject("usage").getJsonObject("build_hours").getInt("used"))
        .isEqualTo(13);
    assertThat(mirrorVersion(customer))
        .as("the mirror row was never written")
        .isEqualTo(mirrorVersion);
  }

  @Test
  void aCustomerOutsideTheRolloutIsOnLegacy() {
    flags.set(FlagsApi.BILLING_V2, true, 10);
    String outside =
        subjects.stream()
            .filter(s -> flags.evaluate(FlagsApi.BILLING_V2, s).getInt("bucket") > 10)
            .findFirst()
            .orElseThrow();
    String inside =
        subjects.stream()
            .filter(s -> flags.evaluate(FlagsApi.BILLING_V2, s).getInt("bucket") <= 10)
            .findFirst()
            .orElseThrow();
    assertThat(status(outside).getBoolean("billingV2")).isFalse();
    assertThat(status(inside).getBoolean("billingV2")).isTrue();
  }

  private JsonObject status(String customer) {
    var response =
        billing.http().get("/billing/subscription/status/" + customer, Tokens.customer(customer));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static JsonObject withoutBillingV2(JsonObject status) {
    return jakarta.json.Json.createObjectBuilder(status).remove("billingV2").build();
  }

  private static long mirrorVersion(String customer) {
    return Database.queryLong(
        "select sum(version) from billing.subscription_mirror where customer_id = ?", customer);
  }
}
