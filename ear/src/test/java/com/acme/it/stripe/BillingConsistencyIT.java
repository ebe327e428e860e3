package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subscription mirror stays consistent when Stripe's events, the success page's look-up and
 * lock contention meet (issue 18, cases 2, 3, 4, 12, 13 and 14), against the real server, database
 * and Stripe adapter:
 *
 * <ul>
 *   <li>two events of the same second for one subscription, delivered at once, are settled by
 *       reading the subscription again, whatever order they are taken in;
 *   <li>a customer's first contact from the success page and from a webhook at the same time makes
 *       one account and one mirror row, and no 500;
 *   <li>a second live subscription is kept, marked duplicate and audited, the best tier decides,
 *       checkout refuses, and deleting it falls back to the other;
 *   <li>an invoice paid after its payment failed restores access; a failure of a paid invoice
 *       changes nothing, whichever arrives last;
 *   <li>state read from Stripe advances the ordering mark, so an older event cannot overwrite it;
 *   <li>a customer lock held too long answers 503 busy with Retry-After, and Stripe's redelivery of
 *       the same event then applies.
 * </ul>
 *
 * Every test uses its own customers and subscription ids, and stubs only URLs of its own on the
 * shared Stripe stand-in (removed again afterwards).
 */
@ExtendWith(ArquillianExtension.class)
class BillingConsistencyIT {

  private static final String SUCCESS = "https://app.example/billing/success";
  private static final String CANCEL = "https://app.example/billing";

  private final StripeEvents stripe = StripeEvents.testServer();
  private final BillingApi billing = BillingApi.testServer();
  private final Http http = Http.testServer();
  private final WireMockServer standIn = IntegrationTestSession.stripeStandIn();
  private final List<StubMapping> stubs = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @AfterEach
  void cleanUp() {
    pool.shutdownNow();
    stubs.forEach(standIn::removeStub);
  }

  @Test
  void sameSecondCreatedAndUpdatedDeliveredConcurrentlyAlwaysEndActive() throws Exception {
    for (int round = 0; round < 50; round++) {
      String customer = BillingApi.newCustomer("tie2");
      String sub = "sub_tie2_" + customer;
      stubSubscription(sub, customer, "price_pro_monthly", "active");
      long t = now() - 5;
      String created =
          StripeEvents.event(
              StripeEvents.newEventId(),
              "customer.subscription.created",
              t,
              StripeEvents.subscription(sub, customer, "price_pro_monthly", "incomplete", false));
      String updated =
          StripeEvents.event(
              StripeEvents.newEventId(),
              "customer.subscription.updated",
              t,
              StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false));

      List<HttpResponse<String>> answers =
          together(() -> stripe.deliver(created), () -> stripe.deliver(updated), round % 2 == 1);

      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).as("round %d: %s", round, answer.body()).isEqualTo(200);
      }
      JsonObject status = status(customer);
      assertThat(status.getString("status")).as("round %d", round).isEqualTo("active");
      assertThat(status.getString("tierId")).as("round %d", round).isEqualTo("PRO");
    }
  }

  @Test
  void firstContactFromTheSuccessPageAndTheWebhookAtOnceMakesOneCustomerAndNo500()
      throws Exception {
    for (int round = 0; round < 20; round++) {
      String customer = BillingApi.newCustomer("first");
      String sessionId = "cs_test_first_" + customer;
      String sub = "sub_first_" + customer;
      stubCompleteSession(sessionId, customer, sub);
      stubSubscription(sub, customer, "price_pro_monthly", "active");
      String webhook =
          StripeEvents.event(
              StripeEvents.newEventId(),
              "customer.subscription.created",
              now(),
              StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false));

      List<HttpResponse<String>> answers =
          together(
              () -> http.get("/billing/checkout-session/" + sessionId, Tokens.customer(customer)),
              () -> stripe.deliver(webhook),
              round % 2 == 1);

      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).as("round %d: %s", round, answer.body()).isEqualTo(200);
      }
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.customer_account where customer_id = ?", customer))
          .as("round %d: account rows", round)
          .isEqualTo(1);
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.subscription_mirror where customer_id = ?",
                  customer))
          .as("round %d: mirror rows", round)
          .isEqualTo(1);
      JsonObject status = status(customer);
      assertThat(status.getString("status")).as("round %d", round).isEqualTo("active");
      assertThat(status.getString("tierId")).as("round %d", round).isEqualTo("PRO");
    }
  }

  @Test
  void aSecondLiveSubscriptionIsKeptMarkedDuplicateAuditedAndTheBestTierDecides() {
    String customer = BillingApi.newCustomer("twosubs");
    String starter = "sub_starter_" + customer;
    String pro = "sub_pro_" + customer;
    long t = now() - 60;
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(
                starter, customer, "price_starter_monthly", "active", false)));
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t + 10,
            StripeEvents.subscription(pro, customer, "price_pro_monthly", "active", false)));

    List<JsonObject> listed = subscriptions(customer);
    assertThat(listed)
        .extracting(s -> s.getString("subscriptionId"))
        .containsExactlyInAnyOrder(starter, pro);
    assertThat(row(listed, pro).getBoolean("duplicate")).isTrue();
    assertThat(row(listed, starter).getBoolean("duplicate")).isFalse();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?"
                    + " and action = 'duplicate_subscription'",
                customer))
        .isEqualTo(1);
    assertThat(status(customer).getString("tierId")).isEqualTo("PRO");
    assertProblem(
        http.post(
            "/billing/create-checkout-session",
            Tokens.customer(customer),
            "{\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\",\"successUrl\":\"%s\",\"cancelUrl\":\"%s\",\"customerId\":\"%s\"}"
                .formatted(SUCCESS, CANCEL, customer)),
        409,
        "subscription-exists");

    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.deleted",
            t + 20,
            StripeEvents.subscription(pro, customer, "price_pro_monthly", "canceled", false)));

    assertThat(status(customer).getString("tierId")).isEqualTo("STARTER");
    List<JsonObject> after = subscriptions(customer);
    assertThat(after).hasSize(2);
    assertThat(row(after, pro).getBoolean("deleted")).isTrue();
    assertThat(row(after, starter).getBoolean("deleted")).isFalse();
  }

  @Test
  void invoicePaidAfterAPaymentFailureRestoresAccessAndAFailureOfAPaidInvoiceChangesNothing() {
    // A payment fails, then the same invoice is paid: access is restored, no grace left.
    String customer = BillingApi.newCustomer("repaid");
    String sub = "sub_repaid_" + customer;
    long t = now() - 60;
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    JsonObject invoice = StripeEvents.invoice(sub);
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "invoice.payment_failed",
            t + 10,
            withStatus(invoice, "open")));
    assertThat(status(customer).getString("status")).isEqualTo("past_due");

    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(), "invoice.paid", t + 20, withStatus(invoice, "paid")));
    JsonObject restored = status(customer);
    assertThat(restored.getString("status")).isEqualTo("active");
    assertThat(restored.getString("tierId")).isEqualTo("PRO");
    assertThat(restored.containsKey("graceUntil") && !restored.isNull("graceUntil")).isFalse();

    // The paid event arrives first; the failure of the same invoice, no newer, changes nothing.
    String other = BillingApi.newCustomer("paidfirst");
    String otherSub = "sub_paidfirst_" + other;
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(otherSub, other, "price_pro_monthly", "active", false)));
    JsonObject invoiceY = StripeEvents.invoice(otherSub);
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(), "invoice.paid", t + 20, withStatus(invoiceY, "paid")));
    HttpResponse<String> lateFailure =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "invoice.payment_failed",
                t + 20,
                withStatus(invoiceY, "open")));
    assertThat(lateFailure.statusCode()).as(lateFailure.body()).isEqualTo(200);
    assertThat(Http.json(lateFailure).getString("outcome")).isNotEqualTo("processed");
    JsonObject unchanged = status(other);
    assertThat(unchanged.getString("status")).isEqualTo("active");
    assertThat(unchanged.getString("tierId")).isEqualTo("PRO");
  }

  @Test
  void stateReadFromStripeAdvancesTheOrderingMarkSoAnOlderEventCannotOverwriteIt() {
    String customer = BillingApi.newCustomer("pulled");
    String sessionId = "cs_test_pulled_" + customer;
    String sub = "sub_pulled_" + customer;
    stubCompleteSession(sessionId, customer, sub);
    stubSubscription(sub, customer, "price_pro_monthly", "active");
    HttpResponse<String> lookup =
        http.get("/billing/checkout-session/" + sessionId, Tokens.customer(customer));
    assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
    assertThat(status(customer).getString("tierId")).isEqualTo("PRO");

    HttpResponse<String> older =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "customer.subscription.updated",
                now() - 60,
                StripeEvents.subscription(
                    sub, customer, "price_starter_monthly", "incomplete", false)));

    assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
    assertThat(Http.json(older).getString("outcome")).isEqualTo("stale");
    JsonObject status = status(customer);
    assertThat(status.getString("status")).isEqualTo("active");
    assertThat(status.getString("tierId")).isEqualTo("PRO");
  }

  @Test
  void aLockHeldTooLongAnswers503WithRetryAfterAndStripeRedeliveryThenApplies() throws Exception {
    String customer = BillingApi.newCustomer("held");
    String sub = "sub_held_" + customer;
    long t = now() - 60;
    assertProcessed(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    String update =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.updated",
            t + 10,
            StripeEvents.subscription(sub, customer, "price_scale_monthly", "active", false));

    HttpResponse<String> busy;
    try (Connection holder = Database.connect()) {
      holder.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            holder.prepareStatement(
                "select customer_id from billing.customer_account where customer_id = ? for update")) {
          lock.setString(1, customer);
          try (ResultSet rs = lock.executeQuery()) {
            assertThat(rs.next()).as("the customer's account row").isTrue();
          }
        }
        // The server waits billing.lock-timeout-ms (5 s); Http's request timeout is 30 s.
        busy = stripe.deliver(update);
      } finally {
        holder.rollback();
      }
    }

    assertProblem(busy, 503, "busy");
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    assertThat(status(customer).getString("tierId")).isEqualTo("PRO");

    // Stripe delivers the same event again once the lock is gone.
    HttpResponse<String> redelivered = stripe.deliver(update);
    assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
    assertThat(Http.json(redelivered).getString("outcome")).isEqualTo("processed");
    assertThat(status(customer).getString("tierId")).isEqualTo("SCALE");
  }

  /**
   * Runs both calls at the same moment (a barrier releases them together) and answers their
   * responses in the order {@code a}, {@code b}; {@code bFirst} submits {@code b} first.
   */
  private List<HttpResponse<String>> together(
      Callable<HttpResponse<String>> a, Callable<HttpResponse<String>> b, boolean bFirst)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<HttpResponse<String>> startA = released(start, a);
    Callable<HttpResponse<String>> startB = released(start, b);
    Future<HttpResponse<String>> fa;
    Future<HttpResponse<String>> fb;
    if (bFirst) {
      fb = pool.submit(startB);
      fa = pool.submit(startA);
    } else {
      fa = pool.submit(startA);
      fb = pool.submit(startB);
    }
    return List.of(fa.get(40, TimeUnit.SECONDS), fb.get(40, TimeUnit.SECONDS));
  }

  private static Callable<HttpResponse<String>> released(
      CyclicBarrier start, Callable<HttpResponse<String>> call) {
    return () -> {
      start.await(10, TimeUnit.SECONDS);
      return call.call();
    };
  }

  /** What Stripe answers when the server reads the subscription. */
  private void stubSubscription(String sub, String customer, String price, String status) {
    stubs.add(
        standIn.stubFor(
            get(urlEqualTo("/v1/subscriptions/" + sub))
                .willReturn(json(StripeEvents.subscription(sub, customer, price, status, false)))));
  }

  /** A completed subscription checkout of {@code customer}, as the success page looks it up. */
  private void stubCompleteSession(String sessionId, String customer, String sub) {
    JsonObject session =
        Json.createObjectBuilder(StripeEvents.fixture("checkout_session"))
            .add("id", sessionId)
            .add("mode", "subscription")
            .add("status", "complete")
            .add("client_reference_id", customer)
            .add("customer", "cus_" + customer)
            .add("subscription", sub)
            .build();
    stubs.add(
        standIn.stubFor(
            get(urlEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(json(session))));
  }

  private static ResponseDefinitionBuilder json(JsonObject body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  private void assertProcessed(String payload) {
    HttpResponse<String> response = stripe.deliver(payload);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getString("outcome")).as(response.body()).isEqualTo("processed");
  }

  private static JsonObject withStatus(JsonObject invoice, String status) {
    return Json.createObjectBuilder(invoice).add("status", status).build();
  }

  private JsonObject status(String customer) {
    HttpResponse<String> response =
        http.get("/billing/subscription/status/" + customer, Tokens.service());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private List<JsonObject> subscriptions(String customer) {
    HttpResponse<String> response =
        http.get("/billing/admin/customers/" + customer + "/subscriptions", Tokens.admin());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = Http.json(response);
    assertThat(body.getString("customerId")).isEqualTo(customer);
    return body.getJsonArray("subscriptions").getValuesAs(JsonObject.class);
  }

  private static JsonObject row(List<JsonObject> subscriptions, String subscriptionId) {
    return subscriptions.stream()
        .filter(s -> s.getString("subscriptionId").equals(subscriptionId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no subscription " + subscriptionId));
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
