package com.acme.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.it.support.BillingApi;
import com.acme.it.support.DatabaseProxy;
import com.acme.it.support.Deployments;
import com.acme.it.support.IntegrationTestSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Entitlement checks after a customer's first read do no database round trip. Proven by counting
 * the statements the server sends to PostgreSQL (through the test's proxy): many checks cost no
 * more statements than the once-a-second background pollers send anyway.
 */
@ExtendWith(ArquillianExtension.class)
class EntitlementCacheIT {

  private static final int CHECKS = 200;

  /** Background pollers send about one statement a second; 200 checks take a few seconds. */
  private static final int BACKGROUND_ALLOWANCE = 40;

  private final BillingApi api = BillingApi.testServer();
  private final DatabaseProxy database = IntegrationTestSession.databaseProxy();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void checksAfterTheFirstReadDoNoDatabaseRoundTrip() {
    String customer = BillingApi.newCustomer("cache");
    api.subscribe(customer, "PRO", "active");
    api.feature(customer, "autoscale");

    long before = database.statementCount();
    for (int i = 0; i < CHECKS; i++) {
      assertThat(
              api.feature(customer, i % 2 == 0 ? "autoscale" : "isolated_db").getString("tierId"))
          .isEqualTo("PRO");
    }
    long statements = database.statementCount() - before;

    assertThat(statements)
        .as("statements sent for %d checks", CHECKS)
        .isLessThan(BACKGROUND_ALLOWANCE);
  }

  @Test
  void aChangeInvalidatesExactlyThatCustomerAtOnce() {
    String changed = BillingApi.newCustomer("changed");
    String untouched = BillingApi.newCustomer("untouched");
    api.subscribe(untouched, "PRO", "active");
    assertThat(api.feature(changed, "autoscale").getBoolean("allowed")).isFalse();
    assertThat(api.feature(untouched, "autoscale").getBoolean("allowed")).isTrue();

    api.subscribe(changed, "PRO", "active");

    // At once on this instance: no waiting for the poller.
    assertThat(api.feature(changed, "autoscale").getBoolean("allowed")).isTrue();
    long before = database.statementCount();
    for (int i = 0; i < CHECKS; i++) {
      assertThat(api.feature(untouched, "autoscale").getBoolean("allowed")).isTrue();
    }
    assertThat(database.statementCount() - before).isLessThan(BACKGROUND_ALLOWANCE);
  }
}
