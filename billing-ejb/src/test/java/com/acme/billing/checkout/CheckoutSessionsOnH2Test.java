package com.acme.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.checkout.CheckoutSessions.KnownSession;
import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The checkout sessions this platform created, through JPA on H2. */
class CheckoutSessionsOnH2Test {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aRememberedSessionIsOpenAndRememberingItAgainChangesNothing() {
    db.run(em -> sessions(em).remember("cs_1", "cust_1"));
    db.run(em -> sessions(em).remember("cs_1", "cust_2"));

    assertThat(db.<Optional<KnownSession>>call(em -> sessions(em).find("cs_1")))
        .contains(new KnownSession("cs_1", "cust_1", null, CheckoutSessions.OPEN, null));
    assertThat(db.<Optional<KnownSession>>call(em -> sessions(em).find("cs_2"))).isEmpty();
  }

  @Test
  void applyingAKnownSessionRecordsItsOutcomeAndWhen() {
    db.run(em -> sessions(em).remember("cs_1", "cust_1"));

    db.run(em -> sessions(em).markApplied("cs_1", "cust_1", "sub_1", "complete"));

    KnownSession known =
        db.<Optional<KnownSession>>call(em -> sessions(em).find("cs_1")).orElseThrow();
    assertThat(known.subscriptionId()).isEqualTo("sub_1");
    assertThat(known.status()).isEqualTo("complete");
    assertThat(known.appliedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW);
  }

  @Test
  void applyingASessionNotRememberedStoresItApplied() {
    db.run(em -> sessions(em).markApplied("cs_9", "cust_9", null, "expired"));

    assertThat(db.<Optional<KnownSession>>call(em -> sessions(em).find("cs_9")))
        .contains(new KnownSession("cs_9", "cust_9", null, "expired", NOW));
  }

  private static CheckoutSessions sessions(EntityManager em) {
    CheckoutSessions sessions = new CheckoutSessions();
    sessions.em = em;
    sessions.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return sessions;
  }
}
