package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checkout and portal through the real Stripe adapter, against a stand-in for Stripe's API. */
@ExtendWith(ArquillianExtension.class)
class CheckoutIT {

  private static final String SUCCESS = "https://app.example/billing/success";
  private static final String CANCEL = "https://app.example/billing";

  private final Http http = Http.testServer();
  private final BillingApi billing = BillingApi.testServer();
  private final FlagsApi flags = FlagsApi.testServer();
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
  void checkoutCreatesAStripeCustomerOnceAndASubscriptionSessionTiedToOurCustomer() {
    String customer = BillingApi.newCustomer("co");
    HttpResponse<String> first = checkout(customer, "PRO", "monthly", SUCCESS);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonObject session = Http.json(first);
    assertThat(session.getString("sessionId")).startsWith("cs_test_");
    assertThat(session.getString("url")).startsWith("https://checkout.stripe.com/");

    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withFormParam("metadata[customer_id]", equalTo(customer)));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
            .withFormParam("client_reference_id", equalTo(customer))
            .withFormParam("mode", equalTo("subscription"))
            .withFormParam("line_items[0][price]", equalTo("price_pro_monthly"))
            .withFormParam("subscription_data[metadata][customer_id]", equalTo(customer))
            .withFormParam("success_url", equalTo(SUCCESS + "?session_id={CHECKOUT_SESSION_ID}"))
            .withFormParam("cancel_url", equalTo(CANCEL))
            .withHeader("Idempotency-Key", matching("req_[0-9a-f-]{36}:checkout")));

    assertThat(checkout(customer, "SCALE", "yearly", SUCCESS).statusCode()).isEqualTo(200);
    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withFormParam("metadata[customer_id]", equalTo(customer)));

    HttpResponse<String> portal =
        http.post(
            "/billing/create-portal-session",
            Tokens.customer(customer),
            "{\"customerId\":\"" + customer + "\",\"returnUrl\":\"" + CANCEL + "\"}");
    assertThat(portal.statusCode()).as(portal.body()).isEqualTo(200);
    assertThat(Http.json(portal).getString("url")).startsWith("https://");
  }

  @Test
  void theSuccessPageSeesAccessEvenBeforeTheWebhookArrives() {
    String customer = BillingApi.newCustomer("co_success");
    String sessionId = "cs_test_success_" + customer;
    String subscriptionId = "sub_success_" + customer;
    JsonObject session =
        jakarta.json.Json.createObjectBuilder(
                com.acme.it.support.StripeEvents.fixture("checkout_session"))
            .add("id", sessionId)
            .add("mode", "subscription")
            .add("status", "complete")
            .add("client_reference_id", customer)
            .add("customer", "cus_" + customer)
            .add("subscription", subscriptionId)
            .build();
    stripe.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/v1/checkout/sessions/" + sessionId))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(session.toString())));
    stripe.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/v1/subscriptions/" + subscriptionId))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        com.acme.it.support.StripeEvents.subscription(
                                subscriptionId, customer, "price_scale_yearly", "active", false)
                            .toString())));

    HttpResponse<String> lookup =
        http.get("/billing/checkout-session/" + sessionId, Tokens.customer(customer));

    assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
    JsonObject result = Http.json(lookup);
    assertThat(result.getString("status")).isEqualTo("complete");
    assertThat(result.getJsonObject("subscription").getString("tierId")).isEqualTo("SCALE");
    assertThat(billing.feature(customer, "isolated_db").getBoolean("allowed")).isTrue();
    // Another customer's session is not found: its existence is not revealed.
    assertProblem(
        http.get("/billing/checkout-session/" + sessionId, Tokens.customer("someone_else")),
        404,
        "payment-object-not-found");

    // Support's sync re-reads the same subscription through the port.
    HttpResponse<String> synced =
        http.post("/billing/admin/customers/" + customer + "/sync", Tokens.admin(), "");
    assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
    assertThat(Http.json(synced).getString("billingPeriod")).isEqualTo("yearly");
  }

  @Test
  void anUnknownCheckoutSessionIs404() {
    stripe.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/v1/checkout/sessions/cs_test_unknown"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such checkout.session\"}}")));
    assertProblem(
        http.get("/billing/checkout-session/cs_test_unknown", Tokens.customer("c_x")),
        404,
        "payment-object-not-found");
  }

  @Test
  void freeOrAnotherCheckoutWhileSubscribedIsAConflictPointingToPlanChange() {
    String customer = BillingApi.newCustomer("co_free");
    assertProblem(checkout(customer, "FREE", "monthly", SUCCESS), 409, "free-needs-no-checkout");
    billing.subscribe(customer, "PRO", "active");
    JsonObject problem =
        assertProblem(checkout(customer, "SCALE", "monthly", SUCCESS), 409, "subscription-exists");
    assertThat(problem.getString("detail")).contains("plan change");
    assertProblem(checkout(customer, "GOLD", "monthly", SUCCESS), 400, "unknown-tier");
    assertProblem(checkout(customer, "PRO", "weekly", SUCCESS), 400, "validation-failed");
  }

  @Test
  void redirectsOutsideTheAllowedOriginsAreRefused() {
    String customer = BillingApi.newCustomer("co_redirect");
    assertProblem(
        checkout(customer, "PRO", "monthly", "https://evil.example/steal"),
        400,
        "redirect-not-allowed");
    assertProblem(
        checkout(customer, "PRO", "monthly", "javascript:alert(1)"), 400, "redirect-not-allowed");
  }

  @Test
  void onTheLegacyPathCheckoutAndPortalAreConflictsAndNothingReachesStripe() {
    String customer = BillingApi.newCustomer("co_legacy");
    flags.set(FlagsApi.BILLING_V2, false, 100);
    assertProblem(checkout(customer, "PRO", "monthly", SUCCESS), 409, "billing-v2-not-enabled");
    assertProblem(
        http.post(
            "/billing/create-portal-session",
            Tokens.customer(customer),
            "{\"customerId\":\"" + customer + "\",\"returnUrl\":\"" + CANCEL + "\"}"),
        409,
        "billing-v2-not-enabled");
    stripe.verify(
        0,
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withFormParam("metadata[customer_id]", equalTo(customer)));
  }

  @Test
  void aPortalNeedsAStripeAccountAndACustomerActsOnlyForItself() {
    String customer = BillingApi.newCustomer("co_portal");
    assertProblem(
        http.post(
            "/billing/create-portal-session",
            Tokens.customer(customer),
            "{\"customerId\":\"" + customer + "\",\"returnUrl\":\"" + CANCEL + "\"}"),
        409,
        "no-billing-account");
    assertProblem(
        http.post(
            "/billing/create-checkout-session",
            Tokens.customer("someone_else"),
            body(customer, "PRO", "monthly", SUCCESS)),
        403,
        "forbidden-customer");
  }

  @Test
  void stripeErrorsBecomeProblemsTheCallerCanActOn() {
    String rejected = BillingApi.newCustomer("co_rejected");
    String down = BillingApi.newCustomer("co_down");
    stripe.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing("client_reference_id=" + rejected))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such price\"}}")));
    stripe.stubFor(
        post(urlEqualTo("/v1/checkout/sessions"))
            .withRequestBody(containing("client_reference_id=" + down))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));

    assertProblem(checkout(rejected, "PRO", "monthly", SUCCESS), 502, "payment-provider-rejected");
    HttpResponse<String> unavailable = checkout(down, "PRO", "monthly", SUCCESS);
    assertProblem(unavailable, 503, "payment-provider-unavailable");
    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<String> checkout(
      String customer, String tier, String period, String successUrl) {
    return http.post(
        "/billing/create-checkout-session",
        Tokens.customer(customer),
        body(customer, tier, period, successUrl));
  }

  private static String body(String customer, String tier, String period, String successUrl) {
    return "{\"tierId\":\"%s\",\"billingPeriod\":\"%s\",\"successUrl\":\"%s\",\"cancelUrl\":\"%s\",\"customerId\":\"%s\"}"
        .formatted(tier, period, successUrl, CANCEL, customer);
  }
}
