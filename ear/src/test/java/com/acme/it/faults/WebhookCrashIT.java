package com.acme.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.Database;
import com.acme.it.support.Http;
import com.acme.it.support.PeerServer;
import com.acme.it.support.SharedPeer;
import com.acme.it.support.StripeEvents;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server killed with {@code kill -9} in the middle of a stream of webhooks: every event that
 * was answered 2xx is stored and applied after the restart, and every unanswered one is applied
 * exactly once when Stripe redelivers it. Runs on the peer server (its own JVM), which it kills.
 */
class WebhookCrashIT {

  private static final int EVENTS = 240;
  private static final int KILL_AFTER_ANSWERED = 40;

  @Test
  void everyAnsweredEventSurvivesAKillAndEveryUnansweredOneIsAppliedOnceOnRedelivery()
      throws Exception {
    PeerServer server = SharedPeer.ready();
    StripeEvents peer = new StripeEvents(server.http());
    String run = BillingApi.newCustomer("crash");
    List<String> payloads = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    List<String> customers = new ArrayList<>();
    long created = Instant.now().getEpochSecond() - 60;
    for (int i = 0; i < EVENTS; i++) {
      String customer = run + "_" + i;
      String eventId = StripeEvents.newEventId();
      customers.add(customer);
      eventIds.add(eventId);
      payloads.add(
          StripeEvents.event(
              eventId,
              "customer.subscription.created",
              created,
              StripeEvents.subscription(
                  "sub_" + customer, customer, "price_pro_monthly", "active", false)));
    }

    Set<Integer> answered = ConcurrentHashMap.newKeySet();
    AtomicInteger answeredCount = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    for (int i = 0; i < EVENTS; i++) {
      int index = i;
      senders.submit(
          () -> {
            try {
              HttpResponse<String> response = peer.deliver(payloads.get(index));
              if (response.statusCode() / 100 == 2) {
                answered.add(index);
                answeredCount.incrementAndGet();
              }
            } catch (RuntimeException connectionLost) {
              // Unanswered: Stripe will redeliver it.
            }
          });
    }
    while (answeredCount.get() < KILL_AFTER_ANSWERED) {
      Thread.sleep(5);
    }
    server.kill();
    senders.shutdown();
    assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    Set<Integer> acknowledged = Set.copyOf(answered);
    assertThat(acknowledged.size())
        .as("the kill came in the middle of the stream")
        .isBetween(KILL_AFTER_ANSWERED, EVENTS - 1);

    SharedPeer.ready(); // started again, on the same database

    // Everything acknowledged before the kill is stored and applied.
    for (int index : acknowledged) {
      assertThat(eventStatus(eventIds.get(index))).isEqualTo(1);
      assertThat(mirrorRows(customers.get(index))).isEqualTo(1);
    }

    // Stripe redelivers what was not acknowledged; it is applied once.
    for (int i = 0; i < EVENTS; i++) {
      if (!acknowledged.contains(i)) {
        HttpResponse<String> redelivered = peer.deliver(payloads.get(i));
        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
      }
    }
    // And a few acknowledged ones arrive again: no second effect.
    for (int index : acknowledged.stream().limit(5).toList()) {
      assertThat(Http.json(peer.deliver(payloads.get(index))).getString("outcome"))
          .isEqualTo("duplicate");
    }
    for (int i = 0; i < EVENTS; i++) {
      assertThat(eventStatus(eventIds.get(i))).as(eventIds.get(i)).isEqualTo(1);
      assertThat(mirrorRows(customers.get(i))).as(customers.get(i)).isEqualTo(1);
      assertThat(
              Database.queryLong(
                  "select count(*) from billing.audit_log where customer_id = ?"
                      + " and action = 'subscription.stripe_event'",
                  customers.get(i)))
          .as("applied once: " + customers.get(i))
          .isEqualTo(1);
    }
    System.out.printf(
        "kill -9: %d of %d events acknowledged before the kill; all %d applied once%n",
        acknowledged.size(), EVENTS, EVENTS);
  }

  private static long eventStatus(String eventId) {
    return Database.queryLong(
        "select count(*) from billing.webhook_event where event_id = ? and status = 'processed'",
        eventId);
  }

  private static long mirrorRows(String customer) {
    return Database.queryLong(
        "select count(*) from billing.subscription_mirror where customer_id = ?", customer);
  }
}
