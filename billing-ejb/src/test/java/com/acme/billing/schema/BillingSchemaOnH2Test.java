package com.acme.billing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.subscription.CustomerSubscription;
import com.acme.platform.schema.SchemaMigration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
        SchemaMigration.flyway("billing", getClass().getClassLoader(), dataSource).migrate();
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
        new CustomerSubscription("sub_123", "cust_h2", "PRO", "active", Instant.now());
    written.setBillingPeriod("yearly");
    written.setCurrentPeriodEnd(end);
    written.setCancelAtPeriodEnd(true);
    em.persist(written);
    em.getTransaction().commit();
    em.close();

    EntityManager reader = emf.createEntityManager();
    CustomerSubscription read =
        reader
            .createNamedQuery("CustomerSubscription.findByCustomer", CustomerSubscription.class)
            .setParameter("customerId", "cust_h2")
            .getSingleResult();
    assertThat(read.getStripeSubscriptionId()).isEqualTo("sub_123");
    assertThat(read.getCustomerId()).isEqualTo("cust_h2");
    assertThat(read.getTierId()).isEqualTo("PRO");
    assertThat(read.getBillingPeriod()).isEqualTo("yearly");
    assertThat(read.getCurrentPeriodEnd().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(end);
    assertThat(read.isCancelAtPeriodEnd()).isTrue();
    assertThat(read.getVersion()).isEqualTo(1L);
    reader.close();
  }

  @Test
  void aMirrorRowOfTheOneRowPerCustomerSchemaIsKeptUnderItsSubscriptionId() throws Exception {
    JdbcDataSource old = new JdbcDataSource();
    old.setURL(
        "jdbc:h2:mem:billing-v2-"
            + System.nanoTime()
            + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    old.setUser("sa");
    Flyway.configure()
        .dataSource(old)
        .locations("classpath:db/migration/billing")
        .schemas("billing")
        .target("2")
        .load()
        .migrate();
    try (Connection c = old.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into billing.customer_subscription (customer_id, tier_id, status,"
              + " stripe_subscription_id, last_event_created, updated_at, version) values"
              + " ('cust_paid', 'PRO', 'active', 'sub_9', 1700000000, current_timestamp, 3),"
              + " ('cust_fixed', 'STARTER', 'active', null, null, current_timestamp, 1)");
    }
    SchemaMigration.flyway("billing", getClass().getClassLoader(), old).migrate();
    try (Connection c = old.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "select subscription_id, customer_id, tier_id, last_event_created"
                    + " from billing.subscription_mirror order by customer_id")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("manual:cust_fixed");
      assertThat(rows.getString(3)).isEqualTo("STARTER");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("sub_9");
      assertThat(rows.getString(2)).isEqualTo("cust_paid");
      assertThat(rows.getLong(4)).isEqualTo(1700000000L);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void migratingTwiceChangesNothing() {
    MigrateResult again =
        SchemaMigration.flyway("billing", getClass().getClassLoader(), dataSource).migrate();
    assertThat(again.migrationsExecuted).isZero();
  }
}
