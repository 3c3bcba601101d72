package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.part;
import static io.coffer.meta.Fixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 4 brought the completed_uploads table (behaviour: CompletedUploadsTest). */
class CompletedUploadsMigrationTest {
  @TempDir Path dir;
  SqliteMetadataStore store;

  @BeforeEach
  void open() {
    store = SqliteMetadataStore.open(dir.resolve("meta.db"), true);
    long alice = store.createCredential("AKALICE", "secret", "alice", T0).id();
    store.createBucket("b", alice, "us-east-1", T0, false);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void completeOne(String uploadId, String key) {
    store.createUpload(upload(uploadId, "b", key));
    store.putPart(part(uploadId, 1, "blob-" + uploadId, 5));
    List<Segment> segments =
        store.listParts(uploadId, 0, 10).stream().map(Part::toSegment).toList();
    Fixtures.complete(
        store,
        uploadId,
        Fixtures.multipartObject("b", key, "m-" + uploadId, 5, "e-1", 1),
        segments,
        WritePrecondition.NONE);
  }

  @Test
  void aVersionThreeDatabaseGetsTheTable() throws Exception {
    store.close();
    Path db = dir.resolve("meta.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      SchemaDowngrade.toVersion4(s);
      s.execute("DROP TABLE completed_uploads");
      s.execute("PRAGMA user_version = 3");
    }
    store = SqliteMetadataStore.open(db, true);
    completeOne("u1", "k");
    assertThat(store.findCompletedUpload("u1")).isPresent();
  }
}
