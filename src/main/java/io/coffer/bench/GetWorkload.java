package io.coffer.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** GetObject of random keys among {@code objects} objects of {@code size} bytes put beforehand. */
record GetWorkload(String name, int concurrency, long objectSize, int objects, S3Calls calls)
    implements Workload {

  /** As many objects as fit in 256 MiB, between the concurrency and 1024. */
  static int objectsFor(long size, int concurrency) {
    long fit = size == 0 ? 1024 : (256L << 20) / size;
    return (int) Math.max(concurrency, Math.min(1024, fit));
  }

  @Override
  public void prepare(BenchContext context) throws Exception {
    context.preload(this::key, 0, objects, objectSize, Math.max(concurrency, 4));
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    String key = key(ThreadLocalRandom.current().nextInt(objects));
    return calls
        .get(worker.connection(), key)
        .thenApply(
            r ->
                r.ok() && r.bodyLength() != objectSize
                    ? Outcome.failed(
                        "GET returned " + r.bodyLength() + " bytes, expected " + objectSize)
                    : Outcome.of(r, objectSize));
  }

  private String key(long index) {
    return name + "/" + index;
  }
}
