package io.coffer.bench;

import java.util.concurrent.CompletableFuture;

/**
 * PutObject of {@code size} bytes. Small objects get new keys every time (the bucket grows, as it
 * does in use); large ones overwrite one key per worker so a long run does not fill the disk.
 */
record PutWorkload(
    String name, int concurrency, long objectSize, String prefix, boolean overwrite, S3Calls calls)
    implements Workload {

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    String key =
        overwrite ? prefix + worker.index : prefix + worker.index + "/" + worker.sequence++;
    return calls
        .put(worker.connection(), key, objectSize)
        .thenApply(r -> Outcome.of(r, objectSize));
  }
}
