package com.acme.billing.api;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure is a transient concurrency failure: a lock not obtained in time, a deadlock, a
 * serialisation failure or a lost optimistic race. Nothing is wrong with the request; the same
 * request is expected to succeed when sent again a moment later, so it is answered 503 with {@code
 * Retry-After} rather than 500.
 *
 * <p>The failure may come wrapped any number of times (an {@code EJBException}, {@code
 * EJBTransactionRolledbackException}, {@code jakarta.transaction.RollbackException}, a {@code
 * PersistenceException} or EclipseLink's {@code DatabaseException}): the whole cause chain is
 * searched, and the chain of {@link SQLException#getNextException()} with it.
 */
public final class TransientFailures {

  /** SQLState of PostgreSQL's {@code serialization_failure}; also H2's deadlock. */
  static final String SERIALIZATION_FAILURE = "40001";

  /** SQLState of PostgreSQL's {@code deadlock_detected}. */
  static final String DEADLOCK_DETECTED = "40P01";

  /** SQLState of PostgreSQL's {@code lock_not_available} ({@code lock_timeout}, {@code NOWAIT}). */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  /** SQLState of H2's lock timeout ("Timeout trying to lock table"). */
  static final String H2_LOCK_TIMEOUT_STATE = "HYT00";

  /** H2's error code for a lock timeout ({@code ErrorCode.LOCK_TIMEOUT_1}). */
  static final int H2_LOCK_TIMEOUT_CODE = 50200;

  private static final Set<String> TRANSIENT_STATES =
      Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED, LOCK_NOT_AVAILABLE, H2_LOCK_TIMEOUT_STATE);

  /** EclipseLink's own exception, thrown unwrapped when a JTA commit loses an optimistic race. */
  private static final String ECLIPSELINK_OPTIMISTIC_LOCK =
      "org.eclipse.persistence.exceptions.OptimisticLockException";

  private static final int MAX_DEPTH = 64;

  private TransientFailures() {}

  /**
   * Whether {@code failure}, or anything in its cause chain, is a transient concurrency failure.
   */
  public static boolean isTransient(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return search(failure, seen, 0);
  }

  private static boolean search(Throwable t, Set<Throwable> seen, int depth) {
    if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
      return false;
    }
    if (isTransientItself(t)) {
      return true;
    }
    if (t instanceof SQLException sql && search(sql.getNextException(), seen, depth + 1)) {
      return true;
    }
    return search(t.getCause(), seen, depth + 1);
  }

  private static boolean isTransientItself(Throwable t) {
    if (t instanceof PessimisticLockException
        || t instanceof LockTimeoutException
        || t instanceof OptimisticLockException
        || ECLIPSELINK_OPTIMISTIC_LOCK.equals(t.getClass().getName())) {
      return true;
    }
    if (t instanceof SQLException sql) {
      return (sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState()))
          || (sql.getErrorCode() == H2_LOCK_TIMEOUT_CODE
              && sql.getClass().getName().startsWith("org.h2."));
    }
    return false;
  }
}
