package com.acme.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

  private final SchemaMigration migration =
      new SchemaMigration("demo", SchemaMigrationTest.class.getClassLoader());

  @Test
  void aModuleIsNotReadyUntilItsSchemaIsMigrated() {
    assertThat(migration.notReadyReason()).hasValue("schema demo not migrated yet");
  }

  @Test
  void migratesTheModulesOwnLocationIntoASchemaOfItsOwn() throws Exception {
    JdbcDataSource h2 = h2("jdbc:h2:mem:migrates;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");

    assertThat(migration.tryMigrate(h2)).isTrue();
    migration.ready();

    assertThat(migration.notReadyReason()).isEmpty();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute("insert into demo.thing (id) values (1)");
      ResultSet history = s.executeQuery("select count(*) from demo.flyway_schema_history");
      assertThat(history.next()).isTrue();
      assertThat(history.getInt(1)).isPositive();
    }
    assertThat(migration.tryMigrate(h2)).as("a second run finds nothing to do").isTrue();
  }

  @Test
  void anUnreachableDatabaseLeavesTheModuleNotReadyWithoutItsDetails() {
    JdbcDataSource unreachable = h2("jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=secret_user");

    assertThat(migration.tryMigrate(unreachable)).isFalse();

    assertThat(migration.notReadyReason())
        .hasValue("schema demo not migrated yet (see the server log)");
  }

  private static JdbcDataSource h2(String url) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    return h2;
  }
}
