package com.acme.platform.schema;

import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One module's schema, migrated by Flyway from the module's own location ({@code
 * db/migration/<schema>}) into a schema of its own, whose history it keeps. A module's start-up
 * bean calls {@link #tryMigrate} until it succeeds (the server starts while the database is down,
 * and migrates once it answers); until then {@link #notReadyReason} says why the module is not
 * ready, in words fit for the public readiness probe: the details go to the log only.
 */
public final class SchemaMigration {

  /** How long a start-up bean waits before it tries again. */
  public static final long RETRY_MILLIS = 2_000;

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  private final String schema;
  private final ClassLoader loader;
  private volatile String notReadyReason;

  /**
   * @param loader the module's class loader, which sees its migrations
   */
  public SchemaMigration(String schema, ClassLoader loader) {
    this.schema = schema;
    this.loader = loader;
    this.notReadyReason = "schema " + schema + " not migrated yet";
  }

  /** Flyway as every module configures it (the tests of a module use it too). */
  public static Flyway flyway(String schema, ClassLoader loader, DataSource dataSource) {
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .locations("classpath:db/migration/" + schema)
        .schemas(schema)
        .table("flyway_schema_history")
        // Liberty's class loader lists no directories: without the marker file in a location,
        // Flyway would find no migrations and the module would start with no tables.
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Migrates the schema; a failure is logged and kept as the reason, and the module stays not
   * ready.
   *
   * @return whether the schema is migrated
   */
  public boolean tryMigrate(DataSource dataSource) {
    try {
      flyway(schema, loader, dataSource).migrate();
      return true;
    } catch (RuntimeException e) {
      notReady(
          "schema " + schema + " not migrated yet (see the server log)",
          "schema " + schema + " not migrated",
          e);
      return false;
    }
  }

  /** The module is ready: everything its start-up needed has run. */
  public void ready() {
    notReadyReason = null;
  }

  /**
   * A later start-up step failed (loading what the module keeps in memory, say): the module stays
   * not ready, for {@code publicReason}, and the cause goes to the log.
   */
  public void notReady(String publicReason, String logged, RuntimeException cause) {
    notReadyReason = publicReason;
    LOG.warning(logged + ", retrying in " + RETRY_MILLIS + " ms: " + cause.getMessage());
  }

  /**
   * The module cannot run with this configuration and will not retry: it stays not ready, for
   * {@code publicReason}; the caller has logged what to change.
   */
  public void refused(String publicReason) {
    notReadyReason = publicReason;
  }

  public Optional<String> notReadyReason() {
    return Optional.ofNullable(notReadyReason);
  }
}
