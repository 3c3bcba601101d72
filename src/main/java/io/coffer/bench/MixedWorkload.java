package io.coffer.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 70 % GetObject, 20 % PutObject (overwriting), 10 % ListObjectsV2 over a fixed set of objects: 10
 * prefixes of 100 keys; a listing returns one prefix's 100 keys. Overwrites keep the set's size
 * constant, so every operation sees the same bucket all along.
 */
record MixedWorkload(String name, int concurrency, long objectSize, S3Calls calls)
    implements Workload {
  private static final int PREFIXES = 10;
  private static final int KEYS_PER_PREFIX = 100;

  @Override
  public void prepare(BenchContext context) throws Exception {
    context.preload(this::key, 0, PREFIXES * KEYS_PER_PREFIX, objectSize, Math.max(concurrency, 4));
  }

  private String key(long index) {
    return String.format("mixed/p%d/k%03d", index / KEYS_PER_PREFIX, index % KEYS_PER_PREFIX);
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int dice = random.nextInt(100);
    String key = key(random.nextInt(PREFIXES * KEYS_PER_PREFIX));
    if (dice < 70) {
      return calls.get(worker.connection(), key).thenApply(r -> Outcome.of(r, r.bodyLength()));
    }
    if (dice < 90) {
      return calls
          .put(worker.connection(), key, objectSize)
          .thenApply(r -> Outcome.of(r, objectSize));
    }
    String prefix = "mixed/p" + random.nextInt(PREFIXES) + "/";
    return calls
        .list(worker.connection(), prefix, null, null, null, 1000)
        .thenApply(
            r -> {
              if (!r.ok()) {
                return Outcome.failed(r.describe());
              }
              int items = XmlScan.count(r.bodyText(), "Contents");
              return items == KEYS_PER_PREFIX
                  ? Outcome.items(items)
                  : Outcome.failed(
                      "listing "
                          + prefix
                          + " returned "
                          + items
                          + " keys, expected "
                          + KEYS_PER_PREFIX);
            });
  }
}
