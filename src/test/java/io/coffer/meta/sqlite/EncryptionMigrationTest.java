package io.coffer.meta.sqlite;

import static io.coffer.meta.EncryptionStoreTest.KMS;
import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.EncryptionStoreTest;
import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version 7 database migrates to version 8 with no encryption set. */
class EncryptionMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionSevenDatabaseMigratesToVersionEight() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      Fixtures.put(store, Fixtures.object("b", "k", "s1", 10, "e1"), WritePrecondition.NONE);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion7(s);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Bucket b = store.findBucket("b").orElseThrow();
      assertThat(b.features().encryption()).isNull();
      assertThat(store.findObject("b", "k").orElseThrow().encryption()).isNull();
      assertThat(store.listKmsKeys()).isEmpty();
      Fixtures.put(
          store,
          Fixtures.object("b", "k2", "s2", 10, "e2").withEncryption(KMS),
          WritePrecondition.NONE);
      EncryptionStoreTest.assertSame(store.findObject("b", "k2").orElseThrow().encryption(), KMS);
    }
  }
}
