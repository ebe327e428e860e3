package com.acme.billing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.subscription.CustomerSubscription;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CI runs the integration tests on PostgreSQL; this proves the embedded default: the billing
 * migrations and a JPA round trip on H2, configured as the server configures it.
 */
class BillingSchemaOnH2Test {

  private JdbcDataSource dataSource;
  private EntityManagerFactory emf;

  @BeforeEach
  void migrate() {
    dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:billing-" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/billing")
            .schemas("billing")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isPositive();
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
    if (emf != null) {
      emf.close();
    }
  }

  @Test
  void subscriptionMirrorRoundTripsThroughJpaOnH2() {
    Instant end = Instant.parse("2026-12-26T10:00:00Z");
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    CustomerSubscription written =
        new CustomerSubscription("cust_h2", "PRO", "active", Instant.now());
    written.setBillingPeriod("yearly");
    written.setStripeSubscriptionId("sub_123");
    written.setCurrentPeriodEnd(end);
    written.setCancelAtPeriodEnd(true);
    em.persist(written);
    em.getTransaction().commit();
    em.close();

    EntityManager reader = emf.createEntityManager();
    CustomerSubscription read =
        reader
            .createNamedQuery(
                "CustomerSubscription.findByStripeSubscriptionId", CustomerSubscription.class)
            .setParameter("stripeSubscriptionId", "sub_123")
            .getSingleResult();
    assertThat(read.getCustomerId()).isEqualTo("cust_h2");
    assertThat(read.getTierId()).isEqualTo("PRO");
    assertThat(read.getBillingPeriod()).isEqualTo("yearly");
    assertThat(read.getCurrentPeriodEnd().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(end);
    assertThat(read.isCancelAtPeriodEnd()).isTrue();
    assertThat(read.getVersion()).isEqualTo(1L);
    reader.close();
  }

  @Test
  void migratingTwiceChangesNothing() {
    MigrateResult again =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/billing")
            .schemas("billing")
            .load()
            .migrate();
    assertThat(again.migrationsExecuted).isZero();
  }
}
