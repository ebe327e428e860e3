package com.acme.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are transient concurrency failures, however the container wrapped them. */
class TransientFailuresTest {

  @Test
  void jpaLockFailuresAreTransient() {
    assertThat(TransientFailures.isTransient(new PessimisticLockException("locked"))).isTrue();
    assertThat(TransientFailures.isTransient(new LockTimeoutException("timeout"))).isTrue();
    assertThat(TransientFailures.isTransient(new OptimisticLockException("stale"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01", "55P03"})
  void postgresqlSerialisationDeadlockAndLockNotAvailableAreTransient(String sqlState) {
    SQLException sql = new SQLException("ERROR: could not serialize access", sqlState);
    assertThat(TransientFailures.isTransient(sql)).isTrue();
    assertThat(TransientFailures.isTransient(asTheContainerWrapsIt(sql))).isTrue();
  }

  @Test
  void h2LockTimeoutAndDeadlockAreTransient() {
    SQLException timeout = DbException.getJdbcSQLException(ErrorCode.LOCK_TIMEOUT_1, "webhook");
    assertThat(timeout.getSQLState()).isEqualTo("HYT00");
    assertThat(timeout.getErrorCode()).isEqualTo(50200);
    assertThat(TransientFailures.isTransient(asTheContainerWrapsIt(timeout))).isTrue();
    assertThat(
            TransientFailures.isTransient(
                asTheContainerWrapsIt(
                    DbException.getJdbcSQLException(ErrorCode.DEADLOCK_1, "webhook"))))
        .isTrue();
  }

  @Test
  void aLockFailureWrappedInEjbAndTransactionExceptionsIsTransient() {
    assertThat(
            TransientFailures.isTransient(
                new EJBException(new PersistenceException(new PessimisticLockException("x")))))
        .isTrue();
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(new OptimisticLockException("stale"));
    assertThat(
            TransientFailures.isTransient(
                new EJBTransactionRolledbackException("rolled back", rollback)))
        .isTrue();
  }

  @Test
  void eclipseLinksOwnOptimisticLockExceptionIsTransient() {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(
        org.eclipse.persistence.exceptions.OptimisticLockException
            .batchStatementExecutionFailure());
    assertThat(TransientFailures.isTransient(new EJBException(rollback))).isTrue();
  }

  @Test
  void aTransientFailureBehindABatchsNextExceptionIsFound() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", "25P02", new int[0]);
    batch.setNextException(new SQLException("deadlock detected", "40P01"));
    assertThat(TransientFailures.isTransient(new PersistenceException(batch))).isTrue();
  }

  @Test
  void otherFailuresAreNotTransient() {
    assertThat(TransientFailures.isTransient(new IllegalStateException("price not configured")))
        .isFalse();
    assertThat(
            TransientFailures.isTransient(
                asTheContainerWrapsIt(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    assertThat(TransientFailures.isTransient(new SQLException("not H2", "HY000", 50200))).isFalse();
    assertThat(TransientFailures.isTransient(new EJBException("no cause"))).isFalse();
    assertThat(TransientFailures.isTransient(null)).isFalse();
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(TransientFailures.isTransient(a)).isFalse();
  }

  /** As a JTA EJB reports a failed statement: EJB, JPA and EclipseLink exceptions around it. */
  private static RuntimeException asTheContainerWrapsIt(SQLException sql) {
    return new EJBTransactionRolledbackException(
        "Transaction rolled back",
        new PersistenceException(
            "Exception [EclipseLink-4002]", DatabaseException.sqlException(sql)));
  }
}
