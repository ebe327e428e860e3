package com.acme.billing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.billing.api.TransientFailures;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lock held by another transaction ends the wait after the configured lock timeout. */
class LockTimeoutOnH2Test {

  private EntityManagerFactory emf;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    // A session default far above the timeout under test, so that only applyTo can end the wait.
    dataSource.setURL(
        "jdbc:h2:mem:lock-"
            + System.nanoTime()
            + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/billing")
        .schemas("billing")
        .load()
        .migrate();
    emf =
        Persistence.createEntityManagerFactory(
            "billing",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource));
  }

  @AfterEach
  void close() {
    emf.close();
  }

  @Test
  void hintsCarryTheStandardLockTimeoutInMilliseconds() {
    assertThat(LockTimeout.ofMillis(5000).hints())
        .containsExactly(Map.entry("jakarta.persistence.lock.timeout", 5000));
  }

  @Test
  void aLockHeldByAnotherTransactionFailsAfterTheTimeoutAsATransientFailure() {
    EntityManager holder = emf.createEntityManager();
    holder.getTransaction().begin();
    holder
        .createNativeQuery(
            "insert into billing.stripe_customer (customer_id, stripe_customer_id)"
                + " values ('cust_1', 'cus_1')")
        .executeUpdate();
    holder.getTransaction().commit();
    holder.getTransaction().begin();
    lockCustomer(holder);

    EntityManager waiter = emf.createEntityManager();
    waiter.getTransaction().begin();
    LockTimeout.ofMillis(300).applyTo(waiter);
    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> lockCustomer(waiter));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure).isNotNull();
    assertThat(TransientFailures.isTransient(failure)).as("%s", failure).isTrue();
    assertThat(waited)
        .isGreaterThanOrEqualTo(Duration.ofMillis(250))
        .isLessThan(Duration.ofSeconds(10));
    waiter.getTransaction().rollback();
    holder.getTransaction().rollback();
    waiter.close();
    holder.close();
  }

  private static void lockCustomer(EntityManager em) {
    em.createNativeQuery(
            "select customer_id from billing.stripe_customer where customer_id = 'cust_1' for update")
        .getResultList();
  }
}
