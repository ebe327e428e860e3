package com.acme.it.stripe;

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
import java.net.http.HttpResponse;
import java.time.Instant;
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
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ArquillianExtension.class)
class WebhookIT {

  private final StripeEvents stripe = StripeEvents.testServer();
  private final BillingApi billing = BillingApi.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aSignedSubscriptionEventGrantsTheTierAndIsStored() {
    String customer = BillingApi.newCustomer("wh");
    String sub = "sub_" + customer;
    String eventId = StripeEvents.newEventId();
    HttpResponse<String> response =
        stripe.deliver(
            StripeEvents.event(
                eventId,
                "customer.subscription.created",
                now(),
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getString("outcome")).isEqualTo("processed");
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isTrue();
    JsonObject status = status(customer);
    assertThat(status.getString("tierId")).isEqualTo("PRO");
    assertThat(status.getString("status")).isEqualTo("active");
    assertThat(status.getString("billingPeriod")).isEqualTo("monthly");
    assertThat(status.getString("currentPeriodEnd")).isNotBlank();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'processed'",
                eventId))
        .isEqualTo(1);
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ? and actor = ?",
                customer,
                "stripe:" + eventId))
        .isEqualTo(1);
  }

  @Test
  void anEventSignedWithThePreviousSecretStillVerifiesWhileTheSecretRolls() {
    String customer = BillingApi.newCustomer("roll");
    String payload =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            now(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_starter_yearly", "active", false));
    HttpResponse<String> response =
        stripe.deliver(
            payload, StripeEvents.signature(payload, StripeEvents.PREVIOUS_SECRET, now()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(status(customer).getString("billingPeriod")).isEqualTo("yearly");
  }

  @Test
  void duplicateEventIsAppliedOnce() {
    String customer = BillingApi.newCustomer("dup");
    String eventId = StripeEvents.newEventId();
    String payload =
        StripeEvents.event(
            eventId,
            "customer.subscription.created",
            now(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false));
    assertThat(stripe.deliver(payload).statusCode()).isEqualTo(200);
    HttpResponse<String> again = stripe.deliver(payload);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Http.json(again).getString("outcome")).isEqualTo("duplicate");
    assertThat(auditRows(customer)).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
    String customer = BillingApi.newCustomer("race");
    String payload =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            now(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false));
    List<Callable<Integer>> deliveries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deliveries.add(() -> stripe.deliver(payload).statusCode());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> f : pool.invokeAll(deliveries)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).containsOnly(200);
    assertThat(auditRows(customer)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "created,updated,deleted",
        "created,deleted,updated",
        "updated,created,deleted",
        "updated,deleted,created",
        "deleted,created,updated",
        "deleted,updated,created",
        "created,updated,updated,deleted,created",
        "deleted,deleted,created,updated"
      })
  void everyOrderOfCreatedUpdatedDeletedEndsCanceled(String order) {
    String customer = BillingApi.newCustomer("order");
    String sub = "sub_" + customer;
    long t = now() - 100;
    String created =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false));
    String updated =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.updated",
            t + 10,
            StripeEvents.subscription(sub, customer, "price_scale_monthly", "active", true));
    String deleted =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.deleted",
            t + 20,
            StripeEvents.subscription(sub, customer, "price_scale_monthly", "canceled", false));
    for (String step : order.split(",")) {
      String payload =
          switch (step) {
            case "created" -> created;
            case "updated" -> updated;
            default -> deleted;
          };
      assertThat(stripe.deliver(payload).statusCode()).isEqualTo(200);
    }
    JsonObject status = status(customer);
    assertThat(status.getString("status")).isEqualTo("canceled");
    assertThat(status.getString("tierId")).isEqualTo("FREE");
    assertThat(billing.feature(customer, "autoscale").getString("reason"))
        .isEqualTo("subscription_inactive");
  }

  @Test
  void anOlderUpdateArrivingLateIsIgnored() {
    String customer = BillingApi.newCustomer("late");
    String sub = "sub_" + customer;
    long t = now() - 100;
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.updated",
            t + 10,
            StripeEvents.subscription(sub, customer, "price_scale_monthly", "active", false)));
    HttpResponse<String> late =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "customer.subscription.created",
                t,
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    assertThat(Http.json(late).getString("outcome")).isEqualTo("stale");
    assertThat(status(customer).getString("tierId")).isEqualTo("SCALE");
  }

  @Test
  void twoEventsOfTheSameSecondAreSettledByReadingTheSubscriptionAgain() {
    String customer = BillingApi.newCustomer("tie");
    String sub = "sub_" + customer;
    long t = now() - 30;
    // What Stripe says now, when asked: SCALE, cancelling at period end.
    com.acme.it.support.IntegrationTestSession.stripeStandIn()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                        "/v1/subscriptions/" + sub))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            StripeEvents.subscription(
                                    sub, customer, "price_scale_monthly", "active", true)
                                .toString())));
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    // Same second, and it may be older than the first: only Stripe can tell.
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.updated",
            t,
            StripeEvents.subscription(sub, customer, "price_starter_monthly", "active", false)));

    JsonObject status = status(customer);
    assertThat(status.getString("tierId")).isEqualTo("SCALE");
    assertThat(status.getBoolean("cancelAtPeriodEnd")).isTrue();
    com.acme.it.support.IntegrationTestSession.stripeStandIn()
        .verify(
            1,
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/v1/subscriptions/" + sub)));
  }

  @Test
  void aFailedPaymentMovesTheSubscriptionToPastDueWithAGracePeriod() {
    String customer = BillingApi.newCustomer("pay");
    String sub = "sub_" + customer;
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            now() - 60,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    HttpResponse<String> failed =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "invoice.payment_failed",
                now(),
                StripeEvents.invoice(sub)));
    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
    JsonObject status = status(customer);
    assertThat(status.getString("status")).isEqualTo("past_due");
    assertThat(Instant.parse(status.getString("graceUntil")))
        .isAfter(Instant.now().plusSeconds(6 * 24 * 3600));
    assertThat(billing.feature(customer, "autoscale").getString("reason"))
        .isEqualTo("grace_period");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ? and action = 'subscription.payment_failed'",
                customer))
        .isEqualTo(1);
  }

  @Test
  void aLatePaymentFailureOlderThanTheSubscriptionsStateChangesNothing() {
    String customer = BillingApi.newCustomer("latefail");
    String sub = "sub_" + customer;
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.updated",
            now() - 10,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    HttpResponse<String> late =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "invoice.payment_failed",
                now() - 100,
                StripeEvents.invoice(sub)));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(Http.json(late).getString("outcome")).isEqualTo("stale");
    assertThat(status(customer).getString("status")).isEqualTo("active");
  }

  @Test
  void badMissingOrStaleSignaturesAre400AndStoreNothing() {
    String customer = BillingApi.newCustomer("sig");
    String eventId = StripeEvents.newEventId();
    String payload =
        StripeEvents.event(
            eventId,
            "customer.subscription.created",
            now(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false));
    assertProblem(
        stripe.deliver(payload, StripeEvents.signature(payload, "whsec_wrong", now())),
        400,
        "invalid-webhook-signature");
    assertProblem(stripe.deliver(payload, null), 400, "invalid-webhook-signature");
    assertProblem(stripe.deliver(payload, "t=abc,v1=def"), 400, "invalid-webhook-signature");
    assertProblem(
        stripe.deliver(
            payload, StripeEvents.signature(payload, StripeEvents.CURRENT_SECRET, now() - 600)),
        400,
        "invalid-webhook-signature");
    String tampered = payload.replace("\"active\"", "\"trialing\"");
    assertProblem(
        stripe.deliver(
            tampered, StripeEvents.signature(payload, StripeEvents.CURRENT_SECRET, now())),
        400,
        "invalid-webhook-signature");
    String notJson = "this is not json";
    assertProblem(
        stripe.deliver(
            notJson, StripeEvents.signature(notJson, StripeEvents.CURRENT_SECRET, now())),
        400,
        "invalid-webhook-signature");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ?", eventId))
        .isZero();
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isFalse();
  }

  @Test
  void unknownEventTypesAreAcknowledgedRecordedAndIgnored() {
    String eventId = StripeEvents.newEventId();
    HttpResponse<String> response =
        stripe.deliver(
            StripeEvents.event(
                eventId,
                "plan.created",
                now(),
                StripeEvents.fixture("event").getJsonObject("data").getJsonObject("object")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).getString("outcome")).isEqualTo("ignored");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'ignored'",
                eventId))
        .isEqualTo(1);
  }

  @Test
  void anEventThatFailsToApplyIsStoredAsFailedRefusedAndReplayable() {
    String customer = BillingApi.newCustomer("fail");
    String sub = "sub_" + customer;
    long t = now();
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "incomplete", false)));
    String eventId = StripeEvents.newEventId();
    // The same second: the tie is settled by reading the subscription, which Stripe (the
    // stand-in) does not know; the processor says so and Stripe will retry.
    String payload =
        StripeEvents.event(
            eventId,
            "customer.subscription.updated",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false));
    HttpResponse<String> response = stripe.deliver(payload);
    JsonObject problem = assertProblem(response, 500, "webhook-processing-failed");
    assertThat(problem.getString("eventId")).isEqualTo(eventId);
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isFalse();

    JsonObject failed =
        Http.json(
            billing.http().get("/billing/admin/webhook-events?status=failed", Tokens.admin()));
    JsonObject listed =
        failed.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("eventId").equals(eventId))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getString("detail")).contains("no such object");
    assertThat(
            billing
                .http()
                .get("/billing/admin/webhook-events?status=failed", Tokens.service())
                .statusCode())
        .isEqualTo(403);

    // Stripe retries: still failing, still refused, still one stored row.
    assertProblem(stripe.deliver(payload), 500, "webhook-processing-failed");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ?", eventId))
        .isEqualTo(1);
  }

  @Test
  void anEventOfAnotherApiVersionIsAcknowledgedStoredAsIgnoredAndReplayable() {
    String customer = BillingApi.newCustomer("version");
    String eventId = StripeEvents.newEventId();
    // An API version this server does not read: acknowledged, so Stripe stops retrying, and kept.
    String payload =
        StripeEvents.event(
            eventId,
            "customer.subscription.created",
            now(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false),
            "2024-06-20.acacia");
    HttpResponse<String> response = stripe.deliver(payload);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getString("outcome")).isEqualTo("ignored");
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isFalse();

    JsonObject listed = listed("ignored", eventId);
    assertThat(listed.getString("status")).isEqualTo("ignored");
    assertThat(listed.getString("detail"))
        .contains("2024-06-20.acacia")
        .contains("2026-07-29.dahlia");

    // A redelivery is a duplicate; an admin replay applies it again (still unreadable here).
    HttpResponse<String> again = stripe.deliver(payload);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Http.json(again).getString("outcome")).isEqualTo("duplicate");
    HttpResponse<String> replayed =
        billing
            .http()
            .post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.admin(), "");
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(Http.json(replayed).getString("outcome")).isEqualTo("ignored");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'ignored'",
                eventId))
        .isEqualTo(1);
  }

  @Test
  void anIgnoredEventIsProcessedWhenAnAdminReplaysItOnceTheProductCanApplyIt() {
    String customer = BillingApi.newCustomer("learn");
    String sub = "sub_" + customer;
    String eventId = StripeEvents.newEventId();
    // No metadata customer_id and a Stripe customer not known yet: whose it is cannot be told.
    JsonObject anonymous =
        Json.createObjectBuilder(
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false))
            .add("metadata", Json.createObjectBuilder())
            .build();
    HttpResponse<String> ignored =
        stripe.deliver(
            StripeEvents.event(eventId, "customer.subscription.created", now() - 10, anonymous));
    assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(200);
    assertThat(Http.json(ignored).getString("outcome")).isEqualTo("ignored");
    assertThat(listed("ignored", eventId).getString("detail")).contains("no known customer");

    // Then the Stripe customer becomes known.
    JsonObject stripeCustomer =
        Json.createObjectBuilder(StripeEvents.fixture("customer"))
            .add("id", "cus_" + customer)
            .add("metadata", Json.createObjectBuilder().add("customer_id", customer))
            .build();
    assertThat(
            stripe
                .deliver(
                    StripeEvents.event(
                        StripeEvents.newEventId(), "customer.created", now(), stripeCustomer))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> replayed =
        billing
            .http()
            .post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.admin(), "");
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(Http.json(replayed).getString("outcome")).isEqualTo("processed");
    assertThat(status(customer).getString("tierId")).isEqualTo("PRO");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'processed'",
                eventId))
        .isEqualTo(1);

    // Processed now: a second replay changes nothing.
    HttpResponse<String> twice =
        billing
            .http()
            .post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.admin(), "");
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(Http.json(twice).getString("outcome")).isEqualTo("duplicate");
    assertThat(auditRows(customer)).isEqualTo(1);
  }

  @Test
  void aFailedEventIsProcessedWhenAnAdminReplaysIt() {
    String customer = BillingApi.newCustomer("replay");
    String sub = "sub_" + customer;
    long t = now() - 20;
    var standIn = com.acme.it.support.IntegrationTestSession.stripeStandIn();
    java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> reRead =
        () ->
            com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/v1/subscriptions/" + sub));
    // Stripe is down when the tie has to be settled: the event fails and is stored as failed.
    standIn.stubFor(
        reRead
            .get()
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            t,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));
    String eventId = StripeEvents.newEventId();
    assertProblem(
        stripe.deliver(
            StripeEvents.event(
                eventId,
                "customer.subscription.updated",
                t,
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", true))),
        500,
        "webhook-processing-failed");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'failed'",
                eventId))
        .isEqualTo(1);

    // Stripe is back; an admin replays the event.
    standIn.stubFor(
        reRead
            .get()
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeEvents.subscription(
                                sub, customer, "price_pro_monthly", "active", true)
                            .toString())));
    assertThat(
            billing
                .http()
                .post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.service(), "")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> replayed =
        billing
            .http()
            .post("/billing/admin/webhook-events/" + eventId + "/replay", Tokens.admin(), "");
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(Http.json(replayed).getString("outcome")).isEqualTo("processed");
    assertThat(status(customer).getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status = 'processed'",
                eventId))
        .isEqualTo(1);
    assertProblem(
        billing.http().post("/billing/admin/webhook-events/evt_none/replay", Tokens.admin(), ""),
        404,
        "webhook-event-not-found");
  }

  /** The stored event as the admin list shows it under {@code status}. */
  private JsonObject listed(String status, String eventId) {
    HttpResponse<String> response =
        billing.http().get("/billing/admin/webhook-events?status=" + status, Tokens.admin());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("eventId").equals(eventId))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject status(String customer) {
    HttpResponse<String> response =
        billing.http().get("/billing/subscription/status/" + customer, Tokens.service());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static long auditRows(String customer) {
    return Database.queryLong(
        "select count(*) from billing.audit_log where customer_id = ?", customer);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }
}
