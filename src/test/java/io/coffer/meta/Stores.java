package io.coffer.meta;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.postgres.PostgresMetadataStore;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One metadata store of either kind for a behaviour test, which runs once per {@link Kind}
 * ({@code @ParameterizedClass @EnumSource(Stores.Kind.class)}): a SQLite file in the test's
 * directory, or a fresh PostgreSQL database ({@link PostgresDatabase}: the PostgreSQL case is
 * skipped loudly when the machine has no PostgreSQL, and fails when {@code
 * COFFER_REQUIRE_BROKERS=true}). {@link #reopen} opens the same data again, as a restart does;
 * {@link #raw} gives the test its own SQL connection for recounts that both schemas answer alike
 * (same table and column names).
 */
public final class Stores implements AutoCloseable {
  /** The two implementations of {@link MetadataStore}. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final Kind kind;
  private final Path sqliteFile;
  private final @Nullable PostgresDatabase database;
  private final List<MetadataStore> opened = new ArrayList<>();

  private Stores(Kind kind, Path sqliteFile, @Nullable PostgresDatabase database) {
    this.kind = kind;
    this.sqliteFile = sqliteFile;
    this.database = database;
  }

  /** Where the store's data will be; {@code dir} is the test's temporary directory. */
  public static Stores create(Kind kind, Path dir) {
    Path file = dir.resolve("meta.db");
    return switch (kind) {
      case SQLITE -> new Stores(kind, file, null);
      case POSTGRESQL -> new Stores(kind, file, PostgresDatabase.create());
    };
  }

  public Kind kind() {
    return kind;
  }

  public boolean isSqlite() {
    return kind == Kind.SQLITE;
  }

  /** Opens the store (SQLite without an fsync per commit: what tests need, and faster). */
  public MetadataStore open() {
    return open(false);
  }

  /**
   * Opens the store; {@code syncEachCommit} is SQLite's option (PostgreSQL always commits durably).
   * Every store opened is closed by {@link #close}.
   */
  public MetadataStore open(boolean syncEachCommit) {
    MetadataStore store =
        switch (kind) {
          case SQLITE -> SqliteMetadataStore.open(sqliteFile, syncEachCommit);
          case POSTGRESQL ->
              PostgresMetadataStore.open(postgres().url(), null, "test-node-" + opened.size());
        };
    opened.add(store);
    return store;
  }

  /** Closes {@code store} and opens the same data again, as after a restart. */
  public MetadataStore reopen(MetadataStore store, boolean syncEachCommit) {
    store.close();
    return open(syncEachCommit);
  }

  /** A connection of the test's own to the store's database, for recounts. */
  public Connection raw() throws SQLException {
    return switch (kind) {
      case SQLITE -> DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
      case POSTGRESQL -> postgres().connect();
    };
  }

  /** The PostgreSQL database (the {@link Kind#POSTGRESQL} case only). */
  public PostgresDatabase postgres() {
    if (database == null) {
      throw new IllegalStateException("a SQLite store has no PostgreSQL database");
    }
    return database;
  }

  @Override
  public void close() {
    for (MetadataStore store : opened) {
      store.close();
    }
    opened.clear();
    if (database != null) {
      database.close();
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
