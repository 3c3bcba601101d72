package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 3: every bucket has an internal ID, never reused, that writes are checked against.
 */
class BucketIdMigrationTest {
  @TempDir Path dir;

  @Test
  void versionTwoBucketsGetDistinctIdsThatStayPut() throws Exception {
    Path db = dir.resolve("v2.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      for (String ddl : Schema.V1) {
        s.execute(ddl);
      }
      for (String ddl : Schema.V2) {
        s.execute(ddl);
      }
      s.execute("PRAGMA user_version = 2");
      s.execute(
          "INSERT INTO credentials (access_key, secret_key, user_name, created_at) VALUES ('AK',"
              + " 'SK', 'a', 0)");
      s.execute(
          "INSERT INTO buckets (name, owner_id, region, created_at) VALUES ('one', 1, 'r', 0)");
      s.execute(
          "INSERT INTO buckets (name, owner_id, region, created_at) VALUES ('two', 1, 'r', 0)");
    }
    List<String> ids;
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      ids = store.listBuckets().stream().map(Bucket::id).toList();
      assertThat(ids).hasSize(2).allMatch(id -> id.matches("[0-9a-f]{32}")).doesNotHaveDuplicates();
      Fixtures.put(store, object("one", "k", "s1", 1, "e"), WritePrecondition.NONE);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      assertThat(store.listBuckets().stream().map(Bucket::id).toList())
          .as("kept across restarts")
          .isEqualTo(ids);
    }
  }

  @Test
  void aWriteForADeletedGenerationOfANameIsRefused() {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("m.db"), true)) {
      long owner = store.createCredential("AK", "SK", "a", Fixtures.T0).id();
      String old = store.createBucket("b", owner, "r", Fixtures.T0, false).id();
      store.deleteBucket("b", old);
      String fresh = store.createBucket("b", owner, "r", Fixtures.T0, false).id();
      assertThat(fresh).isNotEqualTo(old);
      assertThatThrownBy(
              () ->
                  store.putObject(
                      old, object("b", "k", "s1", 1, "e"), WritePrecondition.NONE, null))
          .isInstanceOfSatisfying(
              CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_BUCKET));
      assertThatThrownBy(() -> store.deleteBucket("b", old))
          .isInstanceOfSatisfying(
              CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_BUCKET));
      store.putObject(fresh, object("b", "k", "s2", 1, "e"), WritePrecondition.NONE, null);
      assertThat(Fixtures.storageId(store.findObject("b", "k").orElseThrow())).isEqualTo("s2");
    }
  }
}
