package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Http;
import com.acme.it.support.PeerServer;
import com.acme.it.support.SharedPeer;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in sandbox, as the default run has it (development profile, no Stripe key), on a second
 * Liberty server: checkout page, pay with a test card, signed events through the real webhook
 * endpoint, access granted. The sandbox honours idempotency keys and refuses direct cancellation
 * changes under a schedule as Stripe does, so cancel, resume, cancel and a pending downgrade are
 * proven against its own state (issue 18).
 */
class SandboxIT {

  private static final String SUCCESS = "http://localhost:9080/billing/success";
  private static final String CANCEL = "http://localhost:9080/billing";
  private static final String STARTER_MONTHLY =
      "{\"tierId\":\"STARTER\",\"billingPeriod\":\"monthly\"}";
  private static PeerServer peer;
  private static Http http;

  @BeforeAll
  static void startServerWithoutStripeKey() throws Exception {
    peer = SharedPeer.ready();
    http = peer.http();
  }

  @Test
  void payingOnTheSandboxCheckoutPageGrantsAccessThroughSignedWebhooks() {
    String customer = BillingApi.newCustomer("sandbox");
    BillingApi billing = new BillingApi(http);
    JsonObject session = Http.json(checkout(customer));
    String page = session.getString("url");
    assertThat(page).contains("/sandbox/checkout/");
    assertThat(http.get(URI.create(page).getPath(), null).body())
        .contains("Pro plan")
        .contains("Pay");

    long started = System.nanoTime();
    HttpResponse<String> paid =
        form(URI.create(page).getPath() + "/pay", "card=4242+4242+4242+4242");
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location").orElseThrow())
        .isEqualTo(SUCCESS + "?session_id=" + session.getString("sessionId"));
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () ->
                assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isTrue());
    System.out.printf(
        "sandbox: pay to access in %d ms%n", (System.nanoTime() - started) / 1_000_000);

    HttpResponse<String> lookup =
        http.get(
            "/billing/checkout-session/" + session.getString("sessionId"),
            Tokens.customer(customer));
    JsonObject result = Http.json(lookup);
    assertThat(result.getString("status")).isEqualTo("complete");
    assertThat(result.getJsonObject("subscription").getString("status")).isEqualTo("active");
    assertThat(result.getJsonObject("subscription").getString("tierId")).isEqualTo("PRO");
    assertProblem(checkout(customer), 409, "subscription-exists");
  }

  @Test
  void theSandboxPortalSwitchesPlanCancelsAtPeriodEndAndResumes() {
    String customer = BillingApi.newCustomer("portal");
    String page = URI.create(Http.json(checkout(customer)).getString("url")).getPath();
    assertThat(form(page + "/pay", "card=4242424242424242").statusCode()).isEqualTo(303);
    HttpResponse<String> portal =
        http.post(
            "/billing/create-portal-session",
            Tokens.customer(customer),
            "{\"customerId\":\"%s\",\"returnUrl\":\"%s\"}".formatted(customer, CANCEL));
    String portalPath = URI.create(Http.json(portal).getString("url")).getPath();
    assertThat(http.get(portalPath, null).body()).contains("Current plan: <strong>PRO</strong>");

    form(portalPath + "/switch", "tierId=SCALE&billingPeriod=monthly");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(status(customer).getString("tierId")).isEqualTo("SCALE"));
    form(portalPath + "/cancel", "");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(status(customer).getBoolean("cancelAtPeriodEnd")).isTrue());
    form(portalPath + "/resume", "");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(status(customer).getBoolean("cancelAtPeriodEnd")).isFalse());
    assertThat(form(portalPath + "/update-card", "").body()).contains("Done.");
  }

  @Test
  void cancelResumeCancelOnTheSandboxEndsCancelledAtPeriodEnd() {
    String customer = paidPro("sb_crc");

    assertThat(changed(customer, "cancel", null, null).getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(changed(customer, "resume", null, null).getBoolean("cancelAtPeriodEnd")).isFalse();
    assertThat(changed(customer, "cancel", null, null).getBoolean("cancelAtPeriodEnd")).isTrue();

    // The sandbox's own state, not the answers above: a key reused across the three requests
    // would have left the second cancel without effect there.
    HttpResponse<String> synced =
        http.post("/billing/admin/customers/" + customer + "/sync", Tokens.admin(), "");
    assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
    assertThat(Http.json(synced).getBoolean("cancelAtPeriodEnd")).isTrue();
  }

  @Test
  void aPendingDowngradeNeverBlocksCancelOrResumeOnTheSandbox() {
    String customer = paidPro("sb_sched");
    HttpResponse<String> downgrade = change(customer, "change-plan", STARTER_MONTHLY, null);
    assertThat(downgrade.statusCode()).as(downgrade.body()).isEqualTo(200);
    assertThat(Http.json(downgrade).getString("change")).isEqualTo("downgrade");

    assertThat(changed(customer, "cancel", null, null).getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(changed(customer, "resume", null, null).getBoolean("cancelAtPeriodEnd")).isFalse();
    HttpResponse<String> synced =
        http.post("/billing/admin/customers/" + customer + "/sync", Tokens.admin(), "");
    assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
    assertThat(Http.json(synced).getBoolean("cancelAtPeriodEnd")).isFalse();
  }

  @Test
  void theSandboxRefusesAReusedKeyWithOtherParameters() {
    String customer = paidPro("sb_key");
    String key = "k-" + UUID.randomUUID();

    // Same key, other parameters (another target period): refused, as Stripe refuses it.
    HttpResponse<String> first = change(customer, "change-plan", STARTER_MONTHLY, key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertProblem(
        change(customer, "change-plan", STARTER_MONTHLY.replace("monthly", "yearly"), key),
        409,
        "idempotency-key-reused");

    // Same key, same parameters: the first answer again, nothing redone.
    String retried = "k-" + UUID.randomUUID();
    assertThat(changed(customer, "cancel", null, retried).getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(changed(customer, "cancel", null, retried).getBoolean("cancelAtPeriodEnd")).isTrue();
  }

  /** A customer who paid PRO monthly on the sandbox's checkout page and has access. */
  private static String paidPro(String prefix) {
    String customer = BillingApi.newCustomer(prefix);
    String page = URI.create(Http.json(checkout(customer)).getString("url")).getPath();
    assertThat(form(page + "/pay", "card=4242424242424242").statusCode()).isEqualTo(303);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(status(customer).getString("tierId")).isEqualTo("PRO"));
    return customer;
  }

  /** The subscription a successful cancel, resume or plan change answers with. */
  private static JsonObject changed(String customer, String operation, String json, String key) {
    HttpResponse<String> response = change(customer, operation, json, key);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).getJsonObject("subscription");
  }

  private static HttpResponse<String> change(
      String customer, String operation, String json, String key) {
    String body =
        json == null
            ? "{\"customerId\":\"" + customer + "\"}"
            : json.replaceFirst("\\{", "{\"customerId\":\"" + customer + "\",");
    Map<String, String> headers =
        key == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "Idempotency-Key", key);
    return http.send(
        "POST", "/billing/subscription/" + operation, Tokens.customer(customer), headers, body);
  }

  private static JsonObject status(String customer) {
    return Http.json(http.get("/billing/subscription/status/" + customer, Tokens.service()));
  }

  @Test
  void theDecliningTestCardIsDeclinedAndGrantsNothing() {
    String customer = BillingApi.newCustomer("declined");
    String page = URI.create(Http.json(checkout(customer)).getString("url")).getPath();
    HttpResponse<String> declined = form(page + "/pay", "card=4000+0000+0000+0002");
    assertThat(declined.statusCode()).isEqualTo(402);
    assertThat(declined.body()).contains("declined");
    assertThat(new BillingApi(http).feature(customer, "autoscale").getBoolean("allowed")).isFalse();
  }

  @Test
  void cancellingReturnsToTheCancelUrl() {
    String customer = BillingApi.newCustomer("cancelled");
    String page = URI.create(Http.json(checkout(customer)).getString("url")).getPath();
    HttpResponse<String> cancelled = form(page + "/cancel", "");
    assertThat(cancelled.statusCode()).isEqualTo(303);
    assertThat(cancelled.headers().firstValue("Location")).contains(CANCEL);
  }

  @Test
  void sandboxPagesOfUnknownSessionsAre404() {
    assertProblem(http.get("/sandbox/checkout/cs_nope", null), 404, "not-found");
  }

  private static HttpResponse<String> checkout(String customer) {
    return http.post(
        "/billing/create-checkout-session",
        Tokens.customer(customer),
        "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\",\"successUrl\":\"%s\",\"cancelUrl\":\"%s\",\"customerId\":\"%s\"}"
            .formatted(SUCCESS, CANCEL, customer));
  }

  private static HttpResponse<String> form(String path, String body) {
    return Http.send(
        http.request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
