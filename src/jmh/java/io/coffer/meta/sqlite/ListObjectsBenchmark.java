package io.coffer.meta.sqlite;

import io.coffer.model.Credential;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import io.coffer.model.WritePrecondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SqliteMetadataStore.listObjects over 10,000 keys in 100 prefixes (the list workload's bucket): a
 * 1000-key page from a random position, and a delimiter listing of the 100 prefixes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ListObjectsBenchmark {
  private static final int KEYS = 10_000;
  private static final int PREFIXES = 100;
  private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

  private Path dir;
  private SqliteMetadataStore store;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("coffer-jmh-");
    store = SqliteMetadataStore.open(dir.resolve("meta.db"), false);
    Credential c = store.createCredential("AK", "SK", "bench", T0);
    String bucketId = store.createBucket("b", c.id(), "us-east-1", T0, false).id();
    for (int i = 0; i < KEYS; i++) {
      String key = key(i);
      store.putObject(
          bucketId,
          new ObjectMeta(
              "b",
              key,
              4096,
              "9b2cf535f27731c974343645a3985328",
              "application/octet-stream",
              Map.of(),
              Map.of(),
              null,
              T0,
              T0,
              new Storage.Blob("blob" + i),
              "null",
              io.coffer.model.ObjectLock.NONE,
              null,
              Map.of(),
              null),
          WritePrecondition.NONE,
          null);
    }
  }

  private static String key(int i) {
    return String.format("list/p%03d/k%06d", i % PREFIXES, i);
  }

  @TearDown
  public void tearDown() throws Exception {
    store.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public ListPage pageOf1000() {
    String after = key(ThreadLocalRandom.current().nextInt(KEYS));
    return store.listObjects(new ListQuery("b", "list/", null, after, 1000));
  }

  @Benchmark
  public ListPage delimiterListingOf100Prefixes() {
    ListPage page = store.listObjects(new ListQuery("b", "list/", "/", null, 1000));
    if (page.commonPrefixes().size() != PREFIXES) {
      throw new IllegalStateException("prefixes: " + page.commonPrefixes().size());
    }
    return page;
  }
}
