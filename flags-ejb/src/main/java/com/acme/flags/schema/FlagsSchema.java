package com.acme.flags.schema;

import com.acme.flags.api.FlagsModuleStatus;
import com.acme.flags.service.BillingV2Seeder;
import com.acme.flags.service.FlagCache;
import com.acme.platform.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the {@code flags} schema at start-up, seeds {@code billing_v2} and loads the flags. When
 * the database is unreachable the server still starts: the migration is retried in the background
 * and readiness stays DOWN until it has run, so no restart is needed once the database answers.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlagsSchema implements FlagsModuleStatus {

  private static final Logger LOG = Logger.getLogger(FlagsSchema.class.getName());

  @Resource(lookup = "jdbc/appDS")
  private DataSource dataSource;

  @Resource private TimerService timers;

  @EJB BillingV2Seeder seeder;
  @Inject FlagCache cache;

  private final SchemaMigration migration =
      new SchemaMigration("flags", FlagsSchema.class.getClassLoader());

  @PostConstruct
  void migrateOrRetryLater() {
    if (migration.tryMigrate(dataSource) && seededAndLoaded()) {
      migration.ready();
    } else {
      timers.createSingleActionTimer(SchemaMigration.RETRY_MILLIS, new TimerConfig(null, false));
    }
  }

  @Timeout
  void retry() {
    migrateOrRetryLater();
  }

  private boolean seededAndLoaded() {
    try {
      seedIgnoringARaceWithAnotherInstance();
      cache.reload();
      return true;
    } catch (RuntimeException e) {
      migration.notReady("flags not loaded yet (see the server log)", "flags not loaded", e);
      return false;
    }
  }

  private void seedIgnoringARaceWithAnotherInstance() {
    try {
      seeder.seedIfMissing();
    } catch (EJBException e) {
      // Another instance seeded it first: the reload below picks its flag up.
      LOG.log(Level.FINE, "billing_v2 seed lost a race", e);
    }
  }

  @Override
  public Optional<String> notReadyReason() {
    return migration.notReadyReason();
  }
}
