package com.acme.it.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.ItConfig;
import com.acme.it.support.StripeEvents;
import com.acme.it.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the platform team sees: {@code /metrics} in Prometheus form with the application's counters
 * moving as the API is used, beside Liberty's JVM and connection-pool figures; alerts as one log
 * line each and a POST to the configured alert webhook (the stand-in here).
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

  private final BillingApi billing = BillingApi.testServer();
  private final Http http = billing.http();
  private final StripeEvents stripe = StripeEvents.testServer();
  private final WireMockServer standIn = IntegrationTestSession.stripeStandIn();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void metricsAreServedInPrometheusFormWithTheApplicationsCountersAndLibertysFigures() {
    HttpResponse<String> metrics = http.get("/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("# HELP billing_entitlement_checks_total")
        .contains("billing_checkout_sessions_created_total{mp_scope=\"application\",}")
        .contains("billing_portal_sessions_total{mp_scope=\"application\",}")
        .contains("billing_usage_checks_total{mp_scope=\"application\",outcome=\"blocked\",}")
        .contains("memory_usedHeap_bytes")
        .contains("connectionpool_");
  }

  @Test
  void checksAndWebhooksMoveTheirCountersByOutcome() {
    String customer = BillingApi.newCustomer("metrics");
    double denied =
        metric("billing_entitlement_checks_total{mp_scope=\"application\",outcome=\"denied\",}");
    double mismatched =
        metric(
            "billing_webhook_rejected_total{mp_scope=\"application\",reason=\"signature_mismatch\",}");
    String processed =
        "billing_webhook_events_total{mp_scope=\"application\",outcome=\"processed\","
            + "type=\"customer.subscription.created\",}";
    double processedBefore = metric(processed);
    double timed = metric("billing_webhook_processing_seconds_count{mp_scope=\"application\",}");

    billing.checkFeature(Tokens.service(), customer, "autoscale");
    String event =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            Instant.now().getEpochSecond(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false));
    assertThat(stripe.deliver(event, "t=1,v1=0000").statusCode()).isEqualTo(400);
    assertThat(stripe.deliver(event).statusCode()).isEqualTo(200);

    assertThat(
            metric(
                "billing_entitlement_checks_total{mp_scope=\"application\",outcome=\"denied\",}"))
        .isEqualTo(denied + 1);
    assertThat(
            metric(
                "billing_webhook_rejected_total{mp_scope=\"application\",reason=\"signature_mismatch\",}"))
        .isEqualTo(mismatched + 1);
    assertThat(metric(processed)).isEqualTo(processedBefore + 1);
    assertThat(metric("billing_webhook_processing_seconds_count{mp_scope=\"application\",}"))
        .isEqualTo(timed + 2);
    assertThat(http.get("/metrics", null).body())
        .contains(
            "billing_webhook_processing_seconds_bucket{mp_scope=\"application\",le=\"0.25\",}");
  }

  @Test
  void aFlagEvaluationIsCountedByFlagResultAndReason() {
    String subject = BillingApi.newCustomer("metricsflag");
    FlagsApi flags = new FlagsApi(http);
    JsonObject first = flags.evaluate(FlagsApi.BILLING_V2, subject);
    String series =
        "flags_evaluations_total{flag=\"billing_v2\",mp_scope=\"application\",reason=\""
            + first.getString("reason")
            + "\",result=\""
            + (first.getBoolean("enabled") ? "on" : "off")
            + "\",}";
    double before = metric(series);

    JsonObject again = flags.evaluate(FlagsApi.BILLING_V2, subject);

    assertThat(again).isEqualTo(first);
    assertThat(metric(series)).isEqualTo(before + 1);
  }

  @Test
  void aFailedSubscriptionPaymentIsCountedAndAlertedInTheLogAndOnTheAlertWebhook() {
    String customer = BillingApi.newCustomer("alertpay");
    String sub = "sub_" + customer;
    String failed =
        "billing_payments_total{kind=\"subscription\",mp_scope=\"application\",outcome=\"failed\",}";
    double before = metric(failed);
    long now = Instant.now().getEpochSecond();
    stripe.deliver(
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            now - 60,
            StripeEvents.subscription(sub, customer, "price_pro_monthly", "active", false)));

    HttpResponse<String> answer =
        stripe.deliver(
            StripeEvents.event(
                StripeEvents.newEventId(),
                "invoice.payment_failed",
                now,
                StripeEvents.invoice(sub)));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(metric(failed)).isEqualTo(before + 1);
    awaitLogLine("alert=payment_failed customer=" + customer + " invoice=in_");
    awaitAlertPosted(
        "{\"alert\":\"payment_failed\",\"customerId\":\""
            + customer
            + "\",\"fields\":{\"kind\":\"subscription\"}}");
  }

  @Test
  void usageCrossingEightyAndNinetyFivePercentAlertsOncePerThreshold() {
    String customer = BillingApi.newCustomer("alertuse");
    // FREE: 5 build hours a month.
    assertThat(billing.consume(customer, "build_hours", 4).statusCode()).isEqualTo(200);
    assertThat(billing.consume(customer, "build_hours", 1).statusCode()).isEqualTo(200);
    assertThat(billing.consume(customer, "build_hours", 1).statusCode()).isEqualTo(409);

    awaitLogLine(
        "alert=usage_level customer="
            + customer
            + " limit=5 percent=80 resource=build_hours used=4");
    awaitLogLine(
        "alert=usage_level customer="
            + customer
            + " limit=5 percent=95 resource=build_hours used=5");
    awaitAlertPosted(
        "{\"alert\":\"usage_level\",\"customerId\":\""
            + customer
            + "\",\"fields\":{\"percent\":\"95\"}}");
    assertThat(occurrences("alert=usage_level customer=" + customer + " ")).isEqualTo(2);
  }

  private double metric(String series) {
    String body = http.get("/metrics", null).body();
    Matcher value =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  private void awaitAlertPosted(String json) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                standIn.verify(
                    postRequestedFor(urlEqualTo("/alerts"))
                        .withRequestBody(equalToJson(json, true, true))));
  }

  private void awaitLogLine(String text) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(occurrences(text)).isPositive());
  }

  private static long occurrences(String text) {
    Path log =
        ItConfig.wlpDir()
            .resolve("usr/servers")
            .resolve(ItConfig.get("it.server.name"))
            .resolve("logs/messages.log");
    try {
      return Files.readAllLines(log).stream().filter(l -> l.contains(text)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
