package com.acme.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.billing.api.PaymentProviderException;
import com.acme.billing.api.PaymentProviderException.Kind;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.model.checkout.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local stand-in for Stripe's API (WireMock). */
class StripeGatewayTest {

  private static final String SESSIONS = "/v1/checkout/sessions";
  private WireMockServer stripe;
  private StripeGateway gateway;

  private final PaymentGateway.CheckoutParameters checkout =
      new PaymentGateway.CheckoutParameters(
          "cust_1",
          "cus_1",
          "price_pro_monthly",
          "https://app.example/billing/success?session_id={CHECKOUT_SESSION_ID}",
          "https://app.example/billing",
          "req_1:checkout");

  @BeforeEach
  void start() {
    stripe = new WireMockServer(options().dynamicPort());
    stripe.start();
    gateway =
        new StripeGateway(
            StripeGateway.client("sk_test_standin", "http://localhost:" + stripe.port(), 2, 1_500),
            new RateLimitBackoff(2, Duration.ofMillis(50)));
  }

  @AfterEach
  void stop() {
    stripe.stop();
  }

  @Test
  void checkoutSendsSubscriptionModeThePriceAndTiesTheSessionToOurCustomer() {
    stripe.stubFor(post(urlEqualTo(SESSIONS)).willReturn(json(200, fixture("checkout_session"))));

    Session session = gateway.createCheckoutSession(checkout);

    assertThat(session.getId()).isNotBlank();
    stripe.verify(
        postRequestedFor(urlEqualTo(SESSIONS))
            .withFormParam("mode", equalTo("subscription"))
            .withFormParam("line_items[0][price]", equalTo("price_pro_monthly"))
            .withFormParam("line_items[0][quantity]", equalTo("1"))
            .withFormParam("customer", equalTo("cus_1"))
            .withFormParam("client_reference_id", equalTo("cust_1"))
            .withFormParam("metadata[customer_id]", equalTo("cust_1"))
            .withFormParam("subscription_data[metadata][customer_id]", equalTo("cust_1"))
            .withFormParam("success_url", equalTo(checkout.successUrl()))
            .withFormParam("cancel_url", equalTo(checkout.cancelUrl()))
            .withHeader("Idempotency-Key", equalTo("req_1:checkout")));
  }

  @Test
  void twoRequestsWithTheSameParametersCarryTheirOwnKeys() {
    stripe.stubFor(post(urlEqualTo(SESSIONS)).willReturn(json(200, fixture("checkout_session"))));
    for (int request = 0; request < 2; request++) {
      String key = IdempotencyKey.forRequest("cust_1", null).forCall("checkout");
      gateway.createCheckoutSession(
          new PaymentGateway.CheckoutParameters(
              "cust_1",
              "cus_1",
              "price_pro_monthly",
              checkout.successUrl(),
              checkout.cancelUrl(),
              key));
    }
    List<String> keys = keys(SESSIONS);
    assertThat(keys).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aServerErrorIsRetriedWithTheSameIdempotencyKey() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(500, error("api_error", null, null)))
            .willSetStateTo("recovered"));
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(json(200, fixture("checkout_session"))));

    assertThat(gateway.createCheckoutSession(checkout).getId()).isNotBlank();

    List<String> keys = keys(SESSIONS);
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).isEqualTo(keys.get(1));
  }

  @Test
  void aDeclinedCardIsCardDeclinedWithTheDeclineCode() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .willReturn(json(402, error("card_error", "card_declined", "insufficient_funds"))));
    assertThatThrownBy(() -> gateway.createCheckoutSession(checkout))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.CARD_DECLINED);
              assertThat(e.code()).isEqualTo("insufficient_funds");
            });
  }

  @Test
  void anInvalidPriceIsRejectedNotRetried() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .willReturn(json(400, error("invalid_request_error", "resource_missing", null))));
    assertThatThrownBy(() -> gateway.createCheckoutSession(checkout))
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    assertThat(keys(SESSIONS)).hasSize(1);
  }

  @Test
  void rateLimitingIsBackedOffByTheProductWithTheSameKeyThenSaysWhenToRetry() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .willReturn(json(429, error("invalid_request_error", "rate_limit", null))));
    assertThatThrownBy(() -> gateway.createCheckoutSession(checkout))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfterSeconds()).isPositive();
            });
    // stripe-java does not retry a 429; the product's own backoff tries twice more.
    assertThat(keys(SESSIONS)).hasSize(3).containsOnly("req_1:checkout");
  }

  @Test
  void aRateLimitThatClearsDuringTheBackoffSucceedsOnce() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .inScenario("rate limit")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(json(429, error("invalid_request_error", "rate_limit", null)))
            .willSetStateTo("cleared"));
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .inScenario("rate limit")
            .whenScenarioStateIs("cleared")
            .willReturn(json(200, fixture("checkout_session"))));
    assertThat(gateway.createCheckoutSession(checkout).getId()).isNotBlank();
    assertThat(keys(SESSIONS)).hasSize(2).containsOnly("req_1:checkout");
  }

  @Test
  void aTimeoutIsRetriedWithTheSameKeyThenUnavailable() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .willReturn(json(200, fixture("checkout_session")).withFixedDelay(3_000)));
    assertThatThrownBy(() -> gateway.createCheckoutSession(checkout))
        .isInstanceOfSatisfying(
            PaymentProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    List<String> keys = keys(SESSIONS);
    assertThat(keys).hasSize(3).containsOnly(keys.get(0));
  }

  @Test
  void aConnectionResetIsRetriedByTheProductWithTheSameKeyThenUnavailable() {
    stripe.stubFor(
        post(urlEqualTo(SESSIONS))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> gateway.createCheckoutSession(checkout))
        .isInstanceOfSatisfying(
            PaymentProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
              assertThat(e.retryAfterSeconds()).isPositive();
            });
    // Three attempts by the product; the JDK may resend a reset POST once more on its own.
    assertThat(keys(SESSIONS)).hasSizeBetween(3, 6).containsOnly("req_1:checkout");
  }

  @Test
  void portalSessionIsForTheStripeCustomerWithTheReturnUrl() {
    stripe.stubFor(
        post(urlEqualTo("/v1/billing_portal/sessions"))
            .willReturn(json(200, fixture("portal_session"))));
    String url =
        gateway.createPortalSession("cus_1", "https://app.example/billing", "req_2:portal");
    assertThat(url).startsWith("https://");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/billing_portal/sessions"))
            .withFormParam("customer", equalTo("cus_1"))
            .withFormParam("return_url", equalTo("https://app.example/billing")));
  }

  @Test
  void aCustomerIsCreatedOnceWithOurIdInItsMetadata() {
    stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(json(200, fixture("customer"))));
    assertThat(gateway.createCustomer("cust_1", "req_3:customer")).startsWith("cus_");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withFormParam("metadata[customer_id]", equalTo("cust_1"))
            .withHeader("Idempotency-Key", equalTo("req_3:customer")));
  }

  private List<String> keys(String path) {
    return stripe.findAll(postRequestedFor(urlEqualTo(path))).stream()
        .map((LoggedRequest r) -> r.getHeader("Idempotency-Key"))
        .toList();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_test")
        .withBody(body);
  }

  private static String error(String type, String code, String declineCode) {
    return "{\"error\":{\"type\":\""
        + type
        + "\""
        + (code == null ? "" : ",\"code\":\"" + code + "\"")
        + (declineCode == null ? "" : ",\"decline_code\":\"" + declineCode + "\"")
        + ",\"message\":\"stand-in error\"}}";
  }

  private static String fixture(String name) {
    try (InputStream in =
        StripeGatewayTest.class.getResourceAsStream("/stripe/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
