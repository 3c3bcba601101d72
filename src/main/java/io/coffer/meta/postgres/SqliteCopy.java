package io.coffer.meta.postgres;

import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Copies a single-node SQLite store's metadata into an empty PostgreSQL database ({@code coffer
 * migrate}): every row of every table, in one PostgreSQL transaction, so that a failure leaves the
 * target as empty as it was. Both schemas name their tables and columns alike and encode values
 * alike (keys as UTF-8 bytes, times as epoch milliseconds, JSON as text), so rows are copied column
 * by column; what PostgreSQL keeps differently is derived here: the striped counters (from SQLite's
 * one counters row and the buckets' object counts and sizes) and the identities and sequences,
 * moved past every ID copied so that new rows never reuse one. Blob files stay where they are.
 */
public final class SqliteCopy {
  /** How many rows go to PostgreSQL per batch, and between two progress lines (x 20). */
  private static final int BATCH = 500;

  /** SQLite tables whose rows PostgreSQL keeps otherwise (see the class comment). */
  private static final List<String> DERIVED = List.of("counters");

  /** SQLite columns PostgreSQL keeps otherwise: a bucket's count and size are bucket_counters. */
  private static final Map<String, List<String>> DERIVED_COLUMNS =
      Map.of("buckets", List.of("object_count", "total_size"));

  /** One table's rows in the SQLite store and, after the copy, in PostgreSQL. */
  public record TableCount(String table, long sqlite, long postgres) {
    public boolean matches() {
      return sqlite == postgres;
    }
  }

  private SqliteCopy() {}

  /**
   * Copies the store in {@code sqliteFile} (first brought to this build's schema version) into the
   * database at {@code url}, creating its schema; refuses a database that holds any row. Answers
   * the verification: each table's rows counted on both sides after the copy.
   *
   * @param progress told what is being copied, a line at a time
   */
  public static List<TableCount> copy(
      Path sqliteFile, String url, @Nullable String password, Consumer<String> progress) {
    progress.accept("Opening the SQLite store " + sqliteFile);
    SqliteMetadataStore.open(sqliteFile, true).close(); // migrates an older schema first
    PostgresUrl target = PostgresUrl.parse(url, password);
    progress.accept("Opening " + target + " and creating its schema");
    try (Db db = Db.connect(target, "coffer-migrate");
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      Schema.migrate(db);
      sqlite.setAutoCommit(false); // one read transaction: a consistent snapshot
      List<String> tables = tables(sqlite, db);
      db.writeVoid(
          tx -> {
            refuseNonEmpty(tx.c, tables);
            for (String table : tables) {
              copyTable(sqlite, tx.c, table, progress);
            }
            TableSequences.copyCounters(sqlite, tx.c);
            TableSequences.advance(sqlite, tx.c, tables);
          });
      progress.accept("Verifying");
      List<TableCount> counts = new ArrayList<>();
      for (String table : tables) {
        long postgres = db.read(tx -> count(tx.c, table));
        counts.add(new TableCount(table, count(sqlite, table), postgres));
      }
      sqlite.rollback();
      return counts;
    } catch (SQLException e) {
      throw new CofferException(
          ErrorCode.INTERNAL_ERROR, "cannot read the SQLite store " + sqliteFile + ": " + e, e);
    }
  }

  /** The SQLite tables to copy, in the order they were created (rules after their buckets). */
  private static List<String> tables(Connection sqlite, Db db) throws SQLException {
    List<String> postgres = db.read(tx -> names(tx.c, PG_TABLES));
    List<String> tables = new ArrayList<>();
    for (String table : names(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
      if (DERIVED.contains(table) || table.startsWith("sqlite_")) {
        continue; // SQLite's own (statistics, AUTOINCREMENT marks: TableSequences reads those)
      }
      if (!postgres.contains(table)) {
        throw refused("the SQLite table " + table + " has no PostgreSQL table to go to");
      }
      tables.add(table);
    }
    return tables;
  }

  private static final String PG_TABLES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";

  private static void refuseNonEmpty(Connection pg, List<String> tables) throws SQLException {
    List<String> filled = new ArrayList<>();
    for (String table : tables) {
      if (count(pg, table) > 0) {
        filled.add(table);
      }
    }
    if (!filled.isEmpty()) {
      throw refused(
          "the PostgreSQL database is not empty (rows in "
              + String.join(", ", filled)
              + "); migrate into a new, empty database, before any Coffer node has started on it");
    }
  }

  private static void copyTable(
      Connection sqlite, Connection pg, String table, Consumer<String> progress)
      throws SQLException {
    Map<String, String> pgTypes = pgColumnTypes(pg, table);
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String column : sqliteColumns(sqlite, table)) {
      String type = pgTypes.get(column);
      if (type != null) {
        columns.add(column);
        types.add(type);
      } else if (!DERIVED_COLUMNS.getOrDefault(table, List.of()).contains(column)) {
        throw refused("the column " + table + "." + column + " has no PostgreSQL column to go to");
      }
    }
    String list = String.join(", ", columns);
    String insert =
        "INSERT INTO "
            + table
            + " ("
            + list
            + ") OVERRIDING SYSTEM VALUE VALUES ("
            + "?, ".repeat(columns.size() - 1)
            + "?)";
    long rows = 0;
    try (Statement read = sqlite.createStatement();
        ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table);
        PreparedStatement write = pg.prepareStatement(insert)) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          ColumnValues.bind(write, i + 1, rs.getObject(i + 1), types.get(i));
        }
        write.addBatch();
        if (++rows % BATCH == 0) {
          write.executeBatch();
          if (rows % (BATCH * 20) == 0) {
            progress.accept("  " + table + ": " + rows + " rows so far");
          }
        }
      }
      write.executeBatch();
    }
    progress.accept("Copied " + table + ": " + rows + " rows");
  }

  private static List<String> sqliteColumns(Connection sqlite, String table) throws SQLException {
    return names(sqlite, "SELECT name FROM pragma_table_info('" + table + "')");
  }

  private static Map<String, String> pgColumnTypes(Connection pg, String table)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return types;
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> names(Connection c, String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  static CofferException refused(String why) {
    return new CofferException(ErrorCode.INVALID_ARGUMENT, "cannot migrate: " + why);
  }
}
