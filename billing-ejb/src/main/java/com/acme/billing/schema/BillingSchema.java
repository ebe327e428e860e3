package com.acme.billing.schema;

import com.acme.billing.api.BillingModuleStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the {@code billing} schema at start-up. When the database is unreachable the server
 * still starts: the migration is retried in the background and readiness stays DOWN until it has
 * run, so no restart is needed once the database answers.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingSchema implements BillingModuleStatus {

  private static final Logger LOG = Logger.getLogger(BillingSchema.class.getName());
  private static final long RETRY_MILLIS = 2_000;

  @Resource(lookup = "jdbc/appDS")
  private DataSource dataSource;

  @Resource private TimerService timers;

  private volatile String notReadyReason = "schema billing not migrated yet";

  @PostConstruct
  void migrateOrRetryLater() {
    if (!tryMigrate()) {
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
  }

  @Timeout
  void retry() {
    migrateOrRetryLater();
  }

  private boolean tryMigrate() {
    try {
      Flyway.configure(getClass().getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration/billing")
          .schemas("billing")
          .table("flyway_schema_history")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      notReadyReason = null;
      return true;
    } catch (RuntimeException e) {
      // The readiness probe is public: the details (host, user, SQL) go to the log only.
      notReadyReason = "schema billing not migrated yet (see the server log)";
      LOG.warning(
          "schema billing not migrated, retrying in " + RETRY_MILLIS + " ms: " + e.getMessage());
      return false;
    }
  }

  @Override
  public Optional<String> notReadyReason() {
    return Optional.ofNullable(notReadyReason);
  }
}
