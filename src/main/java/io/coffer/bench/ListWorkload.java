package io.coffer.bench;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * ListObjectsV2 over {@code keys} empty objects spread over {@code prefixes} prefixes. Without a
 * delimiter each worker pages through all keys, {@code maxKeys} per page, following continuation
 * tokens; with {@code "/"} it lists the prefixes as common prefixes. One operation is one page;
 * every complete pass is checked to have returned every key (or prefix) exactly as many as exist.
 */
record ListWorkload(
    String name,
    int concurrency,
    int keys,
    int prefixes,
    int maxKeys,
    boolean delimited,
    S3Calls calls)
    implements Workload {
  private static final String ROOT = "list/";

  @Override
  public long objectSize() {
    return 0;
  }

  @Override
  public void prepare(BenchContext context) throws Exception {
    context.preload(this::key, 0, keys, 0, 32);
  }

  private String key(long index) {
    return String.format("%sp%03d/k%06d", ROOT, index % prefixes, index);
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    Pass pass = worker.state instanceof Pass p ? p : new Pass(null, 0);
    return calls
        .list(worker.connection(), ROOT, delimited ? "/" : null, pass.token, null, maxKeys)
        .thenApply(
            response -> {
              if (!response.ok()) {
                worker.state = null;
                return Outcome.failed(response.describe());
              }
              String xml = response.bodyText();
              int items = XmlScan.count(xml, "Contents") + XmlScan.count(xml, "CommonPrefixes");
              long seen = pass.seen + items;
              String token =
                  "true".equals(XmlScan.first(xml, "IsTruncated"))
                      ? XmlScan.first(xml, "NextContinuationToken")
                      : null;
              worker.state = token == null ? null : new Pass(token, seen);
              long expected = delimited ? Math.min(prefixes, keys) : keys;
              if (token == null && seen != expected) {
                return Outcome.failed(
                    "a full listing returned " + seen + " entries, expected " + expected);
              }
              return Outcome.items(items);
            });
  }

  /** Where a worker is in its pass over the listing. */
  private record Pass(@Nullable String token, long seen) {}
}
