package com.acme.it.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.it.support.BillingApi;
import com.acme.it.support.BillingV2SeedRestored;
import com.acme.it.support.Deployments;
import com.acme.it.support.FlagsApi;
import com.acme.it.support.PeerServer;
import com.acme.it.support.SharedPeer;
import com.acme.it.support.StripeEvents;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers (two JVMs) on one PostgreSQL database: a change made through one is applied
 * by the other without a restart. The peer runs without its one-second change poll ({@link
 * com.acme.it.support.SharedPeer}), so what reaches it came through PostgreSQL's {@code
 * LISTEN}/{@code NOTIFY}. The bound here is the seed's generous 10 s; the propagation time is
 * measured in bench/.
 */
@ExtendWith({ArquillianExtension.class, BillingV2SeedRestored.class})
class TwoInstancesIT {

  private static PeerServer peer;
  private final FlagsApi here = FlagsApi.testServer();
  private final BillingApi billingHere = BillingApi.testServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeAll
  static void startPeer() throws Exception {
    peer = SharedPeer.ready();
  }

  @Test
  void aFlagChangedOnOneInstanceIsAppliedByTheOther() {
    FlagsApi there = new FlagsApi(peer.http());
    here.set(FlagsApi.BILLING_V2, true, 100);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        there.evaluate(FlagsApi.BILLING_V2, "peer_subject").getBoolean("enabled"))
                    .isTrue());

    here.set(FlagsApi.BILLING_V2, false, 100);

    long started = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(there.evaluate(FlagsApi.BILLING_V2, "peer_subject").getString("reason"))
                    .isEqualTo("DISABLED"));
    System.out.printf(
        "flag change applied by the other instance after %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void aSubscriptionChangeOnOneInstanceInvalidatesTheOthersCache() {
    BillingApi billingThere = new BillingApi(peer.http());
    String customer = BillingApi.newCustomer("peer");
    assertThat(billingThere.feature(customer, "autoscale").getBoolean("allowed")).isFalse();

    billingHere.subscribe(customer, "PRO", "active");

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(billingThere.feature(customer, "autoscale").getBoolean("allowed"))
                    .isTrue());
  }

  @Test
  void theSameStripeEventDeliveredToBothInstancesAtOnceIsAppliedOnce() throws Exception {
    String customer = BillingApi.newCustomer("twin");
    String payload =
        StripeEvents.event(
            StripeEvents.newEventId(),
            "customer.subscription.created",
            java.time.Instant.now().getEpochSecond(),
            StripeEvents.subscription(
                "sub_" + customer, customer, "price_pro_monthly", "active", false));
    StripeEvents here = StripeEvents.testServer();
    StripeEvents there = new StripeEvents(peer.http());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results =
          pool.invokeAll(
              java.util.List.<java.util.concurrent.Callable<Integer>>of(
                  () -> here.deliver(payload).statusCode(),
                  () -> there.deliver(payload).statusCode(),
                  () -> here.deliver(payload).statusCode(),
                  () -> there.deliver(payload).statusCode()));
      for (var result : results) {
        assertThat(result.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            com.acme.it.support.Database.queryLong(
                "select count(*) from billing.audit_log where customer_id = ?", customer))
        .isEqualTo(1);
    assertThat(billingHere.feature(customer, "autoscale").getBoolean("allowed")).isTrue();
  }

  /** Not about flags: the shared peer runs with LOG_FORMAT=json, the only server that does. */
  @Test
  void aServerStartedWithLogFormatJsonWritesItsMessagesAsJsonLines() throws Exception {
    List<String> started =
        Files.readAllLines(PeerServer.logs().resolve("messages.log")).stream()
            .filter(line -> line.contains("CWWKF0011I"))
            .toList();

    assertThat(started).isNotEmpty();
    for (String line : started) {
      JsonObject entry = Json.createReader(new StringReader(line)).readObject();
      assertThat(entry.getString("loglevel")).isEqualTo("AUDIT");
      assertThat(entry.getString("message")).startsWith("CWWKF0011I");
      assertThat(entry.getString("ibm_datetime")).isNotBlank();
    }
  }
}
