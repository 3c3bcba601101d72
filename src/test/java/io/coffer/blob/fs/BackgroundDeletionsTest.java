package io.coffer.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.blob.BlobStore.BlobLease;
import io.coffer.blob.BlobStore.BlobWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Released blobs are deleted after the release returns, on the deleter's thread, never lost. */
class BackgroundDeletionsTest {
  private static final String BUCKET_ID = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  @Test
  void submitReturnsBeforeTheDeletionRuns() throws Exception {
    try (BackgroundDeletions deletions = new BackgroundDeletions(16)) {
      CountDownLatch go = new CountDownLatch(1);
      List<String> ranOn = new CopyOnWriteArrayList<>();
      deletions.submit(
          () -> {
            await(go);
            ranOn.add(Thread.currentThread().getName());
          });
      assertThat(ranOn).as("not yet run").isEmpty();
      go.countDown();
      deletions.awaitIdle();
      assertThat(ranOn).containsExactly("coffer-blob-deleter");
    }
  }

  @Test
  void aCallerThatFindsTheQueueFullDeletesItself() throws Exception {
    try (BackgroundDeletions deletions = new BackgroundDeletions(1)) {
      CountDownLatch go = new CountDownLatch(1);
      CountDownLatch blocking = new CountDownLatch(1);
      List<String> ranOn = new CopyOnWriteArrayList<>();
      deletions.submit(
          () -> {
            blocking.countDown();
            await(go);
          });
      blocking.await();
      deletions.submit(() -> ranOn.add("queued"));
      deletions.submit(() -> ranOn.add(Thread.currentThread().getName()));
      assertThat(ranOn).containsExactly(Thread.currentThread().getName());
      go.countDown();
      deletions.awaitIdle();
      assertThat(ranOn).hasSize(2).contains("queued");
    }
  }

  @Test
  void closeRunsWhatIsQueuedAndLaterReleasesRunOnTheirCallers() throws Exception {
    BackgroundDeletions deletions = new BackgroundDeletions(16);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      deletions.submit(
          () -> {
            sleep(5);
            ran.add(n);
          });
    }
    deletions.close();
    assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    deletions.submit(() -> ran.add(10));
    assertThat(ran).endsWith(10);
  }

  @Test
  void aReleasedBlobGoesWithItsFoldersAndALeasedOneWhenItsLastReaderCloses() throws Exception {
    try (FileBlobStore store =
        new FileBlobStore(dir.resolve("data"), dir.resolve("data/.coffer/tmp"), false)) {
      String free = write(store);
      String leased = write(store);
      Path freePath = store.pathOf(BUCKET_ID, free);
      Path leasedPath = store.pathOf(BUCKET_ID, leased);
      BlobLease lease = store.lease(BUCKET_ID, List.of(leased));

      store.releaseLater(BUCKET_ID, List.of(free, leased));
      store.awaitReleases();

      assertThat(freePath).doesNotExist();
      if (!freePath.getParent().equals(leasedPath.getParent())) { // one chance in 65,536
        assertThat(freePath.getParent()).as("its emptied fan-out folder").doesNotExist();
      }
      assertThat(leasedPath).as("still read").exists();
      lease.close();
      assertThat(leasedPath).doesNotExist();
    }
  }

  private static String write(FileBlobStore store) throws Exception {
    BlobWriter writer = store.create(BUCKET_ID, null);
    byte[] bytes = new byte[1000];
    writer.write(bytes, 0, bytes.length);
    String id = writer.commit();
    assertThat(Files.size(store.pathOf(BUCKET_ID, id))).isEqualTo(1000);
    return id;
  }

  /** Bounded, so a deletion run on the caller delays the test instead of hanging it. */
  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
