package com.acme.flags.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.platform.schema.SchemaMigration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The flags migrations also run on the embedded default database (H2). */
class FlagsSchemaOnH2Test {

  @Test
  void flagsMigrationsRunOnH2AndSeedTheChangeCounter() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:flags-" + System.nanoTime() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    MigrateResult result =
        SchemaMigration.flyway("flags", getClass().getClassLoader(), dataSource).migrate();
    assertThat(result.success).isTrue();
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select counter from flags.change_counter")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
