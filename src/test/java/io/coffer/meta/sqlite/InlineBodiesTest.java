package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.inline;
import static io.coffer.meta.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.Fixtures;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inline bodies live in their own table: nothing may be left behind there, and old files migrate.
 */
class InlineBodiesTest {
  @TempDir Path dir;

  @Test
  void overwritesAndDeletesLeaveNoBodyBehind() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, false)) {
      Credential alice = store.createCredential("AK", "SK", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      Fixtures.put(store, inline("b", "k", "s1", new byte[] {1}, "e1"), WritePrecondition.NONE);
      Fixtures.put(store, inline("b", "k", "s2", new byte[] {2, 2}, "e2"), WritePrecondition.NONE);
      assertThat(bodies(db)).isEqualTo(1);
      assertThat(Fixtures.inlineBytes(store.findObject("b", "k").orElseThrow()))
          .containsExactly(2, 2);

      Fixtures.put(
          store, object("b", "k", "s3", 10, "e3"), WritePrecondition.NONE); // inline -> file
      assertThat(bodies(db)).isZero();
      assertThat(Fixtures.inlineBytes(store.findObject("b", "k").orElseThrow())).isNull();

      Fixtures.put(
          store,
          inline("b", "k", "s4", new byte[] {4}, "e4"),
          WritePrecondition.NONE); // file -> inline
      Fixtures.put(store, inline("b", "other", "s5", new byte[] {5}, "e5"), WritePrecondition.NONE);
      assertThat(bodies(db)).isEqualTo(2);
      Fixtures.delete(store, "b", "k", WritePrecondition.NONE);
      assertThat(bodies(db)).isEqualTo(1);
      assertThat(Fixtures.inlineBytes(store.findObject("b", "other").orElseThrow()))
          .containsExactly(5);

      // a refused overwrite changes nothing
      assertThatThrownBy(
              () ->
                  Fixtures.put(
                      store,
                      inline("b", "other", "s6", new byte[] {6}, "e6"),
                      new WritePrecondition(null, true)))
          .isInstanceOfSatisfying(
              CofferException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
      assertThat(bodies(db)).isEqualTo(1);
      assertThat(Fixtures.inlineBytes(store.findObject("b", "other").orElseThrow()))
          .containsExactly(5);
    }
  }

  @Test
  void versionOneDatabaseMovesItsInlineBodiesOut() throws Exception {
    Path db = dir.resolve("v1.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      for (String ddl : Schema.V1) {
        s.execute(ddl);
      }
      s.execute("PRAGMA user_version = 1");
      s.execute(
          "INSERT INTO credentials (access_key, secret_key, user_name, created_at) VALUES ('AK',"
              + " 'SK', 'a', 0)");
      s.execute(
          "INSERT INTO buckets (name, owner_id, region, created_at, object_count, total_size)"
              + " VALUES ('b', 1, 'r', 0, 3, 23)");
      insertV1(raw, "small/1", "s1", "one".getBytes(StandardCharsets.UTF_8));
      insertV1(raw, "file", "s2", null);
      insertV1(raw, "small/2", "s3", "second body".getBytes(StandardCharsets.UTF_8));
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      assertThat(
              new String(
                  Fixtures.inlineBytes(store.findObject("b", "small/1").orElseThrow()),
                  StandardCharsets.UTF_8))
          .isEqualTo("one");
      assertThat(
              new String(
                  Fixtures.inlineBytes(store.findObject("b", "small/2").orElseThrow()),
                  StandardCharsets.UTF_8))
          .isEqualTo("second body");
      ObjectMeta file = store.findObject("b", "file").orElseThrow();
      assertThat(Fixtures.inlineBytes(file)).isNull();
      Set<String> blobs = new HashSet<>();
      store.forEachReferencedBlob(blobs::add);
      assertThat(blobs).containsExactly("s2");
      // migrated bodies are released like new ones
      Fixtures.delete(store, "b", "small/1", WritePrecondition.NONE);
      assertThat(bodies(db)).isEqualTo(1);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pragma_table_info('objects') WHERE name = 'inline_data'")) {
      assertThat(rs.getInt(1)).as("the old column is gone").isZero();
    }
  }

  private static void insertV1(Connection raw, String key, String storageId, byte[] inline)
      throws SQLException {
    try (PreparedStatement ps =
        raw.prepareStatement(
            "INSERT INTO objects (bucket, key, storage_id, size, etag, part_count, created_at,"
                + " updated_at, inline_data) VALUES ('b', ?, ?, ?, 'e', 0, 0, 0, ?)")) {
      ps.setBytes(1, key.getBytes(StandardCharsets.UTF_8));
      ps.setString(2, storageId);
      ps.setLong(3, inline == null ? 9 : inline.length);
      ps.setBytes(4, inline);
      ps.executeUpdate();
    }
  }

  private static int bodies(Path db) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM inline_bodies")) {
      return rs.getInt(1);
    }
  }
}
