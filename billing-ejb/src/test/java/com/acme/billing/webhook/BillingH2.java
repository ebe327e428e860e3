package com.acme.billing.webhook;

import com.acme.platform.schema.SchemaMigration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 with the billing migrations and the billing unit, resource-local. */
public final class BillingH2 implements AutoCloseable {

  public final JdbcDataSource dataSource = new JdbcDataSource();
  public final EntityManagerFactory emf;

  public BillingH2() {
    dataSource.setURL(
        "jdbc:h2:mem:billing-" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    SchemaMigration.flyway("billing", getClass().getClassLoader(), dataSource).migrate();
    emf =
        Persistence.createEntityManagerFactory(
            "billing",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource));
  }

  /** Runs {@code work} in a transaction of its own, committed unless it throws. */
  public <T> T call(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  public void run(Consumer<EntityManager> work) {
    call(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** The stored status and detail of an event, read in a transaction of its own. */
  public String[] row(String eventId) {
    return call(
        em -> {
          Object[] r =
              (Object[])
                  em.createNativeQuery(
                          "select status, detail from billing.webhook_event where event_id = ?1")
                      .setParameter(1, eventId)
                      .getSingleResult();
          return new String[] {(String) r[0], (String) r[1]};
        });
  }

  @Override
  public void close() {
    emf.close();
  }
}
