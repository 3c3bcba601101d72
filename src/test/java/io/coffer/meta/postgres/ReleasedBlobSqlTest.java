package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.model.ReleasedBlob;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Released blobs are recorded by the releasing transaction, and only by one that commits. */
class ReleasedBlobSqlTest {

  @Test
  void releasedBlobsAreKeptUntilForgottenOldestFirst() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "node-a");
        Db db = Db.connect(PostgresUrl.parse(database.url(), null), "test")) {
      Instant before = Instant.now().minusSeconds(5);
      db.writeVoid(tx -> ReleasedBlobSql.release(tx, "bucket-1", List.of("blob-a", "blob-b")));
      Thread.sleep(5);
      db.writeVoid(tx -> ReleasedBlobSql.release(tx, "bucket-2", List.of("blob-c")));
      db.writeVoid(tx -> ReleasedBlobSql.release(tx, "bucket-2", List.of()));
      try {
        db.writeVoid(
            tx -> {
              ReleasedBlobSql.release(tx, "bucket-3", List.of("rolled-back"));
              throw new IllegalStateException("the write fails after releasing");
            });
      } catch (IllegalStateException expected) {
        // its release is undone with it
      }

      // released by the database's clock: none before a time in the past
      assertThat(store.releasedBlobs(before, 100)).isEmpty();
      Instant later = Instant.now().plusSeconds(5);
      List<ReleasedBlob> all = store.releasedBlobs(later, 100);
      assertThat(all)
          .extracting(ReleasedBlob::bucketId, ReleasedBlob::blobId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("bucket-1", "blob-a"),
              org.assertj.core.groups.Tuple.tuple("bucket-1", "blob-b"),
              org.assertj.core.groups.Tuple.tuple("bucket-2", "blob-c"));
      assertThat(store.releasedBlobs(later, 2)).hasSize(2);

      store.forgetReleasedBlobs(all.subList(0, 2));
      assertThat(store.releasedBlobs(later, 100))
          .extracting(ReleasedBlob::blobId)
          .containsExactly("blob-c");
    }
  }
}
