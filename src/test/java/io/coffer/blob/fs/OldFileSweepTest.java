package io.coffer.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.blob.BlobStore.BlobWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic orphan sweep of a shared volume deletes only old unreferenced files: a young one may
 * be another node's write in progress.
 */
class OldFileSweepTest {
  private static final String BUCKET = "b0000000000000000000000000000001";
  private static final String GONE_BUCKET = "b0000000000000000000000000000002";
  private static final String NEW_BUCKET = "b0000000000000000000000000000003";
  @TempDir Path data;

  private String blob(FileBlobStore store, String bucket, boolean old) throws Exception {
    try (BlobWriter writer = store.create(bucket, null)) {
      writer.write(new byte[] {1, 2, 3}, 0, 3);
      String id = writer.commit();
      if (old) {
        age(data.resolve(store.relativePath(bucket, id)));
      }
      return id;
    }
  }

  private static void age(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
  }

  @Test
  void onlyOldUnreferencedFilesGoAndOnlyAGoneBucketsFolderIsRemoved() throws Exception {
    Path tmpRoot = data.resolve(".coffer/tmp");
    FileBlobStore store = new FileBlobStore(data, tmpRoot.resolve("node-a"), false, true);
    String oldReferenced = blob(store, BUCKET, true);
    String oldOrphan = blob(store, BUCKET, true);
    String youngOrphan = blob(store, BUCKET, false);
    String oldInGoneBucket = blob(store, GONE_BUCKET, true);
    age(data.resolve("buckets").resolve(GONE_BUCKET));
    // created after the sweep read the live buckets: its folder is young
    String inNewBucket = blob(store, NEW_BUCKET, false);
    Path otherNodesOldTemp = Files.createDirectories(tmpRoot.resolve("node-b")).resolve("x.tmp");
    Files.writeString(otherNodesOldTemp, "half a blob");
    age(otherNodesOldTemp);
    Path otherNodesYoungTemp = tmpRoot.resolve("node-b").resolve("y.tmp");
    Files.writeString(otherNodesYoungTemp, "being written");

    int removed =
        store.collectOldGarbage(
            Set.of(BUCKET), oldReferenced::equals, Instant.now().minus(Duration.ofHours(1)));

    assertThat(removed).isEqualTo(3);
    assertThat(data.resolve(store.relativePath(BUCKET, oldReferenced))).exists();
    assertThat(data.resolve(store.relativePath(BUCKET, youngOrphan))).exists();
    assertThat(otherNodesYoungTemp).exists();
    Path orphan = data.resolve(store.relativePath(BUCKET, oldOrphan));
    assertThat(orphan).doesNotExist();
    assertThat(orphan.getParent()).isDirectory(); // folders stay on a shared volume
    assertThat(data.resolve(store.relativePath(GONE_BUCKET, oldInGoneBucket))).doesNotExist();
    assertThat(data.resolve("buckets").resolve(GONE_BUCKET)).doesNotExist();
    assertThat(data.resolve(store.relativePath(NEW_BUCKET, inNewBucket))).exists();
    assertThat(otherNodesOldTemp).doesNotExist();
  }

  @Test
  void aNodeClearsOnlyItsOwnTemporaryFolderAtStart() throws Exception {
    Path tmpRoot = data.resolve(".coffer/tmp");
    FileBlobStore nodeA = new FileBlobStore(data, tmpRoot.resolve("node-a"), false, true);
    FileBlobStore nodeB = new FileBlobStore(data, tmpRoot.resolve("node-b"), false, true);
    try (BlobWriter inFlightOnB = nodeB.create(BUCKET, null)) {
      inFlightOnB.write(new byte[] {1}, 0, 1);
      Path mine = Files.writeString(tmpRoot.resolve("node-a").resolve("left.tmp"), "crash");
      assertThat(nodeA.deleteTemporaryFiles()).isEqualTo(1);
      assertThat(mine).doesNotExist();
      String id = inFlightOnB.commit(); // B's write was not touched
      assertThat(data.resolve(nodeB.relativePath(BUCKET, id))).exists();
    }
  }
}
