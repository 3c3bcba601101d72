package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectLock;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 5: a version 4 database's objects become null versions, nothing else changes. */
class VersioningMigrationTest {
  @TempDir Path dir;

  @Test
  void aVersionFourDatabaseKeepsItsObjectsAsNullVersions() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      long owner = store.createCredential("AK", "SK", "u", T0).id();
      store.createBucket("b", owner, "r", T0, false);
      Fixtures.put(store, Fixtures.object("b", "blob", "s1", 10, "e1"), WritePrecondition.NONE);
      Fixtures.put(
          store, Fixtures.inline("b", "small", "s2", new byte[] {7}, "e2"), WritePrecondition.NONE);
      store.createUpload(Fixtures.upload("u1", "b", "k"));
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion4(s);
    }
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, true)) {
      Bucket b = store.findBucket("b").orElseThrow();
      assertThat(b.versioning()).isEqualTo(Versioning.UNVERSIONED);
      assertThat(b.objectLock()).isFalse();
      assertThat(b.objectCount()).isEqualTo(2);
      assertThat(store.findObject("b", "small").orElseThrow().versionId()).isEqualTo("null");
      assertThat(store.findObject("b", "small").orElseThrow().lock()).isEqualTo(ObjectLock.NONE);
      assertThat(store.findUpload("u1").orElseThrow().lock()).isEqualTo(ObjectLock.NONE);

      store.setVersioning("b", b.id(), Versioning.ENABLED);
      store.putObject(
          b.id(),
          Fixtures.inline("b", "small", "s3", new byte[] {8}, "e3")
              .withVersion("00000000000000000000000000000001"),
          WritePrecondition.NONE,
          null);
      assertThat(
              store.listVersions(new VersionQuery("b", "small", null, null, null, 10)).versions())
          .extracting(ListedVersion::versionId)
          .containsExactly("00000000000000000000000000000001", "null");
      assertThat(store.findVersion("b", "small", "null")).isPresent();
    }
  }

  @Test
  void aDatabaseFromANewerCofferIsRefusedWithAClearMessage() throws Exception {
    Path db = dir.resolve("meta.db");
    SqliteMetadataStore.open(db, true).close();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
    }
    assertThatThrownBy(() -> SqliteMetadataStore.open(db, true))
        .hasStackTraceContaining("written by a newer Coffer");
  }
}
