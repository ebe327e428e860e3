package com.acme.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.api.TransientFailures;
import com.acme.billing.persistence.LockTimeout;
import com.acme.billing.webhook.BillingH2;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The customer account lock and the invoice states, through JPA on H2. */
class SubscriptionStoresOnH2Test {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final BillingH2 db = new BillingH2();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anAccountIsCreatedOnceAndThenFoundAndLocked() {
    assertThat(db.<Boolean>call(em -> repository(em, 1000).lockAccount("cust_1"))).isFalse();

    assertThat(db.<Boolean>call(em -> repository(em, 1000).insertAccountIfMissing("cust_1", NOW)))
        .isTrue();
    assertThat(db.<Boolean>call(em -> repository(em, 1000).insertAccountIfMissing("cust_1", NOW)))
        .isFalse();

    assertThat(db.<Boolean>call(em -> repository(em, 1000).accountExists("cust_1"))).isTrue();
    assertThat(db.<Boolean>call(em -> repository(em, 1000).lockAccount("cust_1"))).isTrue();
  }

  @Test
  void aLockedAccountMakesASecondLockerTimeOutAsATransientFailure() {
    db.run(em -> repository(em, 1000).insertAccountIfMissing("cust_1", NOW));
    EntityManager holder = db.emf.createEntityManager();
    EntityManager waiter = db.emf.createEntityManager();
    try {
      holder.getTransaction().begin();
      assertThat(repository(holder, 1000).lockAccount("cust_1")).isTrue();

      waiter.getTransaction().begin();
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> repository(waiter, 300).lockAccount("cust_1"));
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(failure).isNotNull();
      assertThat(TransientFailures.isTransient(failure)).as("%s", failure).isTrue();
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    } finally {
      if (waiter.getTransaction().isActive()) {
        waiter.getTransaction().rollback();
      }
      holder.getTransaction().rollback();
      waiter.close();
      holder.close();
    }
  }

  @Test
  void aPaidInvoiceStaysPaidAndNoLongerCountsAsFailedWithinTheSameTransaction() {
    db.run(
        em -> {
          InvoiceStates invoices = invoices(em);
          invoices.record("in_1", "sub_1", InvoiceStates.PAYMENT_FAILED);
          assertThat(invoices.hasFailed("sub_1")).isTrue();

          invoices.record("in_1", "sub_1", InvoiceStates.PAID);
          assertThat(invoices.hasFailed("sub_1")).isFalse();
        });

    db.run(em -> invoices(em).record("in_1", "sub_1", InvoiceStates.PAYMENT_FAILED));

    assertThat(db.<Optional<String>>call(em -> invoices(em).status("in_1")))
        .contains(InvoiceStates.PAID);
    assertThat(db.<Boolean>call(em -> invoices(em).hasFailed("sub_1"))).isFalse();
    assertThat(db.<Optional<String>>call(em -> invoices(em).status("in_2"))).isEmpty();
  }

  @Test
  void aFailedInvoiceCountsOnlyForItsOwnSubscription() {
    db.run(em -> invoices(em).record("in_1", "sub_1", InvoiceStates.PAYMENT_FAILED));

    assertThat(db.<Boolean>call(em -> invoices(em).hasFailed("sub_1"))).isTrue();
    assertThat(db.<Boolean>call(em -> invoices(em).hasFailed("sub_2"))).isFalse();
  }

  private static SubscriptionRepository repository(EntityManager em, long lockTimeoutMillis) {
    SubscriptionRepository repository = new SubscriptionRepository();
    repository.notices = new EntitlementNotices();
    repository.em = em;
    repository.lockTimeout = LockTimeout.ofMillis(lockTimeoutMillis);
    return repository;
  }

  private static InvoiceStates invoices(EntityManager em) {
    InvoiceStates invoices = new InvoiceStates();
    invoices.em = em;
    invoices.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return invoices;
  }
}
