package com.acme.it.support.hostile;

import com.acme.it.support.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A fingerprint of the product's tables (both schemas): per table its row count and the newest row
 * version ({@code max(xmin)}). An insert or an update writes a row version with a newer transaction
 * id, a delete lowers the count, and a rolled-back change leaves both as they were; so equal
 * fingerprints before and after a request mean the request changed no row. It reads no column, so
 * it costs a few milliseconds even when stored webhook payloads are large.
 */
public final class TableChecksums implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement query;

  public TableChecksums(String... schemas) throws SQLException {
    connection = Database.connect();
    List<String> tables = new ArrayList<>();
    try (PreparedStatement list =
        connection.prepareStatement(
            "select table_schema || '.' || table_name from information_schema.tables"
                + " where table_schema = any (?) and table_type = 'BASE TABLE'"
                + " and table_name <> 'flyway_schema_history' order by 1")) {
      list.setArray(1, connection.createArrayOf("text", schemas));
      try (ResultSet rs = list.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables in " + String.join(", ", schemas));
    }
    StringJoiner union = new StringJoiner(" union all ");
    for (String table : tables) {
      union.add(
          "select '"
              + table
              + "', count(*), coalesce(max(t.xmin::text::bigint), 0) from "
              + table
              + " t");
    }
    query = connection.prepareStatement(union.toString());
  }

  /** Table name to "rows:newest row version". */
  public Map<String, String> snapshot() {
    try (ResultSet rs = query.executeQuery()) {
      Map<String, String> result = new LinkedHashMap<>();
      while (rs.next()) {
        result.put(rs.getString(1), rs.getLong(2) + ":" + rs.getLong(3));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fingerprint the tables", e);
    }
  }

  /** The tables whose fingerprint differs. */
  public static List<String> changed(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    after.forEach(
        (table, value) -> {
          if (!Objects.equals(before.get(table), value)) {
            changed.add(table);
          }
        });
    return changed;
  }

  @Override
  public void close() throws SQLException {
    query.close();
    connection.close();
  }
}
