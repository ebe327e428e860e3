package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the product sends to Stripe and what it makes of Stripe's answers (issue 18), against the
 * stand-in: every create or update carries the key of its request, so cancel, resume, cancel is
 * three changes at Stripe and a client's retry reuses its key (case 1); an upgrade is invoiced at
 * once and, like cancel, first releases a pending downgrade's schedule (case 5); a customer on the
 * legacy path who already subscribed can still cancel, resume and open the portal (case 6); a price
 * no tier maps to grants FREE, is audited and named, and does not block later events (case 7); the
 * success page's look-up asks Stripe once and then answers from the mirror, at most once a second
 * per open session, and hides other customers' sessions (cases 8 and 15).
 */
@ExtendWith(ArquillianExtension.class)
class StripeCallsIT {

  private static final String KEY_HEADER = "Idempotency-Key";
  private static final String SUCCESS = "https://app.example/billing/success";
  private static final String CANCEL = "https://app.example/billing";

  private final Http http = Http.testServer();
  private final BillingApi billing = BillingApi.testServer();
  private final FlagsApi flags = FlagsApi.testServer();
  private final StripeEvents events = StripeEvents.testServer();
  private final WireMockServer stripe = IntegrationTestSession.stripeStandIn();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @AfterEach
  void restoreTheSeed() {
    flags.set(FlagsApi.BILLING_V2, true, 100);
  }

  @Test
  void cancelResumeCancelSendsThreeDistinctKeysAndEndsCancelled() {
    String customer = BillingApi.newCustomer("crc");
    String sub = subscribedToPro(customer);
    stubCancelAndResume(customer, sub, null);

    assertThat(ok(change(customer, "cancel", null)).getString("change")).isEqualTo("cancel");
    assertThat(ok(change(customer, "resume", null)).getString("change")).isEqualTo("resume");
    JsonObject last = ok(change(customer, "cancel", null));

    assertThat(last.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(status(customer).getBoolean("cancelAtPeriodEnd")).isTrue();
    List<String> keys = keysOf("/v1/subscriptions/" + sub);
    assertThat(keys).hasSize(3).doesNotHaveDuplicates().allMatch(k -> k.startsWith("req_"));
    assertThat(keys.get(0)).endsWith(":cancel");
    assertThat(keys.get(1)).endsWith(":resume");
    assertThat(keys.get(2)).endsWith(":cancel");
  }

  @Test
  void aRetriedRequestWithTheClientsIdempotencyKeyReusesItsKey() {
    String customer = BillingApi.newCustomer("retry");
    String sub = subscribedToPro(customer);
    stubCancelAndResume(customer, sub, null);
    String clientKey = "k-" + UUID.randomUUID();

    ok(change(customer, "cancel", clientKey));
    ok(change(customer, "cancel", clientKey));

    List<String> keys = keysOf("/v1/subscriptions/" + sub);
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0))
        .isEqualTo(keys.get(1))
        .startsWith("client_")
        .endsWith(":cancel")
        .doesNotContain(clientKey);
  }

  @Test
  void anUpgradeIsInvoicedAtOnce() {
    String customer = BillingApi.newCustomer("invoiced");
    String sub = subscribedToPro(customer);
    stubUpgradeToScale(customer, sub);

    JsonObject change =
        ok(
            change(
                customer,
                "change-plan",
                null,
                "{\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}"));

    assertThat(change.getString("change")).isEqualTo("upgrade");
    assertThat(change.getJsonObject("subscription").getString("tierId")).isEqualTo("SCALE");
    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/subscriptions/" + sub))
            .withFormParam("proration_behavior", equalTo("always_invoice"))
            .withFormParam("items[0][price]", equalTo("price_scale_monthly")));
    assertThat(keysOf("/v1/subscriptions/" + sub))
        .singleElement()
        .satisfies(k -> assertThat(k).endsWith(":upgrade"));
  }

  @Test
  void cancelWithAPendingDowngradeReleasesTheScheduleFirst() {
    String customer = BillingApi.newCustomer("sched_cancel");
    String sub = subscribedToPro(customer);
    String schedule = withPendingDowngrade(customer, sub);
    stubCancelAndResume(customer, sub, schedule);

    JsonObject cancel = ok(change(customer, "cancel", null));

    assertThat(cancel.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isTrue();
    assertReleasedBeforeUpdate(schedule, sub, ":cancel");
  }

  @Test
  void anUpgradeReleasesAPendingDowngrade() {
    String customer = BillingApi.newCustomer("sched_up");
    String sub = subscribedToPro(customer);
    String schedule = withPendingDowngrade(customer, sub);
    stubUpgradeToScale(customer, sub);

    JsonObject change =
        ok(
            change(
                customer,
                "change-plan",
                null,
                "{\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}"));

    assertThat(change.getString("change")).isEqualTo("upgrade");
    assertThat(change.getJsonObject("subscription").getString("tierId")).isEqualTo("SCALE");
    assertReleasedBeforeUpdate(schedule, sub, ":upgrade");
  }

  @Test
  void onLegacyASubscribedCustomerCanStillCancelResumeAndOpenThePortal() {
    String customer = BillingApi.newCustomer("legacy_sub");
    String sub = subscribedToPro(customer);
    stubCancelAndResume(customer, sub, null);
    flags.set(FlagsApi.BILLING_V2, false, 100);

    JsonObject cancel = ok(change(customer, "cancel", null));
    assertThat(cancel.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isTrue();
    JsonObject resume = ok(change(customer, "resume", null));
    assertThat(resume.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isFalse();
    HttpResponse<String> portal =
        http.post(
            "/billing/create-portal-session",
            Tokens.customer(customer),
            "{\"customerId\":\"%s\",\"returnUrl\":\"%s\"}".formatted(customer, CANCEL));
    assertThat(portal.statusCode()).as(portal.body()).isEqualTo(200);
    assertThat(Http.json(portal).getString("url")).startsWith("https://");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
            .withFormParam("customer", equalTo("cus_" + customer)));

    assertProblem(
        change(
            customer, "change-plan", null, "{\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}"),
        409,
        "billing-v2-not-enabled");
    String newcomer = BillingApi.newCustomer("legacy_new");
    assertProblem(checkout(newcomer, "PRO"), 409, "billing-v2-not-enabled");
  }

  @Test
  void anUnknownPriceGrantsFreeIsAuditedAndDoesNotPoisonLaterEvents() {
    String customer = BillingApi.newCustomer("rotated");
    String sub = "sub_" + customer;
    String price = "price_rotated_" + UUID.randomUUID().toString().substring(0, 8);
    String createdId = StripeEvents.newEventId();
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> created =
        events.deliver(
            StripeEvents.event(
                createdId,
                "customer.subscription.created",
                now - 5,
                StripeEvents.subscription(sub, customer, price, "active", false)));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(Http.json(created).getString("outcome")).isEqualTo("processed");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.webhook_event where event_id = ? and status ="
                    + " 'processed' and detail like ?",
                createdId,
                "%" + price + "%"))
        .isEqualTo(1);
    assertThat(status(customer).getString("tierId")).isEqualTo("FREE");
    assertThat(
            Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ? and action ="
                    + " 'unknown_price'",
                customer))
        .isEqualTo(1);
    assertThat(adminRecord(customer, sub).getString("unknownPriceId")).isEqualTo(price);

    HttpResponse<String> updated =
        events.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "customer.subscription.updated",
                now,
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(Http.json(updated).getString("outcome")).isEqualTo("processed");
    assertThat(status(customer).getString("tierId")).isEqualTo("PRO");
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isTrue();
    JsonObject record = adminRecord(customer, sub);
    assertThat(record.getOrDefault("unknownPriceId", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
  }

  @Test
  void theSuccessPageLookUpAsksStripeOnceAndThenAnswersFromTheMirror() {
    String customer = BillingApi.newCustomer("lookup");
    String sub = "sub_" + customer;
    String sessionId = createdSession(customer);
    stubSession(sessionId, customer, "complete", sub);
    stripe.stubFor(
        get(urlEqualTo("/v1/subscriptions/" + sub))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, customer, "price_pro_monthly", "active", false))));

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> lookup = lookUp(sessionId, customer);
      assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
      JsonObject view = Http.json(lookup);
      assertThat(view.getString("status")).isEqualTo("complete");
      assertThat(view.getJsonObject("subscription").getString("tierId")).isEqualTo("PRO");
    }

    assertThat(sessionReads(sessionId)).isEqualTo(1);
    assertProblem(
        lookUp(sessionId, BillingApi.newCustomer("other")), 404, "payment-object-not-found");
    assertThat(sessionReads(sessionId)).isEqualTo(1);
  }

  @Test
  void lookUpsOfAnOpenSessionAskStripeAtMostOnceASecond() throws InterruptedException {
    String customer = BillingApi.newCustomer("lookup_open");
    String sessionId = createdSession(customer);
    stubSession(sessionId, customer, "open", null);

    long started = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> lookup = lookUp(sessionId, customer);
      assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
      assertThat(Http.json(lookup).getString("status")).isEqualTo("open");
    }
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    // One call per started second of the loop at most (one in all when the loop is that quick).
    long reads = sessionReads(sessionId);
    assertThat(reads).isBetween(1L, 1 + elapsedMillis / 1_000);
    Thread.sleep(1_100); // the throttle's window
    assertThat(lookUp(sessionId, customer).statusCode()).isEqualTo(200);
    assertThat(sessionReads(sessionId)).isEqualTo(reads + 1);
  }

  // --- set-up

  /** A PRO subscription known to the mirror (through its webhook) and to the Stripe stand-in. */
  private String subscribedToPro(String customer) {
    String sub = "sub_" + customer;
    JsonObject subscription =
        StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false);
    stripe.stubFor(get(urlEqualTo("/v1/subscriptions/" + sub)).willReturn(json(subscription)));
    HttpResponse<String> delivered =
        events.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "customer.subscription.created",
                Instant.now().getEpochSecond() - 5,
                subscription));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    return sub;
  }

  /**
   * Stripe says the subscription is cancelled at period end when retrieved (so that a resume has
   * something to undo), with {@code schedule} attached if not null, and answers each update as it
   * was asked.
   */
  private void stubCancelAndResume(String customer, String sub, String schedule) {
    JsonObject retrieved =
        Json.createObjectBuilder(
                StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", true))
            .add("schedule", schedule == null ? JsonValue.NULL : Json.createValue(schedule))
            .build();
    stripe.stubFor(get(urlEqualTo("/v1/subscriptions/" + sub)).willReturn(json(retrieved)));
    for (boolean cancel : new boolean[] {true, false}) {
      stripe.stubFor(
          post(urlEqualTo("/v1/subscriptions/" + sub))
              .withFormParam("cancel_at_period_end", equalTo(String.valueOf(cancel)))
              .willReturn(
                  json(
                      StripeEvents.subscription(
                          sub, customer, "price_pro_monthly", "active", cancel))));
    }
  }

  private void stubUpgradeToScale(String customer, String sub) {
    stripe.stubFor(
        post(urlEqualTo("/v1/subscriptions/" + sub))
            .withFormParam("proration_behavior", equalTo("always_invoice"))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, customer, "price_scale_monthly", "active", false))));
  }

  /** Stripe has a downgrade's schedule on the subscription, and releases it when asked. */
  private String withPendingDowngrade(String customer, String sub) {
    String schedule = "sub_sched_" + customer;
    stripe.stubFor(
        get(urlEqualTo("/v1/subscriptions/" + sub))
            .willReturn(
                json(
                    Json.createObjectBuilder(
                            StripeEvents.subscription(
                                sub, customer, "price_pro_monthly", "active", false))
                        .add("schedule", schedule)
                        .build())));
    stripe.stubFor(
        post(urlEqualTo("/v1/subscription_schedules/" + schedule + "/release"))
            .willReturn(
                json(
                    Json.createObjectBuilder(StripeEvents.fixture("subscription_schedule"))
                        .add("id", schedule)
                        .add("customer", "cus_" + customer)
                        .add("status", "released")
                        .add("released_subscription", sub)
                        .build())));
    return schedule;
  }

  /** Creates a checkout session through our API; the stand-in gives it a fresh id. */
  private String createdSession(String customer) {
    HttpResponse<String> created = checkout(customer, "PRO");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String sessionId = Http.json(created).getString("sessionId");
    assertThat(sessionId).startsWith("cs_test_");
    return sessionId;
  }

  private void stubSession(String sessionId, String customer, String status, String sub) {
    JsonObject session =
        Json.createObjectBuilder(StripeEvents.fixture("checkout_session"))
            .add("id", sessionId)
            .add("mode", "subscription")
            .add("status", status)
            .add("client_reference_id", customer)
            .add("customer", "cus_" + customer)
            .add("subscription", sub == null ? JsonValue.NULL : Json.createValue(sub))
            .build();
    stripe.stubFor(
        get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(json(session)));
  }

  // --- calls

  private HttpResponse<String> change(String customer, String operation, String key) {
    return change(customer, operation, key, "{}");
  }

  private HttpResponse<String> change(String customer, String operation, String key, String json) {
    String body =
        json.equals("{}")
            ? "{\"customerId\":\"" + customer + "\"}"
            : json.replaceFirst("\\{", "{\"customerId\":\"" + customer + "\",");
    Map<String, String> headers =
        key == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", KEY_HEADER, key);
    return http.send(
        "POST", "/billing/subscription/" + operation, Tokens.customer(customer), headers, body);
  }

  private HttpResponse<String> checkout(String customer, String tier) {
    return http.post(
        "/billing/create-checkout-session",
        Tokens.customer(customer),
        "{\"tierId\":\"%s\",\"billingPeriod\":\"monthly\",\"successUrl\":\"%s\",\"cancelUrl\":\"%s\",\"customerId\":\"%s\"}"
            .formatted(tier, SUCCESS, CANCEL, customer));
  }

  private HttpResponse<String> lookUp(String sessionId, String asCustomer) {
    return http.get("/billing/checkout-session/" + sessionId, Tokens.customer(asCustomer));
  }

  private JsonObject status(String customer) {
    return ok(http.get("/billing/subscription/status/" + customer, Tokens.service()));
  }

  private JsonObject adminRecord(String customer, String sub) {
    JsonObject list =
        ok(http.get("/billing/admin/customers/" + customer + "/subscriptions", Tokens.admin()));
    return list.getJsonArray("subscriptions").getValuesAs(JsonObject.class).stream()
        .filter(s -> sub.equals(s.getString("subscriptionId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(sub + " not in " + list));
  }

  // --- what reached the stand-in

  /** The POSTs to {@code url} the stand-in received, oldest first (the journal's order). */
  private List<LoggedRequest> posts(String... urls) {
    List<String> wanted = List.of(urls);
    List<LoggedRequest> newestFirst =
        stripe.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .filter(r -> RequestMethod.POST.equals(r.getMethod()) && wanted.contains(r.getUrl()))
            .collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The Idempotency-Key headers of the POSTs to {@code url}, oldest first. */
  private List<String> keysOf(String url) {
    return posts(url).stream().map(r -> r.getHeader(KEY_HEADER)).toList();
  }

  private long sessionReads(String sessionId) {
    return stripe
        .findAll(getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)))
        .size();
  }

  /**
   * The schedule's release reached Stripe before the subscription's update, and both carry the same
   * request's key.
   */
  private void assertReleasedBeforeUpdate(String schedule, String sub, String updateSuffix) {
    String releaseUrl = "/v1/subscription_schedules/" + schedule + "/release";
    String updateUrl = "/v1/subscriptions/" + sub;
    List<LoggedRequest> posts = posts(releaseUrl, updateUrl);
    assertThat(posts).extracting(LoggedRequest::getUrl).containsExactly(releaseUrl, updateUrl);
    String releaseKey = posts.get(0).getHeader(KEY_HEADER);
    String updateKey = posts.get(1).getHeader(KEY_HEADER);
    assertThat(releaseKey).endsWith(":release-schedule");
    assertThat(updateKey).endsWith(updateSuffix);
    assertThat(releaseKey.substring(0, releaseKey.lastIndexOf(':')))
        .isEqualTo(updateKey.substring(0, updateKey.lastIndexOf(':')));
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static ResponseDefinitionBuilder json(JsonObject body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
