package io.coffer.meta.sqlite;

import static io.coffer.meta.BucketFeaturesStoreTest.CORS;
import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.BucketFeatures;
import io.coffer.model.Credential;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version 6 database migrates to version 7 with no bucket feature set. */
class BucketFeaturesMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionSixDatabaseMigratesToVersionSeven() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      Fixtures.put(store, Fixtures.object("b", "k", "s1", 10, "e1"), WritePrecondition.NONE);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion6(s);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Bucket b = store.findBucket("b").orElseThrow();
      assertThat(b.features()).isEqualTo(BucketFeatures.NONE);
      assertThat(b.objectCount()).isEqualTo(1);
      assertThat(store.findObject("b", "k").orElseThrow().tags()).isEmpty();
      store.setObjectTags("b", "k", null, Map.of("t", "v"), null);
      assertThat(store.findObject("b", "k").orElseThrow().tags()).isEqualTo(Map.of("t", "v"));
      assertThat(store.setBucketCors("b", b.id(), CORS).features().cors()).isEqualTo(CORS);
    }
  }
}
