package io.coffer.bench;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * warp's {@code mixed} benchmark, the mix most published figures for MinIO, RustFS, Garage and
 * SeaweedFS use: 45 % GetObject, 30 % HeadObject (warp's StatObject), 15 % PutObject and 10 %
 * DeleteObject over a set of objects put beforehand. As in warp, reads and deletes pick a random
 * object of the set and hold it while in flight, PUTs write new keys and join the set once
 * acknowledged, and deletes leave it ({@link LiveObjects}); since PUTs outnumber DELETEs the set
 * keeps its size (it grows by 5 % of the operations). Each kind of operation is also reported on
 * its own: ops/s and latency per GET, HEAD, PUT and DELETE.
 *
 * <p>Every GET is checked to return the object's length, every HEAD to announce it.
 */
final class WarpMixedWorkload implements Workload {
  static final String GET = "GET";
  static final String HEAD = "HEAD";
  static final String PUT = "PUT";
  static final String DELETE = "DELETE";

  private final String name;
  private final int concurrency;
  private final long objectSize;
  private final int objects;
  private final S3Calls calls;
  private final OperationMix mix = OperationMix.warp();
  private final LiveObjects live = new LiveObjects();
  private final AtomicLong nextKey = new AtomicLong();

  /**
   * @param objects the set's size before the run; at least twice the concurrency, so that the
   *     objects in flight never empty it
   */
  WarpMixedWorkload(String name, int concurrency, long objectSize, int objects, S3Calls calls) {
    this.name = name;
    this.concurrency = concurrency;
    this.objectSize = objectSize;
    this.objects = Math.max(objects, 2 * concurrency);
    this.calls = calls;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int concurrency() {
    return concurrency;
  }

  @Override
  public long objectSize() {
    return objectSize;
  }

  /** The set's size before the run. */
  int objects() {
    return objects;
  }

  @Override
  public List<String> operations() {
    return mix.kinds();
  }

  @Override
  public void prepare(BenchContext context) throws Exception {
    context.preload(this::key, 0, objects, objectSize, Math.max(concurrency, 4));
    for (long i = 0; i < objects; i++) {
      live.add(key(i));
    }
    nextKey.set(objects);
  }

  private String key(long index) {
    return String.format("%s/%09d", name, index);
  }

  /** The objects that exist on the server, less those in flight (for tests). */
  List<String> liveKeys() {
    return live.snapshot();
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    String operation = mix.next();
    return switch (operation) {
      case GET -> read(worker, GET, this::get);
      case HEAD -> read(worker, HEAD, this::head);
      case PUT -> put(worker);
      case DELETE -> delete(worker);
      default -> throw new IllegalStateException("unknown operation " + operation);
    };
  }

  private CompletableFuture<Outcome> get(Connection c, String key) {
    return calls
        .get(c, key)
        .thenApply(
            r ->
                r.ok() && r.bodyLength() != objectSize
                    ? Outcome.failed(
                        "GET "
                            + key
                            + " returned "
                            + r.bodyLength()
                            + " bytes, expected "
                            + objectSize)
                    : Outcome.of(r, objectSize));
  }

  private CompletableFuture<Outcome> head(Connection c, String key) {
    return calls
        .head(c, key)
        .thenApply(
            r -> {
              if (!r.ok()) {
                return Outcome.failed(r.describe());
              }
              HttpHeaders headers = r.headers();
              String length = headers == null ? null : headers.get("Content-Length");
              return String.valueOf(objectSize).equals(length)
                  ? Outcome.NOTHING
                  : Outcome.failed(
                      "HEAD " + key + " announced " + length + " bytes, expected " + objectSize);
            });
  }

  /** A GET or HEAD of a random object, which is back in the set once the read completes. */
  private CompletableFuture<Outcome> read(
      Worker worker, String kind, BiFunction<Connection, String, CompletableFuture<Outcome>> call) {
    String key = live.take();
    if (key == null) {
      return CompletableFuture.completedFuture(noObjectLeft(kind));
    }
    return tagged(
        kind,
        call.apply(worker.connection(), key).whenComplete((outcome, failure) -> live.add(key)));
  }

  private CompletableFuture<Outcome> put(Worker worker) {
    String key = key(nextKey.getAndIncrement());
    return tagged(
        PUT,
        calls
            .put(worker.connection(), key, objectSize)
            .thenApply(
                r -> {
                  if (r.ok()) {
                    live.add(key);
                  }
                  return Outcome.of(r, objectSize);
                }));
  }

  /** A DELETE of a random object, which leaves the set for good. */
  private CompletableFuture<Outcome> delete(Worker worker) {
    String key = live.take();
    if (key == null) {
      return CompletableFuture.completedFuture(noObjectLeft(DELETE));
    }
    return tagged(DELETE, calls.delete(worker.connection(), key).thenApply(r -> Outcome.of(r, 0)));
  }

  private Outcome noObjectLeft(String kind) {
    return Outcome.failed("no object left to " + kind + " (every object is in flight)").as(kind);
  }

  /** The operation's outcome counted under {@code kind}, an I/O failure included. */
  private static CompletableFuture<Outcome> tagged(
      String kind, CompletableFuture<Outcome> operation) {
    return operation.handle(
        (outcome, failure) ->
            (failure == null ? outcome : Outcome.failed(String.valueOf(failure))).as(kind));
  }
}
