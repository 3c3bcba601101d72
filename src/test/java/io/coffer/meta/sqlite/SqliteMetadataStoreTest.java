package io.coffer.meta.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.Fixtures;
import io.coffer.model.CofferException;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file itself; the store's behaviour is io.coffer.meta.MetadataStoreTest's. */
class SqliteMetadataStoreTest {
  @TempDir Path dir;
  SqliteMetadataStore store;

  @BeforeEach
  void open() {
    store = SqliteMetadataStore.open(dir.resolve("meta.db"), true);
    long owner = store.createCredential("AKALICE", "secret", "alice", Fixtures.T0).id();
    store.createBucket("b", owner, "us-east-1", Fixtures.T0, false);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void databaseIsInWalModeWithVersionedSchema() throws Exception {
    Fixtures.put(store, Fixtures.object("b", "k", "s", 1, "e"), WritePrecondition.NONE);
    try (java.sql.Connection raw =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("meta.db"));
        java.sql.Statement s = raw.createStatement()) {
      try (java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
      try (java.sql.ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        assertThat(rs.getInt(1)).isEqualTo(Schema.VERSION);
      }
      try (java.sql.ResultSet rs = s.executeQuery("SELECT typeof(key) FROM objects")) {
        assertThat(rs.getString(1)).isEqualTo("blob");
      }
    }
    // a newer schema than this code knows is refused
    store.close();
    try (java.sql.Connection raw =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("meta.db"));
        java.sql.Statement s = raw.createStatement()) {
      s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
    }
    assertThatThrownBy(() -> SqliteMetadataStore.open(dir.resolve("meta.db"), true))
        .isInstanceOf(CofferException.class)
        .hasMessageContaining("newer");
    store = SqliteMetadataStore.open(dir.resolve("other.db"), true);
  }
}
