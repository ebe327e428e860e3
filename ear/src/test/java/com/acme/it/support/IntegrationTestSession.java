package com.acme.it.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs once per integration phase, before Arquillian starts Liberty: gives the run a clean database
 * and starts the TCP proxy that the test server reaches PostgreSQL through.
 */
public class IntegrationTestSession implements LauncherSessionListener {

  private static volatile DatabaseProxy proxy;
  private static volatile WireMockServer stripe;
  private static volatile Instant startedAt = Instant.now();

  /** When this run of the integration tests began (its logs are the ones written since). */
  public static Instant startedAt() {
    return startedAt;
  }

  /** The stand-in for Stripe's API that the IT server's Stripe adapter talks to. */
  public static WireMockServer stripeStandIn() {
    return stripe;
  }

  /** The proxy between the Arquillian-managed server and PostgreSQL. */
  public static DatabaseProxy databaseProxy() {
    return proxy;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.db.proxy.port") == null) {
      return; // not the failsafe run
    }
    startedAt = Instant.now();
    resetDatabase();
    try {
      proxy =
          new DatabaseProxy(
                  ItConfig.integer("it.db.proxy.port"),
                  ItConfig.get("it.db.host"),
                  ItConfig.integer("it.db.port"))
              .open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the database proxy", e);
    }
    stripe = StripeStandIn.start(ItConfig.integer("it.stripe.port"));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      SharedPeer.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the shared peer server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (stripe != null) {
      stripe.stop();
    }
  }

  /** Drops what an earlier run left, so that every run starts from the migrations. */
  private static void resetDatabase() {
    try (Connection c = Database.connect();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists billing cascade");
      s.execute("drop schema if exists flags cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database at " + ItConfig.jdbcUrl(), e);
    }
  }
}
