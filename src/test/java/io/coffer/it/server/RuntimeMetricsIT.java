package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.PrometheusText;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What /metrics says besides the S3 requests: the JVM and the process, the data directory's disk,
 * management API requests and which background work this node runs, each checked against what the
 * test can see for itself.
 */
class RuntimeMetricsIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final String API_REQUESTS = "coffer_api_requests_total";
  static final String API_LATENCY = "coffer_api_request_duration_seconds";

  static PrometheusText scrape() throws Exception {
    return PrometheusText.scrape(coffer.server().consoleEndpoint());
  }

  @Test
  void theJvmAndTheProcessAreDescribed() throws Exception {
    PrometheusText metrics = scrape();
    assertThat(
            metrics.series().entrySet().stream()
                .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(Map.Entry::getValue)
                .sum())
        .as("heap in use, over its pools")
        .isPositive();
    assertThat(metrics.value("jvm_threads_live_threads")).isPositive();
    assertThat(metrics.value("jvm_classes_loaded_classes")).isGreaterThan(1000);
    double open = metrics.value("process_files_open_files");
    assertThat(open).as("open file descriptors").isPositive();
    assertThat(metrics.value("process_files_max_files")).isGreaterThanOrEqualTo(open);
    assertThat(metrics.value("process_uptime_seconds")).isPositive();
    assertThat(metrics.value("process_start_time_seconds") * 1000)
        .isLessThanOrEqualTo(System.currentTimeMillis());
    assertThat(metrics.value("system_cpu_count"))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(metrics.has("process_cpu_usage")).isTrue();
    assertThat(
            metrics.has("jvm_gc_pause_seconds_count") || metrics.has("jvm_gc_max_data_size_bytes"))
        .as("garbage collection")
        .isTrue();
    assertThat(metrics.series().keySet())
        .as("the JVM's version")
        .anyMatch(
            s ->
                s.startsWith("jvm_info{")
                    && s.contains(System.getProperty("java.runtime.version")));
  }

  @Test
  void diskSpaceIsThatOfTheDataDirectorysFileSystem() throws Exception {
    String path = "path=\"" + coffer.dataDir().toAbsolutePath() + "\"";
    FileStore store = Files.getFileStore(coffer.dataDir());
    PrometheusText metrics = scrape();
    assertThat(metrics.value("disk_total_bytes", path)).isEqualTo(store.getTotalSpace());
    // Free space moves with everything else on the machine: within 256 MiB of the test's reading.
    assertThat(metrics.value("disk_free_bytes", path))
        .isPositive()
        .isCloseTo(store.getUsableSpace(), within(256.0 * 1024 * 1024));
  }

  @Test
  void managementApiRequestsAreCountedByRouteTemplateAndStatus() throws Exception {
    Api api = new Api(coffer);
    PrometheusText before = scrape();
    assertThat(api.get("/buckets").status()).isEqualTo(200);
    assertThat(api.get("/buckets").status()).isEqualTo(200);
    assertThat(api.send("GET", "/buckets", null, Map.of()).status()).isEqualTo(401);
    assertThat(api.get("/buckets/no-such-bucket/objects/some/secret-name.txt").status())
        .isEqualTo(404);
    assertThat(api.get("/no-such-endpoint-4711").status()).isEqualTo(404);
    PrometheusText after = scrape();

    String list = "route=\"/api/v1/buckets\"";
    assertThat(delta(before, after, API_REQUESTS, get(), list, status(200))).isEqualTo(2);
    assertThat(delta(before, after, API_REQUESTS, get(), list, status(401))).isEqualTo(1);
    assertThat(delta(before, after, API_LATENCY + "_count", get(), list)).isEqualTo(3);
    assertThat(after.value(API_LATENCY + "_sum", get(), list))
        .isGreaterThan(before.value(API_LATENCY + "_sum", get(), list));
    assertThat(
            delta(
                before,
                after,
                API_REQUESTS,
                get(),
                "route=\"/api/v1/buckets/{bucket}/objects/{key}\"",
                status(404)))
        .isEqualTo(1);
    assertThat(delta(before, after, API_REQUESTS, get(), "route=\"unmatched\"", status(404)))
        .isEqualTo(1);
    assertThat(after.series().keySet())
        .as("labels hold route templates, never a requested path")
        .noneMatch(s -> s.contains("secret-name") || s.contains("no-such"));
  }

  @Test
  void theBackgroundWorkThisNodeRunsIsShown() throws Exception {
    PrometheusText metrics = scrape();
    assertThat(metrics.value("coffer_background_lease_held", "work=\"lifecycle\"")).isEqualTo(1);
    assertThat(metrics.value("coffer_background_lease_held", "work=\"notification-delivery\""))
        .isEqualTo(1);
    assertThat(metrics.has("coffer_lifecycle_sweeps_total")).isTrue();
  }

  static String get() {
    return "method=\"GET\"";
  }

  static String status(int status) {
    return "status=\"" + status + "\"";
  }

  static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
