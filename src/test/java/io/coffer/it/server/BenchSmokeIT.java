package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.bench.Bench;
import io.coffer.bench.BenchSettings;
import io.coffer.bench.Endpoint;
import io.coffer.bench.WorkloadResult;
import io.coffer.it.support.CofferTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few seconds of every {@code coffer bench} workload against a real server, with small sizes:
 * each one completes operations without errors, moves the bytes it claims, writes the JSON, and
 * leaves no bucket behind. The figures themselves are not judged here.
 */
class BenchSmokeIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();

  private static final long SIZE = 64 * 1024;

  /** S3's smallest part size but for the last part. */
  private static final long PART = 5L << 20;

  @TempDir Path dir;

  private BenchSettings settings(
      String bucket, List<String> workloads, String secretKey, Long size, Path json) {
    return settings(bucket, workloads, secretKey, size, null, json);
  }

  private BenchSettings settings(
      String bucket,
      List<String> workloads,
      String secretKey,
      Long size,
      Integer concurrency,
      Path json) {
    Endpoint endpoint =
        Endpoint.parse(
            SERVER.server().s3Endpoint(), CofferTestServer.ACCESS_KEY, secretKey, "us-east-1");
    return new BenchSettings(
        endpoint,
        bucket,
        false,
        workloads,
        size,
        concurrency,
        Duration.ofMillis(1500),
        Duration.ofMillis(500),
        json,
        false,
        1,
        500,
        10,
        100,
        PART,
        2000,
        0,
        false,
        false,
        null,
        null,
        null,
        false,
        List.of(),
        null);
  }

  @Test
  void everyWorkloadRunsWithoutErrorsAndReportsJson() throws Exception {
    Path json = dir.resolve("out/results.json");
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    List<String> workloads = new ArrayList<>(BenchSettings.ALL);
    workloads.add("scale");
    List<WorkloadResult> results =
        Bench.run(
            settings("smoke", workloads, CofferTestServer.SECRET_KEY, SIZE, json),
            new PrintStream(table, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(results)
        .extracting(WorkloadResult::workload)
        .containsExactly(
            "put-small",
            "get-small",
            "put-large",
            "get-large",
            "list",
            "list-delimiter",
            "multipart",
            "mixed",
            "scale-put@0",
            "scale-list@200",
            "scale-list@2000",
            "scale-put@2000");
    for (WorkloadResult r : results) {
      assertThat(r.ops()).as(r.workload() + " ops").isPositive();
      assertThat(r.errors()).as(r.workload() + " errors").isZero();
      assertThat(r.p50Ms()).as(r.workload() + " p50").isPositive().isLessThanOrEqualTo(r.p99Ms());
      assertThat(r.p99Ms()).isLessThanOrEqualTo(r.maxMs());
    }
    for (String moving : List.of("put-small", "get-small", "put-large", "get-large")) {
      WorkloadResult r = byName(results, moving);
      assertThat(r.bytes()).as(moving + " bytes").isEqualTo(r.ops() * SIZE);
    }
    // 64 KiB is one (last) part here; the parallel parts are the next test's.
    assertPartBytesMatchUploads(byName(results, "multipart"), SIZE);
    assertThat(byName(results, "list").itemsPerSec()).isPositive();
    assertThat(table.toString(StandardCharsets.UTF_8))
        .contains("workload", "ops/s", "p99 ms", "list-delimiter");

    JsonNode document = JsonMapper.builder().build().readTree(json.toFile());
    assertThat(document.get("tool").asString()).isEqualTo("coffer bench");
    assertThat(document.get("endpoint").asString()).isEqualTo(SERVER.server().s3Endpoint());
    assertThat(document.get("notes").toString()).contains("list page p50", "PUT ops/s");
    JsonNode first = document.get("results").get(0);
    for (String field :
        List.of(
            "workload",
            "concurrency",
            "objectSize",
            "seconds",
            "ops",
            "opsPerSec",
            "bytes",
            "mbPerSec",
            "itemsPerSec",
            "p50Ms",
            "p90Ms",
            "p99Ms",
            "maxMs",
            "errors",
            "clientCpuCores")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(document.get("results")).hasSize(results.size());
    assertThat(first.get("ops").asLong()).isEqualTo(results.get(0).ops());
    assertThat(document.toString()).doesNotContain(CofferTestServer.SECRET_KEY);

    assertThatThrownBy(() -> SERVER.s3().headBucket(b -> b.bucket("smoke")))
        .isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void multipartUploadsItsPartsInParallel() throws Exception {
    List<WorkloadResult> results =
        Bench.run(
            settings(
                "smoke-multipart",
                List.of("multipart"),
                CofferTestServer.SECRET_KEY,
                2 * PART,
                2,
                null),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err);

    WorkloadResult multipart = results.get(0);
    assertThat(multipart.ops()).isPositive();
    assertThat(multipart.errors()).isZero();
    assertThat(multipart.concurrency()).isEqualTo(2);
    assertPartBytesMatchUploads(multipart, 2 * PART);
  }

  /**
   * Part bytes count as parts finish, uploads as they complete; one upload at a time, so the window
   * holds the parts of its completed uploads give or take the one straddling each edge.
   */
  private static void assertPartBytesMatchUploads(WorkloadResult multipart, long uploadSize) {
    assertThat(multipart.bytes())
        .isBetween((multipart.ops() - 1) * uploadSize, (multipart.ops() + 1) * uploadSize);
  }

  @Test
  void aRejectedCredentialStopsTheRunWithTheServersError() {
    assertThatThrownBy(
            () ->
                Bench.run(
                    settings("smoke-denied", List.of("put-small"), "not-the-secret", null, null),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    System.err))
        .hasMessageContaining("CreateBucket smoke-denied failed: 403 SignatureDoesNotMatch");
  }

  private static WorkloadResult byName(List<WorkloadResult> results, String name) {
    return results.stream().filter(r -> r.workload().equals(name)).findFirst().orElseThrow();
  }
}
