package com.acme.billing.schema;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.platform.schema.SchemaMigration;
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
import javax.sql.DataSource;

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

  @Resource(lookup = "jdbc/appDS")
  private DataSource dataSource;

  @Resource private TimerService timers;

  private final SchemaMigration migration =
      new SchemaMigration("billing", BillingSchema.class.getClassLoader());

  @PostConstruct
  void migrateOrRetryLater() {
    if (migration.tryMigrate(dataSource)) {
      migration.ready();
    } else {
      timers.createSingleActionTimer(SchemaMigration.RETRY_MILLIS, new TimerConfig(null, false));
    }
  }

  @Timeout
  void retry() {
    migrateOrRetryLater();
  }

  @Override
  public Optional<String> notReadyReason() {
    return migration.notReadyReason();
  }
}
