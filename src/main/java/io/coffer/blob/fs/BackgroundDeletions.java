package io.coffer.blob.fs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the deletions of released blobs on a thread of their own, so the request that released them
 * is answered without waiting for the file system. Deleting a file is not cheap: on the benchmark
 * machine an unlink of an 8 MiB blob took 2.6 ms alone, about 3 under load, and a
 * CompleteMultipartUpload that replaced a 256 MiB object spent 100 ms deleting its 32 parts while
 * the upload's client waited.
 *
 * <p>The queue is bounded: a caller that finds it full (or the deletions closed) runs its deletion
 * itself, so released files cannot pile up faster than they go. A deletion still queued when the
 * process dies leaves an unreferenced file, which start-up clean-up (or, on a shared volume, the
 * orphan sweep) removes, as it removes one a crash left between a commit and its deletion.
 */
final class BackgroundDeletions implements AutoCloseable {
  static final int DEFAULT_CAPACITY = 4096;

  /** How long an idle thread stays, so stores that are never closed (tests) leave no thread. */
  private static final long IDLE_SECONDS = 5;

  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();

  BackgroundDeletions(int capacity) {
    executor =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(capacity),
            Thread.ofPlatform().name("coffer-blob-deleter").daemon().factory(),
            (deletion, full) -> deletion.run());
    executor.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code deletion} soon on the deleter's thread, or now if its queue is full. */
  void submit(Runnable deletion) {
    pending.incrementAndGet();
    executor.execute(
        () -> {
          try {
            deletion.run();
          } finally {
            pending.decrementAndGet();
          }
        });
  }

  /** Waits until every deletion submitted so far has run (for tests). */
  void awaitIdle() throws InterruptedException {
    while (pending.get() > 0) {
      Thread.sleep(5);
    }
  }

  /** Runs what is queued (for at most ten seconds); later deletions run on their callers. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
