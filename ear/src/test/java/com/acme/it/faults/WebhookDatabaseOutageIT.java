package com.acme.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.DatabaseProxy;
import com.acme.it.support.Deployments;
import com.acme.it.support.Http;
import com.acme.it.support.IntegrationTestSession;
import com.acme.it.support.StripeEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks while the database is cut off (through the test-owned proxy, never by stopping the
 * shared PostgreSQL): readiness goes DOWN, every delivery is refused with a 5xx problem so that
 * Stripe retries, nothing is half-written; once the database is back, readiness is UP without a
 * restart and the redelivered events are applied exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookDatabaseOutageIT {

  private final Http http = Http.testServer();
  private final StripeEvents stripe = StripeEvents.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @AfterEach
  void reopen() throws Exception {
    IntegrationTestSession.databaseProxy().open();
    awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void webhooksDuringAnOutageAreRefusedAndAppliedOnceWhenRedelivered() throws Exception {
    awaitReady(Duration.ofSeconds(30));
    String run = BillingApi.newCustomer("outage");
    List<String> payloads = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String customer = run + "_" + i;
      String eventId = StripeEvents.newEventId();
      customers.add(customer);
      eventIds.add(eventId);
      payloads.add(
          StripeEvents.event(
              eventId,
              "customer.subscription.created",
              Instant.now().getEpochSecond() - 10,
              StripeEvents.subscription(
                  "sub_" + customer, customer, "price_pro_monthly", "active", false)));
    }

    DatabaseProxy proxy = IntegrationTestSession.databaseProxy();
    proxy.shut();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(503));

    // Delivered at once, as Stripe does: each is held until the database read gives up.
    ExecutorService senders = Executors.newFixedThreadPool(payloads.size());
    List<CompletableFuture<HttpResponse<String>>> deliveries =
        payloads.stream()
            .map(payload -> CompletableFuture.supplyAsync(() -> stripe.deliver(payload), senders))
            .toList();
    senders.shutdown();
    for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
      HttpResponse<String> refused = delivery.get(60, TimeUnit.SECONDS);
      assertThat(refused.statusCode()).as(refused.body()).isBetween(500, 599);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(refused.body()).doesNotContainIgnoringCase("exception").doesNotContain("org.");
    }

    proxy.open();
    awaitReady(Duration.ofSeconds(30));
    // Nothing of the refused deliveries was written.
    for (int i = 0; i < payloads.size(); i++) {
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.webhook_event where event_id = ?"
                      + " and status = 'processed'",
                  eventIds.get(i)))
          .isZero();
      assertThat(mirrorRows(customers.get(i))).isZero();
    }

    // Stripe redelivers: each applied once, a second redelivery is a duplicate.
    for (String payload : payloads) {
      HttpResponse<String> applied = stripe.deliver(payload);
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
      assertThat(Http.json(applied).getString("outcome")).isEqualTo("processed");
      assertThat(Http.json(stripe.deliver(payload)).getString("outcome")).isEqualTo("duplicate");
    }
    for (String customer : customers) {
      assertThat(mirrorRows(customer)).isEqualTo(1);
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.audit_log where customer_id = ?"
                      + " and action = 'subscription.stripe_event'",
                  customer))
          .isEqualTo(1);
    }
  }

  private static long mirrorRows(String customer) {
    return Database.queryLong(
        "select count(*) from billing.subscription_mirror where customer_id = ?", customer);
  }

  private void awaitReady(Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200));
  }
}
