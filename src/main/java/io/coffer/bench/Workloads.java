package io.coffer.bench;

/** The workloads by name, with the defaults of the performance issue unless overridden. */
final class Workloads {
  static final long SMALL = 4L << 10;
  static final long LARGE = 64L << 20;
  static final long MULTIPART = 256L << 20;

  /** warp mixed's default object size (warp's "10MB" is binary) and concurrency. */
  static final long WARP_SIZE = 10L << 20;

  static final int WARP_CONCURRENCY = 20;

  /**
   * warp mixed's default set is 2500 objects; on 4 KiB objects that is 10 MB and kept. On 10 MiB
   * objects it would be 25 GiB, more than this machine's page cache and minutes of preload per run:
   * a tenth of it, 2.5 GiB, keeps each run's preload to seconds.
   */
  static final int WARP_OBJECTS_SMALL = 2500;

  static final int WARP_OBJECTS_LARGE = 250;

  private Workloads() {}

  static Workload create(String name, BenchSettings s, S3Calls calls) {
    return switch (name) {
      case "put-small" ->
          new PutWorkload(name, s.concurrencyOr(16), s.sizeOr(SMALL), name + "/", false, calls);
      case "put-large" ->
          new PutWorkload(name, s.concurrencyOr(4), s.sizeOr(LARGE), name + "/", true, calls);
      case "get-small" -> get(name, s.concurrencyOr(16), s.sizeOr(SMALL), calls);
      case "get-large" -> get(name, s.concurrencyOr(4), s.sizeOr(LARGE), calls);
      case "list" ->
          new ListWorkload(
              name, s.concurrencyOr(4), s.listKeys(), s.listPrefixes(), s.maxKeys(), false, calls);
      case "list-delimiter" ->
          new ListWorkload(
              name, s.concurrencyOr(4), s.listKeys(), s.listPrefixes(), s.maxKeys(), true, calls);
      case "multipart" ->
          new MultipartWorkload(
              name,
              1,
              s.sizeOr(MULTIPART),
              Math.min(s.partSize(), s.sizeOr(MULTIPART)),
              s.concurrencyOr(4),
              calls);
      case "mixed" -> new MixedWorkload(name, s.concurrencyOr(16), s.sizeOr(SMALL), calls);
      case "warp-mixed" ->
          new WarpMixedWorkload(
              name,
              s.concurrencyOr(WARP_CONCURRENCY),
              s.sizeOr(WARP_SIZE),
              s.objectsOr(WARP_OBJECTS_LARGE),
              calls);
      case "warp-mixed-small" ->
          new WarpMixedWorkload(
              name,
              s.concurrencyOr(WARP_CONCURRENCY),
              s.sizeOr(SMALL),
              s.objectsOr(WARP_OBJECTS_SMALL),
              calls);
      default -> throw new IllegalArgumentException("unknown workload: " + name);
    };
  }

  private static GetWorkload get(String name, int concurrency, long size, S3Calls calls) {
    return new GetWorkload(
        name, concurrency, size, GetWorkload.objectsFor(size, concurrency), calls);
  }
}
