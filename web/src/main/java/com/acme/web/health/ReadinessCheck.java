package com.acme.web.health;

import com.acme.billing.api.BillingModuleStatus;
import com.acme.flags.api.FlagsModuleStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and both modules have migrated their schemas. The data source's
 * short timeouts keep this check under a few seconds even when the database hangs.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;
  private static final Logger LOG = Logger.getLogger(ReadinessCheck.class.getName());

  @Resource(lookup = "jdbc/appDS")
  DataSource dataSource;

  @EJB BillingModuleStatus billing;
  @EJB FlagsModuleStatus flags;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("database").up();
    Optional<String> database = databaseProblem();
    database.ifPresent(reason -> answer.down().withData("database", reason));
    flags.notReadyReason().ifPresent(reason -> answer.down().withData("flags", reason));
    billing.notReadyReason().ifPresent(reason -> answer.down().withData("billing", reason));
    return answer.build();
  }

  private Optional<String> databaseProblem() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_TIMEOUT_SECONDS)
          ? Optional.empty()
          : Optional.of("database did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
    } catch (SQLException e) {
      // The probe is public: the driver's message (host, user, URL) goes to the log only.
      LOG.log(Level.FINE, "readiness: database unreachable", e);
      return Optional.of("database unreachable");
    }
  }
}
