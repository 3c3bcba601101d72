package io.coffer.bench;

import java.io.PrintStream;

/** What workloads prepare with: the settings, the S3 calls on the run's bucket, connections. */
record BenchContext(
    BenchSettings settings, S3Calls calls, Connections connections, PrintStream log) {

  /** PUTs {@code count} objects named by {@code keys}, in parallel, before a run. */
  void preload(KeyNames keys, long from, long count, long size, int concurrency) throws Exception {
    new Preloader(this).putAll(keys, from, count, size, concurrency);
  }

  /** Object names by index. */
  @FunctionalInterface
  interface KeyNames {
    String key(long index);
  }
}
