package io.coffer.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.service.Caller;
import io.coffer.service.ObjectRead;
import io.coffer.service.ReadConditions;
import io.coffer.service.ReadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * By hand: 100,000 expiring keys swept while a reader GETs kept objects, comparing the reader's
 * latency with and without the sweep. Each deletion is a write of its own (group-committed with
 * others), the checkpoint a write per batch, so no transaction grows with the bucket. Run with
 * {@code ./mvnw -B -o test -Dtest=LifecycleScaleTest -Dsurefire.excludedGroups=crash
 * -Djacoco.skip=true} (the build leaves the "scale" group out) ({@code -Dcoffer.scale.keys=N} for
 * another size); figures in docs/benchmarks.md.
 */
@Tag("scale")
class LifecycleScaleTest {
  @TempDir Path dir;

  @Test
  void sweepsAHundredThousandExpiringKeysWithoutSlowingReads() throws Exception {
    int keys = Integer.getInteger("coffer.scale.keys", 100_000);
    try (LifecycleFixture f = new LifecycleFixture(dir, true)) {
      f.bucket("scale", null, false);
      long loadStart = System.nanoTime();
      // 64 writers at a time, whose commits the store groups (as concurrent clients' would be).
      try (var pool = Executors.newFixedThreadPool(64)) {
        for (int i = 0; i < keys; i++) {
          String key = String.format("logs/%08d", i);
          pool.submit(() -> f.put("scale", key, "line " + key));
        }
      }
      for (int i = 0; i < 100; i++) {
        f.put("scale", "keep/" + i, "kept " + i);
      }
      System.out.printf(
          "scale: loaded %d keys in %d s%n", keys, (System.nanoTime() - loadStart) / 1_000_000_000);
      f.lifecycle(
          "scale",
          new LifecycleRule(
              "logs",
              true,
              new LifecycleFilter("logs/", Map.of(), null, null, false),
              new LifecycleExpiration(1, null, false),
              null,
              null));
      long[] baseline = readLatencies(f, Duration.ofSeconds(5), new AtomicBoolean(true));
      f.clock.advance(Duration.ofDays(2));
      try (LifecycleWorker worker =
          new LifecycleWorker(
              f.store, f.blobs, f.clock, LifecycleSettings.forDay(Duration.ofDays(1)))) {
        AtomicBoolean sweeping = new AtomicBoolean(true);
        long[] during = new long[0];
        long sweepStart = System.nanoTime();
        Thread sweeper =
            Thread.ofPlatform()
                .start(
                    () -> {
                      worker.sweepOnce();
                      sweeping.set(false);
                    });
        during = readLatencies(f, Duration.ofMinutes(30), sweeping);
        sweeper.join();
        long sweepMillis = (System.nanoTime() - sweepStart) / 1_000_000;
        System.out.printf(
            "scale: swept %d keys in %.1f s (%.0f deletions/s)%n",
            worker.metrics().objectsExpired(),
            sweepMillis / 1000.0,
            worker.metrics().objectsExpired() * 1000.0 / sweepMillis);
        System.out.println("scale: GET latency without a sweep " + summary(baseline));
        System.out.println("scale: GET latency during the sweep " + summary(during));
        assertThat(worker.metrics().objectsExpired()).isEqualTo(keys);
        assertThat(f.store.findBucket("scale").orElseThrow().objectCount()).isEqualTo(100);
      }
    }
  }

  /** GETs of kept objects, one after another, while {@code running} (at least {@code min}). */
  private static long[] readLatencies(LifecycleFixture f, Duration max, AtomicBoolean running)
      throws Exception {
    long[] samples = new long[1 << 20];
    int n = 0;
    long end = System.nanoTime() + max.toNanos();
    long minEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (n < samples.length
        && System.nanoTime() < end
        && (running.get() || System.nanoTime() < minEnd)) {
      long t0 = System.nanoTime();
      ReadResult r =
          f.objects.read(
              Caller.ADMIN,
              "scale",
              "keep/" + (n % 100),
              null,
              ReadConditions.NONE,
              null,
              null,
              null);
      ((ObjectRead) r).close(); // the metadata lookup and the blob lease of a GET
      samples[n++] = System.nanoTime() - t0;
      if (!running.get() && System.nanoTime() >= minEnd) {
        break;
      }
    }
    return Arrays.copyOf(samples, n);
  }

  private static String summary(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(
        "n=%d p50=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms",
        s.length,
        s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6,
        s[(int) (s.length * 0.999)] / 1e6,
        s[s.length - 1] / 1e6);
  }
}
