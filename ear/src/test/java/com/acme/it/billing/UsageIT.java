package com.acme.it.billing;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(ArquillianExtension.class)
class UsageIT {

  private final BillingApi api = BillingApi.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @ParameterizedTest(name = "{0} of 500 build hours -> {1} {2}")
  @CsvSource({
    "399, 79.8,  ok",
    "400, 80.0,  warning",
    "474, 94.8,  warning",
    "475, 95.0,  critical",
    "499, 99.8,  critical",
    "500, 100.0, critical",
  })
  void levelsChangeAtEightyAndNinetyFivePercentExactlyAndTheLimitItselfIsCritical(
      long used, double percent, String level) {
    String customer = BillingApi.newCustomer("levels");
    api.subscribe(customer, "SCALE", "active");
    HttpResponse<String> recorded = api.consume(customer, "build_hours", used);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);

    JsonObject line = api.usage(customer).getJsonObject("build_hours");
    assertThat(line.getJsonNumber("used").longValue()).isEqualTo(used);
    assertThat(line.getJsonNumber("limit").longValue()).isEqualTo(500);
    assertThat(line.getJsonNumber("percent").doubleValue()).isEqualTo(percent);
    assertThat(line.getString("level")).isEqualTo(level);
  }

  @Test
  void theSameIdempotencyKeyTwiceCountsOnce() {
    String customer = BillingApi.newCustomer("idem");
    HttpResponse<String> first =
        api.consume(Tokens.service(), customer, "build_hours", 2, "job-1", true);
    HttpResponse<String> again =
        api.consume(Tokens.service(), customer, "build_hours", 2, "job-1", true);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Http.json(first).getBoolean("duplicate")).isFalse();
    assertThat(Http.json(again).getBoolean("duplicate")).isTrue();
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("used")).isEqualTo(2);

    assertProblem(
        api.consume(Tokens.service(), customer, "build_hours", 3, "job-1", true),
        409,
        "idempotency-key-reused");
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("used")).isEqualTo(2);
  }

  @Test
  void passingTheLimitIsAConflictNamingTheResourceAndRecordsNothing() {
    String customer = BillingApi.newCustomer("limit");
    assertThat(api.consume(customer, "build_hours", 4).statusCode()).isEqualTo(200);
    JsonObject problem =
        assertProblem(api.consume(customer, "build_hours", 2), 409, "usage-limit-exceeded");
    assertThat(problem.getString("resource")).isEqualTo("build_hours");
    assertThat(problem.getInt("limit")).isEqualTo(5);
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("used")).isEqualTo(4);
    assertThat(api.consume(customer, "build_hours", 1).statusCode()).isEqualTo(200);
  }

  @Test
  void aServiceMayRecordAfterTheFactPastTheLimitWhichThenShowsExceeded() {
    String customer = BillingApi.newCustomer("late");
    HttpResponse<String> late =
        api.consume(Tokens.service(), customer, "build_hours", 9, "late-1", false);
    assertThat(late.statusCode()).isEqualTo(200);
    JsonObject line = api.usage(customer).getJsonObject("build_hours");
    assertThat(line.getInt("used")).isEqualTo(9);
    assertThat(line.getString("level")).isEqualTo("exceeded");
    assertProblem(api.consume(customer, "build_hours", 1), 409, "usage-limit-exceeded");
  }

  @Test
  void levelsGoUpToTheLimitAndAlwaysDown() {
    String customer = BillingApi.newCustomer("projects");
    api.subscribe(customer, "PRO", "active");
    assertThat(api.setLevel(customer, "projects", 3, true).statusCode()).isEqualTo(200);
    assertProblem(api.setLevel(customer, "projects", 4, true), 409, "usage-limit-exceeded");
    assertThat(api.usage(customer).getJsonObject("projects").getInt("used")).isEqualTo(3);

    // Downgraded to FREE (1 project): nothing is deleted, the level shows exceeded, only down
    // works.
    api.subscribe(customer, "FREE", "active");
    JsonObject projects = api.usage(customer).getJsonObject("projects");
    assertThat(projects.getInt("used")).isEqualTo(3);
    assertThat(projects.getString("level")).isEqualTo("exceeded");
    assertProblem(api.setLevel(customer, "projects", 4, true), 409, "usage-limit-exceeded");
    assertThat(api.setLevel(customer, "projects", 2, true).statusCode()).isEqualTo(200);
    assertThat(api.usage(customer).getJsonObject("projects").getInt("used")).isEqualTo(2);
  }

  @Test
  void checkUsageLimitsSaysWhichExtraAmountDoesNotFit() {
    String customer = BillingApi.newCustomer("check");
    api.consume(customer, "build_hours", 4);
    HttpResponse<String> response =
        api.http()
            .post(
                "/billing/check-usage-limits",
                Tokens.customer(customer),
                "{\"customerId\":\""
                    + customer
                    + "\",\"usage\":{\"build_hours\":2,\"ai_embeddings\":10}}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject report = Http.json(response);
    assertThat(report.getString("customerId")).isEqualTo(customer);
    assertThat(report.getString("tierId")).isEqualTo("FREE");
    assertThat(report.getBoolean("allowed")).isFalse();
    assertThat(report.getJsonArray("blockedBy").getString(0)).isEqualTo("build_hours");
    assertThat(report.getJsonArray("blockedBy")).hasSize(1);
    assertThat(report.getJsonObject("resources").keySet())
        .containsExactlyInAnyOrder("projects", "build_hours", "storage_gb", "ai_embeddings");
    JsonObject fits =
        Http.json(
            api.http()
                .post(
                    "/billing/check-usage-limits",
                    Tokens.customer(customer),
                    "{\"customerId\":\"" + customer + "\",\"usage\":{\"build_hours\":1}}"));
    assertThat(fits.getBoolean("allowed")).isTrue();
    assertThat(fits.getJsonArray("blockedBy")).isEmpty();
  }

  @Test
  void checkWithoutAmountAtExactlyTheLimitIsRefused() {
    String customer = BillingApi.newCustomer("atlimit");
    // FREE: 5 build hours. Below the limit one more unit fits.
    assertThat(api.consume(customer, "build_hours", 4).statusCode()).isEqualTo(200);
    JsonObject below = checkUsage(customer, null);
    assertThat(below.getBoolean("allowed")).as(below.toString()).isTrue();
    assertThat(below.getJsonArray("blockedBy")).isEmpty();

    // Exactly reaching the limit is recorded; the limit is reached, not passed: critical.
    assertThat(api.consume(customer, "build_hours", 1).statusCode()).isEqualTo(200);
    JsonObject atLimit = checkUsage(customer, null);
    assertThat(atLimit.getBoolean("allowed")).as(atLimit.toString()).isFalse();
    assertThat(atLimit.getJsonArray("blockedBy").getString(0)).isEqualTo("build_hours");
    assertThat(atLimit.getJsonArray("blockedBy")).hasSize(1);
    JsonObject line = atLimit.getJsonObject("resources").getJsonObject("build_hours");
    assertThat(line.getInt("used")).isEqualTo(5);
    assertThat(line.getJsonNumber("percent").doubleValue()).isEqualTo(100.0);
    assertThat(line.getString("level")).isEqualTo("critical");

    // With an amount only the named resources decide: used + amount <= limit.
    assertThat(checkUsage(customer, "{\"build_hours\":1}").getBoolean("allowed")).isFalse();
    assertThat(checkUsage(customer, "{\"ai_embeddings\":1}").getBoolean("allowed")).isTrue();
    // And recording agrees: one more is refused.
    assertProblem(api.consume(customer, "build_hours", 1), 409, "usage-limit-exceeded");
  }

  private JsonObject checkUsage(String customer, String usage) {
    HttpResponse<String> response =
        api.http()
            .post(
                "/billing/check-usage-limits",
                Tokens.customer(customer),
                "{\"customerId\":\""
                    + customer
                    + "\""
                    + (usage == null ? "" : ",\"usage\":" + usage)
                    + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  @Test
  void eightThreadsRecordingAThousandUnitsEachEndAtEightThousand() throws Exception {
    String customer = BillingApi.newCustomer("conc");
    api.subscribe(customer, "SCALE", "active");
    List<Callable<List<String>>> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          () -> {
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
              HttpResponse<String> response = api.consume(customer, "ai_embeddings", 10);
              if (response.statusCode() != 200) {
                failures.add(response.statusCode() + " " + response.body());
              }
            }
            return failures;
          });
    }
    assertThat(runAll(threads)).allSatisfy(failures -> assertThat(failures).isEmpty());
    assertThat(api.usage(customer).getJsonObject("ai_embeddings").getInt("used")).isEqualTo(8000);
  }

  @Test
  void aConcurrentBurstAtTheLimitNeverOvershootsIt() throws Exception {
    String customer = BillingApi.newCustomer("burst");
    api.subscribe(customer, "PRO", "active");
    assertThat(api.consume(customer, "build_hours", 140).statusCode()).isEqualTo(200);
    List<Callable<Integer>> requests = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      requests.add(() -> api.consume(customer, "build_hours", 1).statusCode());
    }
    List<Integer> statuses = runAll(requests);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(14);
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("used")).isEqualTo(150);
  }

  @Test
  void consumedResourcesResetEachCalendarMonthOnFree() {
    String customer = BillingApi.newCustomer("reset");
    Instant thisMonth =
        LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    OffsetDateTime lastMonth = thisMonth.atOffset(ZoneOffset.UTC).minusMonths(1);
    Database.update(
        "insert into billing.usage_counter (customer_id, resource, period_start, used) values (?, 'build_hours', ?, 5)",
        customer,
        lastMonth);
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("used")).isZero();
    assertThat(api.consume(customer, "build_hours", 5).statusCode()).isEqualTo(200);
    assertThat(
            Database.queryLong(
                "select used from billing.usage_counter where customer_id = ? and resource = 'build_hours' and period_start = ?",
                customer,
                thisMonth.atOffset(ZoneOffset.UTC)))
        .isEqualTo(5);
  }

  @Test
  void aPaidPlansMonthStartsOnItsBillingCycleAnchorDay() {
    String customer = BillingApi.newCustomer("anchor");
    Instant now = Instant.now();
    // An anchor ten days ago (at this time of day) that is not the first of a month.
    OffsetDateTime anchor = now.atOffset(ZoneOffset.UTC).minusDays(10).withNano(0);
    api.correctSubscription(
        customer,
        "{\"tierId\":\"PRO\",\"status\":\"active\",\"billingPeriod\":\"yearly\",\"cycleAnchor\":\"%s\"}"
            .formatted(anchor.toInstant()));
    assertThat(api.consume(customer, "build_hours", 7).statusCode()).isEqualTo(200);
    // Ten days after the anchor the month began on the anchor itself (not on the 1st).
    OffsetDateTime expectedStart = anchor;
    assertThat(
            Database.queryLong(
                "select used from billing.usage_counter where customer_id = ? and resource = 'build_hours' and period_start = ?",
                customer,
                expectedStart))
        .isEqualTo(7);
    assertThat(api.usage(customer).getJsonObject("build_hours").getInt("limit")).isEqualTo(150);
  }

  @Test
  void customersAreIsolated() {
    String a = BillingApi.newCustomer("iso_a");
    String b = BillingApi.newCustomer("iso_b");
    api.consume(a, "build_hours", 3);
    assertThat(api.usage(a).getJsonObject("build_hours").getInt("used")).isEqualTo(3);
    assertThat(api.usage(b).getJsonObject("build_hours").getInt("used")).isZero();
    assertProblem(
        api.http()
            .post(
                "/billing/check-usage-limits",
                Tokens.customer(b),
                "{\"customerId\":\"" + a + "\"}"),
        403,
        "forbidden-customer");
  }

  @Test
  void onlyServicesAndAdminsRecordUsage() {
    String customer = BillingApi.newCustomer("roles");
    assertProblem(
        api.consume(Tokens.customer(customer), customer, "build_hours", 1, "r1", true),
        403,
        "forbidden");
    assertThat(api.consume(Tokens.admin(), customer, "build_hours", 1, "r2", true).statusCode())
        .isEqualTo(200);
    assertProblem(api.consume(null, customer, "build_hours", 1, "r3", true), 401, "unauthorized");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative       | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":-1,\"idempotencyKey\":\"b1\"} | validation-failed",
        "zero           | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":0,\"idempotencyKey\":\"b2\"} | validation-failed",
        "huge           | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":99999999999999,\"idempotencyKey\":\"b3\"} | validation-failed",
        "non-numeric    | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":\"lots\",\"idempotencyKey\":\"b4\"} | malformed-request-body",
        "fraction       | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":1.5,\"idempotencyKey\":\"b5\"} | validation-failed",
        "unknown        | {\"customerId\":\"c_bad\",\"resource\":\"gpus\",\"quantity\":1,\"idempotencyKey\":\"b6\"} | unknown-resource",
        "level resource | {\"customerId\":\"c_bad\",\"resource\":\"projects\",\"quantity\":1,\"idempotencyKey\":\"b7\"} | invalid-usage",
        "no key         | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":1} | validation-failed",
        "unknown field  | {\"customerId\":\"c_bad\",\"resource\":\"build_hours\",\"quantity\":1,\"idempotencyKey\":\"b8\",\"enfroce\":false} | unknown-fields",
      })
  void badUsageRecordsAreProblem400AndRecordNothing(String name, String body, String type) {
    assertProblem(api.http().post("/billing/usage", Tokens.service(), body), 400, type);
    assertThat(
            Database.queryLong(
                "select count(*) from billing.usage_record where customer_id = 'c_bad'"))
        .isZero();
  }

  private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
