package io.coffer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills the bucket before a run with many parallel PUTs over the same client the runs use, which
 * works against any S3 server. Stops at the first failure: a run on a half-filled bucket would
 * measure something else.
 */
final class Preloader {
  private final BenchContext context;

  Preloader(BenchContext context) {
    this.context = context;
  }

  void putAll(BenchContext.KeyNames keys, long from, long count, long size, int concurrency)
      throws Exception {
    AtomicLong next = new AtomicLong(from);
    long end = from + count;
    AtomicReference<String> failure = new AtomicReference<>();
    List<Connection> connections = new ArrayList<>();
    List<CompletableFuture<Void>> chains = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      Connection c = context.connections().open();
      connections.add(c);
      CompletableFuture<Void> done = new CompletableFuture<>();
      chains.add(done);
      putNext(c, keys, next, end, size, failure, done);
    }
    ProgressLine progress = context.settings().progress() ? new ProgressLine(context.log()) : null;
    try {
      CompletableFuture<Void> all =
          CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new));
      while (!all.isDone()) {
        try {
          all.get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          if (progress != null) {
            long doneCount = Math.min(next.get(), end) - from;
            progress.show(
                String.format(
                    "preloading %,d/%,d objects (%,.0f/s)",
                    doneCount, count, doneCount / ((System.nanoTime() - started) / 1e9)));
          }
        }
      }
    } finally {
      if (progress != null) {
        progress.clear();
      }
      connections.forEach(Connection::close);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("preloading failed: " + failure.get());
    }
  }

  private void putNext(
      Connection c,
      BenchContext.KeyNames keys,
      AtomicLong next,
      long end,
      long size,
      AtomicReference<String> failure,
      CompletableFuture<Void> done) {
    long index = next.getAndIncrement();
    if (index >= end || failure.get() != null) {
      done.complete(null);
      return;
    }
    context
        .calls()
        .put(c, keys.key(index), size)
        .whenComplete(
            (response, e) -> {
              if (e != null || !response.ok()) {
                failure.compareAndSet(null, e != null ? String.valueOf(e) : response.describe());
                done.complete(null);
                return;
              }
              // Issued from the event loop's queue, never inline, so a chain does not grow the
              // stack.
              c.loop().execute(() -> putNext(c, keys, next, end, size, failure, done));
            });
  }
}
