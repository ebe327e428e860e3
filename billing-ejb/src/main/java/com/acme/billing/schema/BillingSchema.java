package com.acme.billing.schema;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.billing.encryption.DataCipher;
import com.acme.billing.encryption.DataKeysException;
import com.acme.billing.encryption.KeyCanary;
import com.acme.billing.readiness.PaymentReadiness;
import com.acme.platform.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the {@code billing} schema at start-up. When the database is unreachable the server
 * still starts: the migration is retried in the background and readiness stays DOWN until it has
 * run, so no restart is needed once the database answers.
 *
 * <p>Then the data keys must open what is stored ({@link KeyCanary}). When they cannot, or none are
 * configured where one is required, the application refuses to start with a message naming the
 * setting; found later (the database was down at start), the module stays not ready for good.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingSchema implements BillingModuleStatus {

  @Resource(lookup = "jdbc/appDS")
  private DataSource dataSource;

  @Resource private TimerService timers;

  @EJB KeyCanary canary;

  @Inject DataCipher cipher;

  @Inject PaymentReadiness payments;

  private volatile String startRefusal;

  private static final Logger LOG = Logger.getLogger(BillingSchema.class.getName());

  private final SchemaMigration migration =
      new SchemaMigration("billing", BillingSchema.class.getClassLoader());

  @PostConstruct
  void start() {
    migrateOrRetryLater(true);
  }

  @Timeout
  void retry() {
    migrateOrRetryLater(false);
  }

  private void migrateOrRetryLater(boolean starting) {
    try {
      // The keys first: a missing or unreadable keyset is refused even while the database is down.
      cipher.primaryKeyId();
    } catch (DataKeysException e) {
      refuse(e, starting);
      return;
    }
    if (!migration.tryMigrate(dataSource)) {
      timers.createSingleActionTimer(SchemaMigration.RETRY_MILLIS, new TimerConfig(null, false));
      return;
    }
    try {
      canary.verify();
    } catch (DataKeysException e) {
      refuse(e, starting);
      return;
    } catch (RuntimeException e) {
      migration.notReady(
          "billing data keys not verified yet (see the server log)",
          "billing data keys not verified",
          e);
      timers.createSingleActionTimer(SchemaMigration.RETRY_MILLIS, new TimerConfig(null, false));
      return;
    }
    migration.ready();
  }

  /** The module cannot serve with these keys; at start the web module's guard says so. */
  private void refuse(DataKeysException e, boolean starting) {
    startRefusal = e.getMessage();
    migration.refused("billing data keys unusable (see the server log)");
    if (!starting) {
      LOG.severe("The billing module cannot serve: " + e.getMessage());
    }
  }

  @Override
  public PaymentConfiguration paymentConfiguration() {
    return payments.check();
  }

  @Override
  public Optional<String> startRefusal() {
    return Optional.ofNullable(startRefusal);
  }

  @Override
  public Optional<String> notReadyReason() {
    return migration.notReadyReason();
  }
}
