package com.acme.it.overage;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Overage protection on PostgreSQL with the real Stripe adapter against the stand-in: a pack is
 * bought at the limit with exactly the Stripe calls and idempotency keys of DESIGN.md, the cap
 * stops further packs, a burst of 8 threads buys only the packs its usage needs, and a failed
 * top-up payment withdraws the pack's headroom.
 */
@ExtendWith(ArquillianExtension.class)
class OverageIT {

  private static final Pattern KEY =
      Pattern.compile("topup_(.+)_build_hours_(\\d+)_(\\d+):(invoice|item|pay)");

  private final BillingApi billing = BillingApi.testServer();
  private final Http http = billing.http();
  private final StripeEvents events = StripeEvents.testServer();
  private final WireMockServer stripe = IntegrationTestSession.stripeStandIn();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeEach
  void stripeChargesTopUps() {
    JsonObject draft =
        Json.createObjectBuilder(StripeEvents.fixture("invoice"))
            .add("id", "in_topup_RANDOM_ID")
            .add("status", "draft")
            .build();
    stripe.stubFor(
        post(urlEqualTo("/v1/invoices"))
            .willReturn(templated(draft.toString().replace("RANDOM_ID", RANDOM))));
    stripe.stubFor(
        post(urlEqualTo("/v1/invoiceitems"))
            .willReturn(templated(StripeEvents.fixture("invoiceitem").toString())));
    // Paying answers the invoice paid, with the id of the path.
    stripe.stubFor(
        post(urlPathMatching("/v1/invoices/in_topup_[A-Za-z0-9]+/pay"))
            .willReturn(
                templated(
                    Json.createObjectBuilder(StripeEvents.fixture("invoice"))
                        .add("id", "INVOICE_ID")
                        .add("status", "paid")
                        .build()
                        .toString()
                        .replace("INVOICE_ID", "{{request.pathSegments.[2]}}"))));
  }

  @Test
  void aPackIsBoughtAtTheLimitWithTheStripeCallsAndKeysThatNameIt() {
    String customer = proCustomerWithTopUps("topup", 2000);
    record(customer, 150);

    HttpResponse<String> over = consume(customer, 10);

    assertThat(over.statusCode()).as(over.body()).isEqualTo(200);
    JsonObject answer = Http.json(over);
    JsonObject topUp = answer.getJsonObject("topUp");
    assertThat(topUp.getInt("packs")).isEqualTo(1);
    assertThat(topUp.getJsonNumber("quantity").longValue()).isEqualTo(50);
    assertThat(topUp.getJsonObject("amount").getJsonNumber("amount").longValue()).isEqualTo(1000);
    JsonObject line = answer.getJsonObject("usage");
    assertThat(line.getJsonNumber("used").longValue()).isEqualTo(160);
    assertThat(line.getJsonNumber("baseLimit").longValue()).isEqualTo(150);
    assertThat(line.getJsonNumber("topUp").longValue()).isEqualTo(50);
    assertThat(line.getJsonNumber("limit").longValue()).isEqualTo(200);
    assertThat(line.getString("level"))
        .isEqualTo("warning"); // 160 of 200: 80 % of the effective limit

    List<LoggedRequest> invoices = posts("/v1/invoices", customer);
    assertThat(invoices).hasSize(1);
    LoggedRequest invoice = invoices.get(0);
    assertThat(invoice.formParameters().get("customer").firstValue()).isEqualTo("cus_" + customer);
    assertThat(invoice.formParameters().get("collection_method").firstValue())
        .isEqualTo("charge_automatically");
    assertThat(invoice.formParameters().get("pending_invoice_items_behavior").firstValue())
        .isEqualTo("exclude");
    Matcher key = KEY.matcher(invoice.getHeader("Idempotency-Key"));
    assertThat(key.matches()).as(invoice.getHeader("Idempotency-Key")).isTrue();
    assertThat(key.group(1)).isEqualTo(customer);
    assertThat(key.group(3)).isEqualTo("1");
    assertThat(key.group(4)).isEqualTo("invoice");
    String pack = invoice.getHeader("Idempotency-Key").replace(":invoice", "");
    assertThat(invoice.formParameters().get("metadata[top_up]").firstValue()).isEqualTo(pack);

    List<LoggedRequest> items = posts("/v1/invoiceitems", customer);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).getHeader("Idempotency-Key")).isEqualTo(pack + ":item");
    assertThat(items.get(0).formParameters().get("amount").firstValue()).isEqualTo("1000");
    assertThat(items.get(0).formParameters().get("currency").firstValue()).isEqualTo("usd");
    assertThat(items.get(0).formParameters().get("invoice").firstValue()).startsWith("in_topup_");
    String invoiceId = items.get(0).formParameters().get("invoice").firstValue();
    List<LoggedRequest> pays =
        stripe.findAll(postRequestedFor(urlEqualTo("/v1/invoices/" + invoiceId + "/pay")));
    assertThat(pays).hasSize(1);
    assertThat(pays.get(0).getHeader("Idempotency-Key")).isEqualTo(pack + ":pay");

    JsonObject settings = overage(customer).getJsonObject("resources").getJsonObject("build_hours");
    assertThat(settings.getJsonNumber("spentCents").longValue()).isEqualTo(1000);
    assertThat(settings.getInt("packs")).isEqualTo(1);
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ? and action = 'top_up_bought'",
                customer))
        .isEqualTo(1);
  }

  @Test
  void theCapStopsFurtherPacksAndTheHardLimitApplies() {
    String customer = proCustomerWithTopUps("capped", 1000);
    record(customer, 150);
    assertThat(consume(customer, 50).statusCode()).isEqualTo(200); // pack 1: 1000 of 1000 cents

    HttpResponse<String> refused = consume(customer, 1);

    assertProblem(refused, 409, "usage-limit-exceeded");
    assertThat(Http.json(refused).getString("reason")).isEqualTo("overage_cap_reached");
    assertThat(Http.json(refused).getJsonNumber("limit").longValue()).isEqualTo(200);
    assertThat(posts("/v1/invoices", customer)).hasSize(1);

    HttpResponse<String> checked =
        http.post(
            "/billing/check-usage-limits",
            Tokens.customer(customer),
            "{\"customerId\":\"%s\",\"usage\":{\"build_hours\":5}}".formatted(customer));
    JsonObject report = Http.json(checked);
    assertThat(report.getBoolean("allowed")).isFalse();
    assertThat(report.getString("reason")).isEqualTo("overage_cap_reached");
    assertThat(report.getJsonArray("topUps")).isEmpty();
  }

  @Test
  void aRecordNeedingMorePacksThanTheCapAllowsBuysNone() {
    String customer = proCustomerWithTopUps("partial", 1000); // one pack of 50 h
    record(customer, 150);

    HttpResponse<String> refused = consume(customer, 60); // needs two packs

    assertProblem(refused, 409, "usage-limit-exceeded");
    assertThat(Http.json(refused).getString("reason")).isEqualTo("overage_cap_reached");
    assertThat(posts("/v1/invoices", customer)).isEmpty();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.top_up where customer_id = ?", customer))
        .isZero();
    assertThat(consume(customer, 50).statusCode()).as("one pack still fits").isEqualTo(200);
  }

  @Test
  void aDeclinedCardBuysNothingVoidsTheInvoiceAndAFixedCardBuysTheNextPack() {
    String customer = proCustomerWithTopUps("declined", 5000);
    record(customer, 150);
    stripe.stubFor(
        post(urlPathMatching("/v1/invoices/in_topup_[A-Za-z0-9]+/void"))
            .willReturn(
                templated(
                    Json.createObjectBuilder(StripeEvents.fixture("invoice"))
                        .add("status", "void")
                        .build()
                        .toString())));
    StubMapping declines =
        stripe.stubFor(
            post(urlPathMatching("/v1/invoices/in_topup_[A-Za-z0-9]+/pay"))
                .atPriority(1)
                .withHeader("Idempotency-Key", containing("topup_" + customer + "_"))
                .willReturn(
                    aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                                + "\"decline_code\":\"insufficient_funds\","
                                + "\"message\":\"Your card has insufficient funds.\"}}")));
    HttpResponse<String> refused;
    try {
      refused = consume(customer, 10);
    } finally {
      stripe.removeStub(declines);
    }

    assertProblem(refused, 409, "usage-limit-exceeded");
    assertThat(Http.json(refused).getString("reason")).isEqualTo("top_up_declined");
    String invoiceId =
        posts("/v1/invoiceitems", customer).get(0).formParameters().get("invoice").firstValue();
    List<LoggedRequest> voids =
        stripe.findAll(postRequestedFor(urlEqualTo("/v1/invoices/" + invoiceId + "/void")));
    assertThat(voids).hasSize(1);
    assertThat(voids.get(0).getHeader("Idempotency-Key")).endsWith("_1:void");
    assertThat(
            billing.usage(customer).getJsonObject("build_hours").getJsonNumber("limit").longValue())
        .isEqualTo(150);

    HttpResponse<String> fixed = consume(customer, 10);

    assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
    assertThat(posts("/v1/invoices", customer))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly(
            invoiceKey(customer, posts("/v1/invoices", customer).get(0), 1),
            invoiceKey(customer, posts("/v1/invoices", customer).get(0), 2));
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?"
                    + " and action = 'top_up_declined'",
                customer))
        .isEqualTo(1);
  }

  /** The invoice key of pack {@code n} of the month named in {@code first}'s key. */
  private static String invoiceKey(String customer, LoggedRequest first, int n) {
    Matcher key = KEY.matcher(first.getHeader("Idempotency-Key"));
    assertThat(key.matches()).isTrue();
    return "topup_" + customer + "_build_hours_" + key.group(2) + "_" + n + ":invoice";
  }

  @Test
  void aBurstOfEightAtTheLimitBuysExactlyThePacksItNeeds() throws Exception {
    String customer = proCustomerWithTopUps("burst", 100_000);
    record(customer, 150);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<HttpResponse<String>> call = () -> consume(customer, 10);
        answers.add(pool.submit(call));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    // 80 more than the limit of 150, in packs of 50: two packs, not one more.
    assertThat(
            Database.queryLong(
                "select count(*) from billing.top_up where customer_id = ?", customer))
        .isEqualTo(2);
    assertThat(posts("/v1/invoices", customer)).hasSize(2);
    JsonObject line = billing.usage(customer).getJsonObject("build_hours");
    assertThat(line.getJsonNumber("used").longValue()).isEqualTo(230);
    assertThat(line.getJsonNumber("limit").longValue()).isEqualTo(250);
  }

  @Test
  void aFailedTopUpPaymentWithdrawsTheHeadroomAndIsAudited() {
    String customer = proCustomerWithTopUps("failed", 5000);
    record(customer, 150);
    assertThat(consume(customer, 10).statusCode()).isEqualTo(200);
    String invoiceId =
        posts("/v1/invoiceitems", customer).get(0).formParameters().get("invoice").firstValue();

    JsonObject failed =
        Json.createObjectBuilder(StripeEvents.fixture("invoice"))
            .add("id", invoiceId)
            .add("customer", "cus_" + customer)
            .add("status", "open")
            .add("parent", JsonValue.NULL)
            .build();
    HttpResponse<String> delivered =
        events.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "invoice.payment_failed",
                Instant.now().getEpochSecond(),
                failed));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    assertThat(Http.json(delivered).getString("outcome")).isEqualTo("processed");

    JsonObject line = billing.usage(customer).getJsonObject("build_hours");
    assertThat(line.getJsonNumber("topUp").longValue()).isZero();
    assertThat(line.getJsonNumber("limit").longValue()).isEqualTo(150);
    assertThat(line.getString("level")).isEqualTo("exceeded"); // 160 used stays recorded
    JsonObject settings = overage(customer).getJsonObject("resources").getJsonObject("build_hours");
    assertThat(settings.getInt("packs")).isZero();
    assertThat(settings.getJsonNumber("spentCents").longValue()).isZero();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?"
                    + " and action = 'top_up_payment_failed'",
                customer))
        .isEqualTo(1);
  }

  @Test
  void aCheckNamingAnAmountBuysAPackAndAPlainCheckNeverDoes() {
    String customer = proCustomerWithTopUps("check", 5000);
    record(customer, 150);

    JsonObject plain =
        Http.json(
            http.post(
                "/billing/check-usage-limits",
                Tokens.customer(customer),
                "{\"customerId\":\"%s\"}".formatted(customer)));
    assertThat(plain.getBoolean("allowed")).isFalse();
    assertThat(plain.getString("reason")).isEqualTo("limit_reached");
    assertThat(posts("/v1/invoices", customer)).isEmpty();

    JsonObject asked =
        Http.json(
            http.post(
                "/billing/check-usage-limits",
                Tokens.customer(customer),
                "{\"customerId\":\"%s\",\"usage\":{\"build_hours\":20}}".formatted(customer)));
    assertThat(asked.getBoolean("allowed")).isTrue();
    assertThat(asked.getJsonArray("topUps")).hasSize(1);
    assertThat(asked.getJsonArray("topUps").getJsonObject(0).getString("resource"))
        .isEqualTo("build_hours");
    assertThat(
            asked
                .getJsonObject("resources")
                .getJsonObject("build_hours")
                .getJsonNumber("limit")
                .longValue())
        .isEqualTo(200);
  }

  @Test
  void withoutTopUpsOrOnFreeTheLimitIsHardAndSettingsAreChecked() {
    String free = BillingApi.newCustomer("free_topup");
    settings(free, 5000);
    record(free, 5);
    HttpResponse<String> refused = consume(free, 1);
    assertProblem(refused, 409, "usage-limit-exceeded");
    assertThat(Http.json(refused).getString("reason")).isEqualTo("limit_reached");
    assertThat(overage(free).getJsonObject("resources").getJsonObject("build_hours").isNull("pack"))
        .isTrue();

    HttpResponse<String> projects =
        http.put(
            "/billing/overage/" + free,
            Tokens.customer(free),
            "{\"resources\":{\"projects\":{\"enabled\":true}}}");
    assertProblem(projects, 400, "invalid-overage");
    assertProblem(
        http.put(
            "/billing/overage/" + free,
            Tokens.customer(free),
            "{\"resources\":{\"build_hours\":{\"monthlyCapCents\":-1}}}"),
        400,
        "validation-failed");
    assertProblem(
        http.get("/billing/overage/" + free, Tokens.customer("someone_else")),
        403,
        "forbidden-customer");
  }

  // ------------------------------------------------------------------ helpers

  private static final String RANDOM = "{{randomValue length=14 type='ALPHANUMERIC'}}";

  private String proCustomerWithTopUps(String prefix, long capCents) {
    String customer = BillingApi.newCustomer(prefix);
    JsonObject stripeCustomer =
        Json.createObjectBuilder(StripeEvents.fixture("customer"))
            .add("id", "cus_" + customer)
            .add("metadata", Json.createObjectBuilder().add("customer_id", customer))
            .build();
    assertThat(
            events
                .deliver(
                    StripeEvents.event(
                        StripeEvents.newEventId(),
                        "customer.created",
                        Instant.now().getEpochSecond(),
                        stripeCustomer))
                .statusCode())
        .isEqualTo(200);
    billing.subscribe(customer, "PRO", "active");
    settings(customer, capCents);
    return customer;
  }

  private void settings(String customer, long capCents) {
    HttpResponse<String> saved =
        http.put(
            "/billing/overage/" + customer,
            Tokens.customer(customer),
            "{\"resources\":{\"build_hours\":{\"enabled\":true,\"monthlyCapCents\":%d}}}"
                .formatted(capCents));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonObject line = Http.json(saved).getJsonObject("resources").getJsonObject("build_hours");
    assertThat(line.getBoolean("enabled")).isTrue();
    assertThat(line.getJsonNumber("monthlyCapCents").longValue()).isEqualTo(capCents);
  }

  private JsonObject overage(String customer) {
    HttpResponse<String> answer = http.get("/billing/overage/" + customer, Tokens.service());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Http.json(answer);
  }

  private void record(String customer, long quantity) {
    HttpResponse<String> recorded = consume(customer, quantity);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    assertThat(Http.json(recorded).isNull("topUp")).isTrue();
  }

  private HttpResponse<String> consume(String customer, long quantity) {
    return billing.consume(customer, "build_hours", quantity);
  }

  private List<LoggedRequest> posts(String url, String customer) {
    return stripe.findAll(
        postRequestedFor(urlEqualTo(url))
            .withRequestBody(containing("cus_" + customer))
            .withHeader("Idempotency-Key", containing("topup_" + customer + "_")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder templated(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_standin")
        .withBody(body)
        .withTransformers("response-template");
  }
}
