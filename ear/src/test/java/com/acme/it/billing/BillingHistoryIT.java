package com.acme.it.billing;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing history on PostgreSQL: invoices mirrored from signed {@code invoice.*} webhooks (out
 * of order, one-off invoices too) and read newest first in pages, and usage per day over several
 * days, with the status endpoint's access rules.
 */
@ExtendWith(ArquillianExtension.class)
class BillingHistoryIT {

  private final BillingApi billing = BillingApi.testServer();
  private final StripeEvents stripe = StripeEvents.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void invoiceEventsKeepTheHistoryNewestFirstAndAPaidInvoiceStaysPaid() {
    String customer = knownCustomer("hist");
    long now = Instant.now().getEpochSecond();
    JsonObject first = invoice(customer, "in_first_" + customer, "open", 0, now - 7200);
    deliver("invoice.finalized", now - 7200, first, "ignored_or_processed");
    deliver("invoice.paid", now - 7100, paid(first), "processed");
    JsonObject second = invoice(customer, "in_second_" + customer, "open", 0, now - 60);
    deliver("invoice.paid", now - 50, paid(second), "processed");
    // Stripe's retry of the older finalized event arrives last.
    deliver("invoice.finalized", now - 7000, first, "ignored_or_processed");

    JsonObject page0 = invoices(customer, "?size=1", Tokens.customer(customer));
    assertThat(page0.getInt("total")).isEqualTo(2);
    assertThat(page0.getJsonArray("items")).hasSize(1);
    JsonObject newest = page0.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("invoiceId")).isEqualTo("in_second_" + customer);

    JsonObject older =
        invoices(customer, "?page=1&size=1", Tokens.service())
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(older.getString("invoiceId")).isEqualTo("in_first_" + customer);
    assertThat(older.getString("status")).isEqualTo("paid");
    assertThat(older.getJsonNumber("amountDue").longValue()).isEqualTo(3000);
    assertThat(older.getJsonNumber("amountPaid").longValue()).isEqualTo(3000);
    assertThat(older.getString("currency")).isEqualTo("usd");
    assertThat(older.getString("number")).isEqualTo("NR-in_first_" + customer);
    assertThat(older.getString("hostedInvoiceUrl"))
        .isEqualTo("https://invoice.stripe.com/i/in_first_" + customer);
    assertThat(older.getString("invoicePdf"))
        .isEqualTo("https://pay.stripe.com/invoice/in_first_" + customer + "/pdf");
    assertThat(Instant.parse(older.getString("createdAt")))
        .isEqualTo(Instant.ofEpochSecond(now - 7200));
    assertThat(older.get("periodStart")).isNotEqualTo(JsonValue.NULL);
  }

  @Test
  void aOneOffInvoiceWithoutASubscriptionIsInTheHistory() {
    String customer = knownCustomer("oneoff");
    long now = Instant.now().getEpochSecond();
    JsonObject invoice =
        Json.createObjectBuilder(paid(invoice(customer, "in_oneoff_" + customer, "open", 0, now)))
            .add("parent", JsonValue.NULL)
            .build();

    deliver("invoice.paid", now, invoice, "processed");

    JsonObject page = invoices(customer, "", Tokens.customer(customer));
    assertThat(page.getJsonArray("items"))
        .extracting(v -> v.asJsonObject().getString("invoiceId"))
        .containsExactly("in_oneoff_" + customer);
  }

  @Test
  void invoicesFollowTheStatusAccessRulesAndRefuseAPageOutOfRange() {
    String customer = knownCustomer("inv_access");
    Http http = billing.http();
    assertProblem(
        http.get("/billing/invoices/" + customer, Tokens.customer("someone_else")),
        403,
        "forbidden-customer");
    assertProblem(http.get("/billing/invoices/" + customer, null), 401, "unauthorized");
    HttpResponse<String> tooBig =
        http.get("/billing/invoices/" + customer + "?size=101", Tokens.admin());
    assertProblem(tooBig, 400, "invalid-parameter");
    assertThat(Http.json(tooBig).getString("field")).isEqualTo("size");
    HttpResponse<String> farPage =
        http.get("/billing/invoices/" + customer + "?page=2147483647&size=100", Tokens.admin());
    assertProblem(farPage, 400, "invalid-parameter");
    assertThat(Http.json(farPage).getString("field")).isEqualTo("page");
    assertThat(invoices(customer, "", Tokens.admin()).getInt("total")).isZero();
  }

  @Test
  void usageHistoryIsPerUtcDayOverSeveralDays() {
    String customer = BillingApi.newCustomer("uhist");
    billing.subscribe(customer, "SCALE", "active");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    recordDaysAgo(customer, 2, "build_hours", 3);
    recordDaysAgo(customer, 2, "build_hours", 4);
    recordDaysAgo(customer, 0, "build_hours", 5);
    setLevelDaysAgo(customer, 3, 2);
    setLevelDaysAgo(customer, 1, 5);

    JsonObject hours =
        history(customer, "build_hours", today.minusDays(3), today, Tokens.customer(customer));
    assertThat(hours.getString("kind")).isEqualTo("consumed");
    assertThat(amounts(hours)).containsExactly(0L, 7L, 0L, 5L);
    assertThat(hours.getJsonArray("days").getJsonObject(1).getString("date"))
        .isEqualTo(today.minusDays(2).toString());

    JsonObject projects =
        history(customer, "projects", today.minusDays(4), today, Tokens.service());
    assertThat(projects.getString("kind")).isEqualTo("level");
    assertThat(amounts(projects)).containsExactly(0L, 2L, 2L, 5L, 5L);

    HttpResponse<String> defaults =
        billing
            .http()
            .get("/billing/usage/history/" + customer + "?resource=build_hours", Tokens.admin());
    assertThat(Http.json(defaults).getJsonArray("days")).hasSize(30);
    assertThat(Http.json(defaults).getString("to")).isEqualTo(today.toString());
  }

  @Test
  void usageHistoryRefusesABadRangeAndAnUnknownResource() {
    String customer = BillingApi.newCustomer("uhist_bad");
    Http http = billing.http();
    String base = "/billing/usage/history/" + customer;
    assertProblem(
        http.get(base + "?resource=build_hours&from=2026-12-05&to=2026-12-01", Tokens.admin()),
        400,
        "invalid-parameter");
    assertProblem(
        http.get(base + "?resource=build_hours&from=2024-01-01&to=2026-12-01", Tokens.admin()),
        400,
        "invalid-parameter");
    assertProblem(
        http.get(base + "?resource=build_hours&from=2026-02-30", Tokens.admin()),
        400,
        "invalid-parameter");
    assertProblem(http.get(base, Tokens.admin()), 400, "invalid-parameter");
    assertProblem(http.get(base + "?resource=gpus", Tokens.admin()), 400, "unknown-resource");
    assertProblem(
        http.get(base + "?resource=build_hours", Tokens.customer("other")),
        403,
        "forbidden-customer");
  }

  @Test
  void aLevelOfACustomerCalledHistoryIsStillSet() {
    // The history's path (usage/history/{customerId}) must not take the level's (usage/{id}/{r}).
    HttpResponse<String> set = billing.setLevel("history", "projects", 1, true);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ helpers

  private String knownCustomer(String prefix) {
    String customer = BillingApi.newCustomer(prefix);
    JsonObject stripeCustomer =
        Json.createObjectBuilder(StripeEvents.fixture("customer"))
            .add("id", "cus_" + customer)
            .add("metadata", Json.createObjectBuilder().add("customer_id", customer))
            .build();
    HttpResponse<String> known =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "customer.created",
                Instant.now().getEpochSecond(),
                stripeCustomer));
    assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
    return customer;
  }

  private static JsonObject invoice(
      String customer, String invoiceId, String status, long paid, long created) {
    return Json.createObjectBuilder(StripeEvents.invoice("sub_" + customer))
        .add("id", invoiceId)
        .add("customer", "cus_" + customer)
        .add("number", "NR-" + invoiceId)
        .add("status", status)
        .add("currency", "usd")
        .add("amount_due", 3000)
        .add("amount_paid", paid)
        .add("created", created)
        .add("period_start", created)
        .add("period_end", created + 30L * 24 * 3600)
        .add("hosted_invoice_url", "https://invoice.stripe.com/i/" + invoiceId)
        .add("invoice_pdf", "https://pay.stripe.com/invoice/" + invoiceId + "/pdf")
        .build();
  }

  private static JsonObject paid(JsonObject invoice) {
    return Json.createObjectBuilder(invoice).add("status", "paid").add("amount_paid", 3000).build();
  }

  private void deliver(String type, long created, JsonObject invoice, String expected) {
    HttpResponse<String> answer =
        stripe.deliver(StripeEvents.event(StripeEvents.newEventId(), type, created, invoice));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    if (!"ignored_or_processed".equals(expected)) {
      assertThat(Http.json(answer).getString("outcome")).isEqualTo(expected);
    }
  }

  private JsonObject invoices(String customer, String query, String token) {
    HttpResponse<String> answer =
        billing.http().get("/billing/invoices/" + customer + query, token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Http.json(answer);
  }

  private JsonObject history(
      String customer, String resource, LocalDate from, LocalDate to, String token) {
    HttpResponse<String> answer =
        billing
            .http()
            .get(
                "/billing/usage/history/%s?resource=%s&from=%s&to=%s"
                    .formatted(customer, resource, from, to),
                token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Http.json(answer);
  }

  private static List<Long> amounts(JsonObject history) {
    return history.getJsonArray("days").stream()
        .map(day -> day.asJsonObject().getJsonNumber("amount").longValue())
        .toList();
  }

  /** Records through the API, then moves the record back in time as if made days ago. */
  private void recordDaysAgo(String customer, int days, String resource, long quantity) {
    String key = "hist-" + UUID.randomUUID();
    HttpResponse<String> recorded =
        billing.consume(Tokens.service(), customer, resource, quantity, key, true);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    age(customer, key, days);
  }

  private void setLevelDaysAgo(String customer, int days, long value) {
    HttpResponse<String> set = billing.setLevel(customer, "projects", value, true);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    age(customer, Http.json(set).getString("idempotencyKey"), days);
  }

  private static void age(String customer, String key, int days) {
    assertThat(
            Database.update(
                "update billing.usage_record set recorded_at = recorded_at - make_interval(days => ?)"
                    + " where customer_id = ? and idempotency_key = ?",
                days,
                customer,
                key))
        .isEqualTo(1);
  }
}
