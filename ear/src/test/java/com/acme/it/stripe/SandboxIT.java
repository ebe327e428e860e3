package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Http;
import com.acme.it.support.ItConfig;
import com.acme.it.support.PeerServer;
import com.acme.it.support.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in sandbox, as the default run has it (development profile, no Stripe key), on a second
 * Liberty server: checkout page, pay with a test card, signed events through the real webhook
 * endpoint, access granted.
 */
class SandboxIT {

  private static final String SUCCESS = "http://localhost:9080/billing/success";
  private static final String CANCEL = "http://localhost:9080/billing";
  private static PeerServer peer;
  private static Http http;

  @BeforeAll
  static void startServerWithoutStripeKey() throws Exception {
    peer = new PeerServer().startReady(Map.of("DB_PORT", ItConfig.get("it.db.port")));
    http = peer.http();
  }

  @AfterAll
  static void stop() throws Exception {
    if (peer != null) {
      peer.close();
    }
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
