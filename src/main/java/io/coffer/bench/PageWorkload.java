package io.coffer.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scale mode's listing: one ListObjectsV2 page of {@code maxKeys} keys starting after a random
 * key among {@code keys}, so every page is a full page from anywhere in a large bucket.
 */
record PageWorkload(String name, int concurrency, long keys, int maxKeys, S3Calls calls)
    implements Workload {

  @Override
  public long objectSize() {
    return 0;
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    long from = ThreadLocalRandom.current().nextLong(Math.max(1, keys - maxKeys));
    return calls
        .list(worker.connection(), ScaleMode.PREFIX, null, null, ScaleMode.key(from), maxKeys)
        .thenApply(
            r -> {
              if (!r.ok()) {
                return Outcome.failed(r.describe());
              }
              int items = XmlScan.count(r.bodyText(), "Contents");
              long expected = Math.min(maxKeys, keys - from - 1);
              return items == expected
                  ? Outcome.items(items)
                  : Outcome.failed(
                      "page after key " + from + " had " + items + " keys, expected " + expected);
            });
  }
}
