package com.acme.it.stripe;

import static com.acme.it.support.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plan change, cancel and resume through the real Stripe adapter, against the stand-in. */
@ExtendWith(ArquillianExtension.class)
class PlanChangeIT {

  private static final String ITEM = "si_QXhVnC2h0Jczwc"; // the fixture's subscription item

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
  void anUpgradeHappensNowAndIsInvoicedAtOnce() {
    String customer = BillingApi.newCustomer("up");
    String sub = subscribedToPro(customer);
    stripe.stubFor(
        post(urlEqualTo("/v1/subscriptions/" + sub))
            .withRequestBody(containing("proration_behavior=always_invoice"))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, customer, "price_scale_monthly", "active", false))));

    HttpResponse<String> response =
        change(customer, "{\"tierId\":\"SCALE\",\"billingPeriod\":\"monthly\"}", "change-plan");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject change = Http.json(response);
    assertThat(change.getString("change")).isEqualTo("upgrade");
    assertThat(change.getString("effective")).isEqualTo("now");
    assertThat(change.getJsonObject("subscription").getString("tierId")).isEqualTo("SCALE");
    assertThat(billing.feature(customer, "isolated_db").getBoolean("allowed")).isTrue();
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscriptions/" + sub))
            .withFormParam("items[0][id]", equalTo(ITEM))
            .withFormParam("items[0][price]", equalTo("price_scale_monthly"))
            .withFormParam("proration_behavior", equalTo("always_invoice"))
            .withHeader("Idempotency-Key", matching("req_[0-9a-f-]{36}:upgrade")));
  }

  @Test
  void aDowngradeIsScheduledForThePeriodsEndAndChangesNothingNow() {
    String customer = BillingApi.newCustomer("down");
    String sub = subscribedToPro(customer);
    String schedule = "sub_sched_" + customer;
    JsonObject scheduleJson =
        jakarta.json.Json.createObjectBuilder(StripeEvents.fixture("subscription_schedule"))
            .add("id", schedule)
            .build();
    stripe.stubFor(
        post(urlEqualTo("/v1/subscription_schedules"))
            .withRequestBody(containing(sub))
            .willReturn(json(scheduleJson)));
    stripe.stubFor(
        post(urlEqualTo("/v1/subscription_schedules/" + schedule)).willReturn(json(scheduleJson)));

    HttpResponse<String> response =
        change(customer, "{\"tierId\":\"STARTER\",\"billingPeriod\":\"monthly\"}", "change-plan");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject change = Http.json(response);
    assertThat(change.getString("change")).isEqualTo("downgrade");
    assertThat(change.getString("effective")).isEqualTo("period_end");
    assertThat(Instant.parse(change.getString("effectiveAt"))).isAfter(Instant.now());
    assertThat(change.getJsonObject("subscription").getString("tierId")).isEqualTo("PRO");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscription_schedules"))
            .withFormParam("from_subscription", equalTo(sub)));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscription_schedules/" + schedule))
            .withFormParam("phases[0][items][0][price]", equalTo("price_pro_monthly"))
            .withFormParam("phases[1][items][0][price]", equalTo("price_starter_monthly"))
            .withFormParam("phases[1][duration][interval]", equalTo("month"))
            .withFormParam("end_behavior", equalTo("release")));
  }

  @Test
  void aSecondDowngradeUpdatesTheSubscriptionsExistingSchedule() {
    String customer = BillingApi.newCustomer("down2");
    String sub = subscribedToPro(customer);
    String schedule = "sub_sched_existing_" + customer;
    stripe.stubFor(
        get(urlEqualTo("/v1/subscriptions/" + sub))
            .willReturn(
                json(
                    jakarta.json.Json.createObjectBuilder(
                            StripeEvents.subscription(
                                sub, customer, "price_pro_monthly", "active", false))
                        .add("schedule", schedule)
                        .build())));
    JsonObject scheduleJson =
        jakarta.json.Json.createObjectBuilder(StripeEvents.fixture("subscription_schedule"))
            .add("id", schedule)
            .build();
    stripe.stubFor(
        post(urlEqualTo("/v1/subscription_schedules/" + schedule)).willReturn(json(scheduleJson)));

    HttpResponse<String> response =
        change(customer, "{\"tierId\":\"STARTER\",\"billingPeriod\":\"yearly\"}", "change-plan");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    stripe.verify(
        0,
        postRequestedFor(urlEqualTo("/v1/subscription_schedules"))
            .withFormParam("from_subscription", equalTo(sub)));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/subscription_schedules/" + schedule))
            .withFormParam("phases[1][items][0][price]", equalTo("price_starter_yearly"))
            .withFormParam("phases[1][duration][interval]", equalTo("year")));
  }

  @Test
  void cancelAtPeriodEndAndResume() {
    String customer = BillingApi.newCustomer("cancel");
    String sub = subscribedToPro(customer);
    stripe.stubFor(
        post(urlEqualTo("/v1/subscriptions/" + sub))
            .withRequestBody(containing("cancel_at_period_end=true"))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, customer, "price_pro_monthly", "active", true))));
    stripe.stubFor(
        post(urlEqualTo("/v1/subscriptions/" + sub))
            .withRequestBody(containing("cancel_at_period_end=false"))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, customer, "price_pro_monthly", "active", false))));
    String body = "{}";

    JsonObject cancel = Http.json(change(customer, body, "cancel"));
    assertThat(cancel.getString("change")).isEqualTo("cancel");
    assertThat(cancel.getString("effective")).isEqualTo("period_end");
    assertThat(cancel.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isTrue();
    assertThat(billing.feature(customer, "autoscale").getBoolean("allowed")).isTrue();

    JsonObject resume = Http.json(change(customer, body, "resume"));
    assertThat(resume.getString("change")).isEqualTo("resume");
    assertThat(resume.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isFalse();
  }

  @Test
  void withoutALivePaidSubscriptionThereIsNothingToChangeAndOnLegacyOnlyLeavingWorks() {
    String customer = BillingApi.newCustomer("nosub");
    assertProblem(
        change(customer, "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\"}", "change-plan"),
        409,
        "no-billing-account");
    String subscribed = BillingApi.newCustomer("legacy_pc");
    subscribedToPro(subscribed);
    String sub = "sub_" + subscribed;
    stripe.stubFor(
        post(urlEqualTo("/v1/subscriptions/" + sub))
            .withRequestBody(containing("cancel_at_period_end=true"))
            .willReturn(
                json(
                    StripeEvents.subscription(
                        sub, subscribed, "price_pro_monthly", "active", true))));
    flags.set(FlagsApi.BILLING_V2, false, 100);
    // A customer who subscribed on the new path can always leave, whatever the rollout says.
    HttpResponse<String> cancelled = change(subscribed, "{}", "cancel");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(Http.json(cancelled).getJsonObject("subscription").getBoolean("cancelAtPeriodEnd"))
        .isTrue();
    assertProblem(
        change(subscribed, "{\"tierId\":\"PRO\",\"billingPeriod\":\"monthly\"}", "change-plan"),
        409,
        "billing-v2-not-enabled");
  }

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

  private HttpResponse<String> change(String customer, String json, String operation) {
    String body =
        json.equals("{}")
            ? "{\"customerId\":\"" + customer + "\"}"
            : json.replaceFirst("\\{", "{\"customerId\":\"" + customer + "\",");
    return http.post("/billing/subscription/" + operation, Tokens.customer(customer), body);
  }

  private static ResponseDefinitionBuilder json(JsonObject body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
