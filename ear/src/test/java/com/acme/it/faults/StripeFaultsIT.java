package com.acme.it.faults;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe failing (500, 503, 429, a timeout, a connection reset) while a customer starts a checkout:
 * every attempt of one request carries one idempotency key (stripe-java retries 5xx and network
 * failures, the product backs off a 429 itself), the wait is bounded, and what cannot be done is a
 * 503 problem with {@code Retry-After}; a transient failure followed by success makes exactly one
 * checkout session. The IT server allows one network retry, a 2 s read timeout and a 200 ms first
 * back-off (ear/src/test/liberty-server/server.env).
 */
@ExtendWith(ArquillianExtension.class)
class StripeFaultsIT {

  private static final String SESSIONS = "/v1/checkout/sessions";
  private static final String SUCCESS = "https://app.example/billing/success";
  private static final String CANCEL = "https://app.example/billing";

  private final Http http = Http.testServer();
  private final WireMockServer stripe = IntegrationTestSession.stripeStandIn();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aServerErrorThenSuccessMakesOneSessionWithOneKey() {
    String customer = BillingApi.newCustomer("f500");
    String scenario = "500 then ok " + customer;
    stripe.stubFor(
        sessionsOf(customer)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(500, "api_error"))
            .willSetStateTo("recovered"));
    stripe.stubFor(
        sessionsOf(customer)
            .inScenario(scenario)
            .whenScenarioStateIs("recovered")
            .willReturn(session(customer)));

    HttpResponse<String> response = checkout(customer);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).getString("sessionId")).isEqualTo("cs_test_" + customer);
    assertOneKeyOver(customer, 2);
  }

  @Test
  void stripeDownIsA503WithRetryAfterAfterOneRetryWithTheSameKey() {
    String customer = BillingApi.newCustomer("f503");
    stripe.stubFor(sessionsOf(customer).willReturn(error(503, "api_error")));

    HttpResponse<String> response = checkout(customer);

    assertProblem(response, 503, "payment-provider-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertOneKeyOver(customer, 2);
  }

  @Test
  void aRateLimitIsBackedOffByTheProductThenA503WithRetryAfter() {
    String customer = BillingApi.newCustomer("f429");
    stripe.stubFor(sessionsOf(customer).willReturn(error(429, "rate_limit")));

    HttpResponse<String> response = checkout(customer);

    assertProblem(response, 503, "payment-provider-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    // stripe-java does not retry a 429: the two further attempts are the product's own back-off.
    assertOneKeyOver(customer, 3);
  }

  @Test
  void aRateLimitThatClearsDuringTheBackOffSucceedsOnce() {
    String customer = BillingApi.newCustomer("f429ok");
    String scenario = "429 then ok " + customer;
    stripe.stubFor(
        sessionsOf(customer)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(429, "rate_limit"))
            .willSetStateTo("cleared"));
    stripe.stubFor(
        sessionsOf(customer)
            .inScenario(scenario)
            .whenScenarioStateIs("cleared")
            .willReturn(session(customer)));

    HttpResponse<String> response = checkout(customer);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertOneKeyOver(customer, 2);
  }

  @Test
  void aTimeoutIsRetriedWithTheSameKeyThenA503() {
    String customer = BillingApi.newCustomer("ftime");
    stripe.stubFor(sessionsOf(customer).willReturn(session(customer).withFixedDelay(3_000)));

    long started = System.nanoTime();
    HttpResponse<String> response = checkout(customer);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertProblem(response, 503, "payment-provider-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(tookMillis).as("bounded by two attempts of 2 s").isLessThan(15_000);
    assertOneKeyOver(customer, 2);
  }

  @Test
  void aConnectionResetIsRetriedWithTheSameKeyThenA503() {
    String customer = BillingApi.newCustomer("freset");
    stripe.stubFor(
        sessionsOf(customer).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    HttpResponse<String> response = checkout(customer);

    assertProblem(response, 503, "payment-provider-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    List<String> keys = keysOf(customer);
    assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
    assertThat(keys).containsOnly(keys.get(0));
  }

  private com.github.tomakehurst.wiremock.client.MappingBuilder sessionsOf(String customer) {
    return post(urlEqualTo(SESSIONS))
        .atPriority(1)
        .withRequestBody(containing("client_reference_id=" + customer));
  }

  private HttpResponse<String> checkout(String customer) {
    return http.post(
        "/billing/create-checkout-session",
        Tokens.customer(customer),
        Json.createObjectBuilder()
            .add("tierId", "PRO")
            .add("billingPeriod", "monthly")
            .add("successUrl", SUCCESS)
            .add("cancelUrl", CANCEL)
            .add("customerId", customer)
            .build()
            .toString());
  }

  /** Every attempt Stripe saw for the customer's checkout carried one and the same key. */
  private void assertOneKeyOver(String customer, int attempts) {
    List<String> keys = keysOf(customer);
    assertThat(keys).hasSize(attempts);
    assertThat(keys).containsOnly(keys.get(0));
  }

  private List<String> keysOf(String customer) {
    return stripe
        .findAll(
            postRequestedFor(urlEqualTo(SESSIONS))
                .withRequestBody(containing("client_reference_id=" + customer)))
        .stream()
        .map((LoggedRequest r) -> r.getHeader("Idempotency-Key"))
        .toList();
  }

  private static ResponseDefinitionBuilder session(String customer) {
    JsonObject session =
        Json.createObjectBuilder(StripeEvents.fixture("checkout_session"))
            .add("id", "cs_test_" + customer)
            .add("mode", "subscription")
            .add("status", "open")
            .add("client_reference_id", customer)
            .build();
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(session.toString());
  }

  private static ResponseDefinitionBuilder error(int status, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_fault")
        .withBody(
            "{\"error\":{\"type\":\"api_error\",\"code\":\""
                + code
                + "\",\"message\":\"failing on purpose\"}}");
  }
}
