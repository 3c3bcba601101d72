package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Credential;
import io.coffer.model.WritePrecondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL reaches the database file without the writer's own (high) automatic checkpoint. */
class CheckpointerTest {
  @TempDir Path dir;

  @Test
  void committedPagesReachTheDatabaseFileWithoutTheWritersCheckpoint() throws Exception {
    Path db = dir.resolve("meta.db");
    try (SqliteMetadataStore store = SqliteMetadataStore.open(db, false)) {
      Credential alice = store.createCredential("AK", "SK", "alice", T0);
      store.createBucket("b", alice.id(), "r", T0, false);
      long before = Files.size(db);
      // about 1,000 pages of 4 KiB: far below the writer's fallback threshold
      // (Checkpointer.WRITER_FALLBACK_PAGES), so only the checkpointer copies them into the file
      byte[] body = new byte[4000];
      for (int i = 0; i < 1000; i++) {
        ThreadLocalRandom.current().nextBytes(body);
        Fixtures.put(
            store, inline("b", "k" + i, "s" + i, body.clone(), "e"), WritePrecondition.NONE);
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(db) < before + 3_000_000 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.size(db)).isGreaterThan(before + 3_000_000);
      assertThat(store.findObject("b", "k999")).isPresent();
    }
  }
}
