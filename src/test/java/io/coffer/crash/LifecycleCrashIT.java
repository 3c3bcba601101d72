package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.SdkClients;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * SIGKILLs a server while its lifecycle worker sweeps, again and again, and checks that the
 * restarts finish the work exactly: every expired object gone, every kept one there, one delete
 * marker (not two) per expired key of the versioned bucket, counters equal to a recount of the
 * tables, and no blob file more or less than the versions that remain. The lifecycle configuration
 * is written into the stopped server's database (the S3 operation that sets it is tested on its
 * own). Runs with {@code ./mvnw -B verify -Pcrash -Dit.test=LifecycleCrashIT}.
 */
@Tag("crash")
class LifecycleCrashIT {
  private static final String ACCESS_KEY = "LIFECYCLECRASHKEY001";
  private static final String SECRET_KEY = "lifecycle-crash-secret-key-0123456789abc";
  private static final int EXPIRING = 2000;
  private static final int KEPT = 100;
  private static final int VERSIONED_KEYS = 200;
  private static final int VERSIONS = 3;
  private static final Pattern ACTIONS_LOGGED = Pattern.compile("lifecycle: bucket \\S+: \\{");

  @TempDir Path work;

  private CofferProcess start(Path data, int daySeconds) throws Exception {
    CofferProcess p =
        CofferProcess.run(
            List.of("-Xmx256m"),
            Map.of(
                "COFFER_ACCESS_KEY",
                ACCESS_KEY,
                "COFFER_SECRET_KEY",
                SECRET_KEY,
                "COFFER_API_KEY",
                "lifecycle-crash-api-key-01",
                "COFFER_LIFECYCLE_DAY_SECONDS",
                Integer.toString(daySeconds),
                // info: the worker's progress lines, which tell when to kill
                "COFFER_LOG_LEVEL",
                daySeconds == 1 ? "info" : "warn"),
            "server",
            "--data",
            data.toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0",
            "--inline-threshold",
            "0");
    p.awaitLine(Pattern.compile("Console:"), Duration.ofSeconds(60));
    return p;
  }

  @Test
  void killedSweepsFinishEveryDeletionExactlyOnce() throws Exception {
    long seed = Long.getLong("coffer.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Path data = work.resolve("data");
    try (CofferProcess server = start(data, 86_400);
        S3Client s3 = SdkClients.of(server.s3Uri(), ACCESS_KEY, SECRET_KEY)) {
      s3.createBucket(r -> r.bucket("expiring"));
      s3.createBucket(r -> r.bucket("versioned"));
      s3.putBucketVersioning(
          r ->
              r.bucket("versioned")
                  .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
      IntStream.range(0, EXPIRING + KEPT)
          .parallel()
          .forEach(
              i ->
                  s3.putObject(
                      r -> r.bucket("expiring").key((i < EXPIRING ? "old/" : "keep/") + i),
                      RequestBody.fromString("body " + i)));
      IntStream.range(0, VERSIONED_KEYS)
          .parallel()
          .forEach(
              i -> {
                for (int v = 0; v < VERSIONS; v++) {
                  s3.putObject(
                      r -> r.bucket("versioned").key("k" + i), RequestBody.fromString("v" + v));
                }
              });
      server.terminate();
    }
    try (SqliteMetadataStore store =
        SqliteMetadataStore.open(data.resolve(".coffer").resolve("metadata.db"), true)) {
      setLifecycle(store, "expiring", expire("old", "old/"));
      setLifecycle(store, "versioned", expire("all", null));
    }
    Thread.sleep(2_000); // two lifecycle days of one second: everything is due
    int kills = 0;
    for (; kills < 4; kills++) {
      try (CofferProcess server = start(data, 1)) {
        if (!awaitSweepActivity(server, Duration.ofSeconds(10))) {
          System.out.println("no lifecycle activity after a restart:\n" + server.stderr());
          break; // nothing left to do
        }
        Thread.sleep(random.nextInt(400));
        server.kill();
      }
    }
    try (CofferProcess server = start(data, 1);
        S3Client s3 = SdkClients.of(server.s3Uri(), ACCESS_KEY, SECRET_KEY)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline && !done(s3)) {
        Thread.sleep(200);
      }
      assertThat(s3.listObjectsV2Paginator(r -> r.bucket("expiring")).contents())
          .as("seed %d", seed)
          .hasSize(KEPT)
          .allSatisfy(o -> assertThat(o.key()).startsWith("keep/"));
      server.terminate();
    }
    System.out.println("lifecycle crash test: " + kills + " kills, seed " + seed);
    verifyTables(data, seed);
  }

  private static boolean done(S3Client s3) {
    return s3.listObjectsV2(r -> r.bucket("expiring").prefix("old/").maxKeys(1)).keyCount() == 0
        && s3.listObjectsV2(r -> r.bucket("versioned").maxKeys(1)).keyCount() == 0;
  }

  /** Waits until the worker has logged a batch's actions; false when it logs a finished sweep. */
  private static boolean awaitSweepActivity(CofferProcess server, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String log = server.stderr();
      if (ACTIONS_LOGGED.matcher(log).find()) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private static LifecycleRule expire(String id, String prefix) {
    return new LifecycleRule(
        id,
        true,
        new LifecycleFilter(prefix, Map.of(), null, null, false),
        new LifecycleExpiration(1, null, false),
        null,
        null);
  }

  private static void setLifecycle(SqliteMetadataStore store, String bucket, LifecycleRule rule) {
    Bucket b = store.findBucket(bucket).orElseThrow();
    store.setBucketLifecycle(bucket, b.id(), new LifecycleConfiguration(List.of(rule)));
  }

  private static void verifyTables(Path data, long seed) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve(".coffer").resolve("metadata.db"));
        Statement s = db.createStatement()) {
      // One delete marker per versioned key, on top of its versions: none expired twice.
      assertThat(single(s, "SELECT count(*) FROM object_versions WHERE delete_marker = 1"))
          .as("delete markers (seed %d)", seed)
          .isEqualTo(VERSIONED_KEYS);
      assertThat(single(s, "SELECT count(*) FROM object_versions WHERE delete_marker = 0"))
          .as("versions kept behind the markers (seed %d)", seed)
          .isEqualTo((long) VERSIONED_KEYS * VERSIONS);
      assertThat(single(s, "SELECT count(*) FROM objects")).isEqualTo(KEPT);
      assertThat(single(s, "SELECT sum(object_count) FROM buckets"))
          .as("object counters against the objects table (seed %d)", seed)
          .isEqualTo(single(s, "SELECT count(*) FROM objects"));
      assertThat(single(s, "SELECT sum(total_size) FROM buckets"))
          .as("byte counters against both tables (seed %d)", seed)
          .isEqualTo(
              single(
                  s,
                  "SELECT (SELECT coalesce(sum(size), 0) FROM objects)"
                      + " + (SELECT coalesce(sum(size), 0) FROM object_versions)"));
      assertThat(single(s, "SELECT count(*) FROM lifecycle_progress"))
          .as("no sweep left half done")
          .isZero();
      long files;
      try (Stream<Path> walk = Files.walk(data.resolve("buckets"))) {
        files = walk.filter(Files::isRegularFile).count();
      }
      assertThat(files)
          .as("one blob file per remaining version, no orphan (seed %d)", seed)
          .isEqualTo(KEPT + (long) VERSIONED_KEYS * VERSIONS);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
