package io.coffer.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One kind of load: what to prepare before the run, and one operation of it. */
interface Workload {
  /** The name in the results, e.g. {@code put-small}. */
  String name();

  /** Concurrent workers. */
  int concurrency();

  /** The object (or part) size, 0 when none; the payload buffer must hold this many bytes. */
  long objectSize();

  /** Connections each worker needs (the parallel parts of a multipart upload). */
  default int connectionsPerWorker() {
    return 1;
  }

  /**
   * The kinds of operation reported apart (their outcomes name one of them), in report order; empty
   * when the workload is one kind of operation.
   */
  default List<String> operations() {
    return List.of();
  }

  /** Creates the objects the operations need; runs before the warm-up and is not measured. */
  default void prepare(BenchContext context) throws Exception {}

  /** Starts one operation on {@code worker}; it must not block. */
  CompletableFuture<Outcome> next(Worker worker);
}
