package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.blob.BlobStore.BlobWriter;
import io.coffer.blob.fs.FileBlobStore;
import io.coffer.it.support.PostgresDatabase;
import io.coffer.service.cluster.BlobCleanup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A released blob's file outlives its release by the grace period (a reader on another node may
 * still read it), and is deleted and forgotten after it.
 */
class ReleasedBlobCleanupTest {
  private static final String BUCKET = "0123456789abcdef0123456789abcdef";
  private static final Duration GRACE = Duration.ofHours(1);
  @TempDir Path data;

  @Test
  void releasedFilesStayForTheGracePeriodThenGo() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "node-a");
        Db db = Db.connect(PostgresUrl.parse(database.url(), null), "test")) {
      FileBlobStore blobs =
          new FileBlobStore(data, data.resolve(".coffer/tmp/node-a"), false, true);
      String released = write(blobs);
      String kept = write(blobs);
      db.writeVoid(tx -> ReleasedBlobSql.release(tx, BUCKET, List.of(released)));

      BlobCleanup now = cleanup(store, blobs, Instant.now());
      assertThat(now.deleteReleased()).isZero();
      assertThat(data.resolve(blobs.relativePath(BUCKET, released))).exists();

      BlobCleanup later = cleanup(store, blobs, Instant.now().plus(GRACE).plusSeconds(60));
      assertThat(later.deleteReleased()).isEqualTo(1);
      assertThat(data.resolve(blobs.relativePath(BUCKET, released))).doesNotExist();
      assertThat(data.resolve(blobs.relativePath(BUCKET, kept))).exists();
      assertThat(store.releasedBlobs(Instant.now().plus(GRACE.multipliedBy(2)), 10)).isEmpty();
      assertThat(later.deleteReleased()).isZero();
    }
  }

  @Test
  void moreReleasedBlobsThanOneBatchAreAllDeleted() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore store = PostgresMetadataStore.open(database.url(), null, "node-a");
        Db db = Db.connect(PostgresUrl.parse(database.url(), null), "test")) {
      FileBlobStore blobs =
          new FileBlobStore(data, data.resolve(".coffer/tmp/node-a"), false, true);
      List<String> ids =
          java.util.stream.IntStream.range(0, 2500)
              .mapToObj(i -> String.format("%032x", i)) // no files: a missing one is no error
              .toList();
      db.writeVoid(tx -> ReleasedBlobSql.release(tx, BUCKET, ids));
      assertThat(cleanup(store, blobs, Instant.now().plus(GRACE).plusSeconds(60)).deleteReleased())
          .isEqualTo(2500);
      assertThat(store.releasedBlobs(Instant.now().plus(GRACE.multipliedBy(2)), 10)).isEmpty();
    }
  }

  private static BlobCleanup cleanup(PostgresMetadataStore store, FileBlobStore blobs, Instant at) {
    return new BlobCleanup(
        store, blobs, Clock.fixed(at, ZoneOffset.UTC), GRACE, Duration.ofHours(6));
  }

  private static String write(FileBlobStore blobs) throws Exception {
    try (BlobWriter writer = blobs.create(BUCKET, null)) {
      writer.write(new byte[] {7}, 0, 1);
      return writer.commit();
    }
  }
}
