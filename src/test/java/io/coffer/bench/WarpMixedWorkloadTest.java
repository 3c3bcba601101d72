package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.CofferTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * warp's mix against a real Coffer server: the operations come in warp's shares, each kind is
 * counted apart and adds up to the whole, the objects the workload believes exist are exactly those
 * the server holds (so no read ever meets a deleted object), and the server's CPU is measured.
 */
class WarpMixedWorkloadTest {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();

  private static final long SIZE = 4096;
  private static final int CONCURRENCY = 8;
  private static final int OBJECTS = 200;
  private static final Map<String, Double> SHARES =
      Map.of("GET", 0.45, "HEAD", 0.30, "PUT", 0.15, "DELETE", 0.10);

  @TempDir Path dir;

  private static BenchSettings settings(
      String bucket,
      String workload,
      boolean keep,
      boolean versioning,
      List<Long> serverPids,
      @Nullable Path json) {
    Endpoint endpoint =
        Endpoint.parse(
            SERVER.server().s3Endpoint(),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1");
    return new BenchSettings(
        endpoint,
        bucket,
        keep,
        List.of(workload),
        SIZE,
        CONCURRENCY,
        Duration.ofMillis(2500),
        Duration.ofMillis(500),
        json,
        false,
        1,
        100,
        10,
        100,
        5L << 20,
        100,
        0,
        false,
        false,
        null,
        null,
        null,
        versioning,
        serverPids,
        OBJECTS);
  }

  @Test
  void eachKindIsReportedApartInWarpsSharesAndAddsUpToTheWhole() throws Exception {
    Path json = dir.resolve("warp.json");
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    // the server runs in this JVM: its CPU is this process's
    long self = ProcessHandle.current().pid();
    List<WorkloadResult> results =
        Bench.run(
            settings("warp-accounting", "warp-mixed-small", false, false, List.of(self), json),
            new PrintStream(table, true, StandardCharsets.UTF_8),
            System.err);

    WorkloadResult r = results.get(0);
    assertThat(r.workload()).isEqualTo("warp-mixed-small");
    assertThat(r.errors()).isZero();
    assertThat(r.ops()).isGreaterThan(200);
    assertThat(r.operations())
        .extracting(OperationResult::operation)
        .containsExactly("GET", "HEAD", "PUT", "DELETE");
    assertThat(r.operations().stream().mapToLong(OperationResult::ops).sum()).isEqualTo(r.ops());
    assertThat(r.operations().stream().mapToLong(OperationResult::bytes).sum())
        .isEqualTo(r.bytes());
    for (OperationResult o : r.operations()) {
      // Operations start in the exact sequence; the window cuts it at most a part-sequence and
      // the operations in flight at either edge away from the shares.
      double expected = SHARES.get(o.operation()) * r.ops();
      assertThat((double) o.ops())
          .as(o.operation() + " of " + r.ops())
          .isBetween(expected - 2 * CONCURRENCY - 30, expected + 2 * CONCURRENCY + 30);
      assertThat(o.share()).isEqualTo((double) o.ops() / r.ops());
      assertThat(o.opsPerSec()).isEqualTo(o.ops() / r.seconds());
      assertThat(o.errors()).isZero();
      assertThat(o.p50Ms()).isPositive().isLessThanOrEqualTo(o.p99Ms());
      assertThat(o.p99Ms()).isLessThanOrEqualTo(o.maxMs()).isLessThanOrEqualTo(r.maxMs());
      long bytesEach = o.operation().equals("GET") || o.operation().equals("PUT") ? SIZE : 0;
      assertThat(o.bytes()).as(o.operation() + " bytes").isEqualTo(o.ops() * bytesEach);
    }
    assertThat(r.serverCpuCores()).isNotNull().isPositive();
    assertThat(r.serverCpuMicrosPerOp())
        .isNotNull()
        .isCloseTo(
            r.serverCpuCores() * r.seconds() * 1e6 / r.ops(),
            org.assertj.core.data.Percentage.withPercentage(1));

    assertThat(table.toString(StandardCharsets.UTF_8))
        .contains("warp-mixed-small", "  GET", "  HEAD", "  PUT", "  DELETE", "srv us/op");
    JsonNode document = JsonMapper.builder().build().readTree(json.toFile());
    JsonNode result = document.get("results").get(0);
    assertThat(result.get("serverCpuMicrosPerOp").asDouble()).isPositive();
    JsonNode head = result.get("operations").get(1);
    assertThat(head.get("operation").asString()).isEqualTo("HEAD");
    assertThat(head.get("ops").asLong()).isEqualTo(r.operations().get(1).ops());
    for (String field : List.of("opsPerSec", "share", "mbPerSec", "p50Ms", "p99Ms", "errors")) {
      assertThat(head.has(field)).as(field).isTrue();
    }
    assertThatThrownBy(() -> SERVER.s3().headBucket(b -> b.bucket("warp-accounting")))
        .isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void theObjectsItBelievesInAreExactlyThoseTheServerHolds() throws Exception {
    String bucket = "warp-set";
    SERVER.s3().createBucket(b -> b.bucket(bucket));
    BenchSettings s = settings(bucket, "warp-mixed-small", true, false, List.of(), null);
    try (Connections connections = new Connections(s.endpoint(), 1, null);
        Payload payload = new Payload(SIZE)) {
      S3Calls calls = new S3Calls(new RequestFactory(s.endpoint(), payload, false), bucket);
      BenchContext context =
          new BenchContext(s, calls, connections, new PrintStream(new ByteArrayOutputStream()));
      // few objects for the concurrency: a DELETE racing a read of the same object would show
      WarpMixedWorkload workload = new WarpMixedWorkload("warp-set", 16, SIZE, 40, calls);
      WorkloadResult r = new Driver(context).run(workload);

      assertThat(r.errors()).as("a GET or HEAD found an object gone").isZero();
      assertThat(r.operations().get(3).ops()).as("DELETEs").isPositive();
      // the run is over, nothing is in flight: the set is the bucket
      List<String> onServer =
          SERVER.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
              .map(S3Object::key)
              .toList();
      assertThat(workload.liveKeys()).containsExactlyInAnyOrderElementsOf(onServer);
      // PUTs outnumber DELETEs 3 to 2: the set did not shrink
      assertThat(onServer.size()).isGreaterThanOrEqualTo(workload.objects() - 16);
      assertThat(onServer.stream().collect(Collectors.toSet())).hasSameSizeAs(onServer);
    }
  }

  @Test
  void versioningIsEnabledOnTheBucketAndItsVersionsAreCleanedUp() throws Exception {
    String bucket = "warp-versioned";
    List<WorkloadResult> kept =
        Bench.run(
            settings(bucket, "warp-mixed-small", true, true, List.of(), null),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err);
    assertThat(kept.get(0).errors()).isZero();
    assertThat(SERVER.s3().getBucketVersioning(b -> b.bucket(bucket)).status())
        .isEqualTo(BucketVersioningStatus.ENABLED);
    // a DELETE on a versioned bucket leaves a delete marker
    assertThat(SERVER.s3().listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).isNotEmpty();

    // a second, short run on the same bucket (100 keys listed), not kept: every version and
    // marker goes, then the bucket
    Bench.run(
        settings(bucket, "list", false, true, List.of(), null),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        System.err);
    assertThatThrownBy(() -> SERVER.s3().headBucket(b -> b.bucket(bucket)))
        .isInstanceOf(NoSuchBucketException.class);
  }
}
