package com.acme.billing.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a transaction waits for a row lock before it fails ({@code billing.lock-timeout-ms},
 * default 5000), so that a stuck lock ends in a lock-timeout failure, answered 503 with {@code
 * Retry-After} (see {@link TransientFailures}), instead of a request that waits forever.
 *
 * <p>Two ways to apply it, to be used together where a transaction takes locks:
 *
 * <ul>
 *   <li>{@link #hints()}: the standard {@code jakarta.persistence.lock.timeout} hint, for {@code
 *       em.find(type, id, PESSIMISTIC_WRITE, hints)}, {@code em.lock(..)} and {@code
 *       query.setHint(..)}. EclipseLink 4.0 turns it into {@code FOR UPDATE WAIT n} only on
 *       databases that support that syntax; on PostgreSQL and H2 it prints a plain {@code FOR
 *       UPDATE} and the hint has no effect.
 *   <li>{@link #applyTo(EntityManager)}: sets the database's own lock timeout for the current
 *       transaction ({@code SET LOCAL lock_timeout} on PostgreSQL, {@code SET LOCK_TIMEOUT} on H2).
 *       This is what bounds the wait on these two databases, also for native {@code for update}
 *       queries, which take no hint. Call it once in the transaction before the first lock.
 * </ul>
 */
@ApplicationScoped
public class LockTimeout {

  /** The MicroProfile Config property. */
  public static final String PROPERTY = "billing.lock-timeout-ms";

  public static final long DEFAULT_MILLIS = 5000;

  /** The standard JPA hint, in milliseconds. */
  public static final String HINT = "jakarta.persistence.lock.timeout";

  private static final Logger LOG = Logger.getLogger(LockTimeout.class.getName());

  @Inject
  @ConfigProperty(name = PROPERTY, defaultValue = "5000")
  long millis = DEFAULT_MILLIS;

  /** The database product, found once from the first connection: one data source serves. */
  private volatile String product;

  protected LockTimeout() {}

  /** A lock timeout outside CDI (tests, plain code). */
  public static LockTimeout ofMillis(long millis) {
    LockTimeout timeout = new LockTimeout();
    timeout.millis = millis;
    return timeout;
  }

  public long millis() {
    return Math.max(1, millis);
  }

  /** {@code jakarta.persistence.lock.timeout} for a pessimistic find, lock or query. */
  public Map<String, Object> hints() {
    return Map.of(HINT, (int) Math.min(Integer.MAX_VALUE, millis()));
  }

  /**
   * Sets the database's lock timeout for the current transaction of {@code em} (required: the
   * setting is transaction-local on PostgreSQL; on H2 it is the session's and stays on the pooled
   * connection, with the same value). Does nothing on a database it does not know.
   */
  public void applyTo(EntityManager em) {
    String sql =
        switch (product(em)) {
          case "postgresql" -> "set local lock_timeout = " + millis();
          case "h2" -> "set lock_timeout " + millis();
          default -> null;
        };
    if (sql == null) {
      LOG.log(Level.FINE, "No lock timeout statement for database \"{0}\"", product(em));
      return;
    }
    // Native: a database setting, not a query; JPA's lock timeout hint has no effect on these two.
    em.createNativeQuery(sql).executeUpdate();
  }

  private String product(EntityManager em) {
    String known = product;
    if (known == null) {
      try {
        Connection connection = em.unwrap(Connection.class);
        known =
            connection == null
                ? ""
                : connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      } catch (SQLException | RuntimeException e) {
        known = "";
      }
      if (!known.isEmpty()) {
        product = known;
      }
    }
    return known;
  }
}
