package io.coffer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --workload scale}: does listing and PUT speed hold as the bucket grows? Measures PUT 4 KiB
 * into an empty bucket, then fills it to 10,000 keys (a tenth of {@code --preload} when that is
 * smaller) and measures ListObjectsV2 page latency, then fills it to {@code --preload} keys and
 * measures both again. Keys are preloaded as empty objects with many parallel PUTs, so the mode
 * works against any server; its cost is the server's own small-PUT rate (about five minutes for a
 * million keys at 3,000 PUT/s).
 *
 * <p>With {@code --versions V} it measures instead whether old versions slow listings down: page
 * latency over {@code --preload} keys in the benchmark's bucket, then over the same keys in a
 * versioned bucket (the bucket's name + {@code -versioned}) where each key was written V + 1 times,
 * so that it has V noncurrent versions besides the current one.
 */
final class ScaleMode {
  static final String PREFIX = "scale/";
  private static final int BASE_KEYS = 10_000;
  private static final long SMALL = 4096;

  /** Rounds of the versions mode: each lists the plain and the versioned bucket once. */
  private static final int VERSION_ROUNDS = 3;

  private ScaleMode() {}

  static String key(long index) {
    return String.format("%s%09d", PREFIX, index);
  }

  static List<WorkloadResult> run(BenchContext context, Driver driver) throws Exception {
    BenchSettings s = context.settings();
    if (s.versions() > 0) {
      return runVersions(context, driver);
    }
    long base = Math.max(1, Math.min(BASE_KEYS, s.preload() / 10));
    long target = Math.max(s.preload(), base);
    int concurrency = s.concurrencyOr(16);
    int preloadConcurrency = Math.max(32, concurrency);
    S3Calls calls = context.calls();
    List<WorkloadResult> results = new ArrayList<>();
    results.add(driver.run(put("scale-put@0", concurrency, s, calls)));
    context.preload(ScaleMode::key, 0, base, 0, preloadConcurrency);
    results.add(
        driver.run(new PageWorkload("scale-list@" + base, concurrency, base, s.maxKeys(), calls)));
    long started = System.nanoTime();
    context.preload(ScaleMode::key, base, target - base, 0, preloadConcurrency);
    double seconds = (System.nanoTime() - started) / 1e9;
    context
        .log()
        .printf(
            "preloaded %,d keys in %.0f s (%,.0f PUT/s)%n",
            target - base, seconds, (target - base) / Math.max(seconds, 1e-9));
    results.add(
        driver.run(
            new PageWorkload("scale-list@" + target, concurrency, target, s.maxKeys(), calls)));
    results.add(driver.run(put("scale-put@" + target, concurrency, s, calls)));
    return results;
  }

  private static List<WorkloadResult> runVersions(BenchContext context, Driver driver)
      throws Exception {
    BenchSettings s = context.settings();
    long keys = Math.max(2, s.preload());
    int versions = s.versions();
    int concurrency = s.concurrencyOr(16);
    int preloadConcurrency = Math.max(32, concurrency);
    List<WorkloadResult> results = new ArrayList<>();
    context.preload(ScaleMode::key, 0, keys, 0, preloadConcurrency);

    S3Calls versioned = context.calls().withBucket(s.bucket() + "-versioned");
    BenchContext vcontext = new BenchContext(s, versioned, context.connections(), context.log());
    try (Connection c = context.connections().open()) {
      Response created = versioned.createBucket(c).get(60, TimeUnit.SECONDS);
      if (!created.ok() && !created.describe().contains("BucketAlreadyOwnedByYou")) {
        throw new IllegalStateException(
            "CreateBucket " + versioned.bucket() + " failed: " + created.describe());
      }
      Response enabled = versioned.enableVersioning(c).get(60, TimeUnit.SECONDS);
      if (!enabled.ok()) {
        throw new IllegalStateException(
            "PutBucketVersioning " + versioned.bucket() + " failed: " + enabled.describe());
      }
    }
    try {
      long started = System.nanoTime();
      for (int round = 0; round <= versions; round++) {
        vcontext.preload(ScaleMode::key, 0, keys, 0, preloadConcurrency);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long puts = keys * (versions + 1);
      context
          .log()
          .printf(
              "preloaded %,d keys x %d versions in %.0f s (%,.0f PUT/s)%n",
              keys, versions + 1, seconds, puts / Math.max(seconds, 1e-9));
      // Interleaved rounds, the order flipping each round, so drift of a shared machine hits
      // both buckets alike.
      PageWorkload plain =
          new PageWorkload("scale-list@" + keys, concurrency, keys, s.maxKeys(), context.calls());
      PageWorkload old =
          new PageWorkload(
              "scale-list@" + keys + "x" + (versions + 1) + "v",
              concurrency,
              keys,
              s.maxKeys(),
              versioned);
      for (int round = 0; round < VERSION_ROUNDS; round++) {
        boolean plainFirst = round % 2 == 0;
        results.add(driver.run(plainFirst ? plain : old));
        results.add(driver.run(plainFirst ? old : plain));
      }
    } finally {
      if (!s.keep()) {
        BucketCleaner.deleteVersionedBucket(versioned, context.connections());
      }
    }
    return results;
  }

  /** New 4 KiB objects beside the preloaded keys (their prefix sorts after them). */
  private static PutWorkload put(String name, int concurrency, BenchSettings s, S3Calls calls) {
    return new PutWorkload(
        name, concurrency, s.sizeOr(SMALL), "scale-put/" + name + "/", false, calls);
  }

  /**
   * "list page p50 at N keys / at 10,000 keys" and "PUT ops/s at N keys / empty", for the table.
   */
  static List<String> ratios(List<WorkloadResult> r) {
    if (r.stream().anyMatch(w -> w.workload().endsWith("v"))) {
      return List.of(versionRatio(r));
    }
    if (r.size() < 4) {
      return List.of();
    }
    return List.of(
        String.format(
            "list page p50 at %s / at %s: %.2f (target <= 2)",
            r.get(2).workload(), r.get(1).workload(), r.get(2).p50Ms() / r.get(1).p50Ms()),
        String.format(
            "PUT ops/s at %s / %s: %.2f (target >= 0.8)",
            r.get(3).workload(), r.get(0).workload(), r.get(3).opsPerSec() / r.get(0).opsPerSec()));
  }

  /**
   * The versions mode's rounds: per round, list page p50 of the versioned bucket over the plain
   * one; their median is the figure.
   */
  private static String versionRatio(List<WorkloadResult> r) {
    List<Double> perRound = new ArrayList<>();
    String plain = null;
    String versioned = null;
    for (int i = 0; i + 1 < r.size(); i += 2) {
      WorkloadResult a = r.get(i);
      WorkloadResult b = r.get(i + 1);
      WorkloadResult v = a.workload().endsWith("v") ? a : b;
      WorkloadResult p = v == a ? b : a;
      plain = p.workload();
      versioned = v.workload();
      perRound.add(v.p50Ms() / p.p50Ms());
    }
    List<Double> sorted = perRound.stream().sorted().toList();
    double median = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    return String.format(
        "list page p50 at %s / at %s: %.2f, median of %d interleaved rounds %s (target <= 1.2: old"
            + " versions cost listings nothing)",
        versioned,
        plain,
        median,
        perRound.size(),
        perRound.stream().map(x -> String.format("%.2f", x)).toList());
  }
}
