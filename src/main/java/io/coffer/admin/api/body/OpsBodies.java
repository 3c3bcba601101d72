package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Response bodies of /api/v1/server, /api/v1/server/history and /api/v1/trace. */
public final class OpsBodies {
  private OpsBodies() {}

  /** GET /api/v1/server. */
  public record ServerBody(
      @JsonProperty("version") String version,
      @JsonProperty("started_at") String startedAt,
      @JsonProperty("uptime_seconds") long uptimeSeconds,
      @JsonProperty("data_dir") String dataDir,
      @JsonProperty("disk_total_bytes") long diskTotalBytes,
      @JsonProperty("disk_free_bytes") long diskFreeBytes,
      @JsonProperty("disk_free_percent") double diskFreePercent,
      @JsonProperty("disk_free_warning_percent") int diskFreeWarningPercent,
      @JsonProperty("disk_warning") boolean diskWarning,
      @JsonProperty("metadata_store") String metadataStore,
      @JsonProperty("metadata_size_bytes") long metadataSizeBytes,
      @JsonProperty("region") String region,
      @JsonProperty("s3_address") String s3Address,
      @JsonProperty("s3_endpoint") String s3Endpoint,
      @JsonProperty("console_address") String consoleAddress,
      @JsonProperty("tls") boolean tls,
      @JsonProperty("tls_engine") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String tlsEngine,
      @JsonProperty("node_id") String nodeId,
      @JsonProperty("trace_listeners") int traceListeners) {}

  /** GET /api/v1/server/history. */
  public record HistoryBody(
      @JsonProperty("slot_seconds") long slotSeconds,
      @JsonProperty("slots") List<SlotBody> slots) {}

  /** One slot of the history. */
  public record SlotBody(
      @JsonProperty("start") String start,
      @JsonProperty("seconds") double seconds,
      @JsonProperty("requests") long requests,
      @JsonProperty("by_operation") Map<String, Long> byOperation,
      @JsonProperty("errors_4xx") long errors4xx,
      @JsonProperty("errors_5xx") long errors5xx,
      @JsonProperty("bytes_in") long bytesIn,
      @JsonProperty("bytes_out") long bytesOut,
      @JsonProperty("latency_p50_ms") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Double latencyP50Ms,
      @JsonProperty("latency_p90_ms") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Double latencyP90Ms,
      @JsonProperty("latency_p99_ms") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Double latencyP99Ms) {}

  /** One line of GET /api/v1/trace: a request. */
  public record TraceLine(
      @JsonProperty("time") String time,
      @JsonProperty("method") String method,
      @JsonProperty("path") String path,
      @JsonProperty("operation") String operation,
      @JsonProperty("bucket") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String bucket,
      @JsonProperty("status") int status,
      @JsonProperty("duration_ms") double durationMs,
      @JsonProperty("bytes_in") long bytesIn,
      @JsonProperty("bytes_out") long bytesOut,
      @JsonProperty("client") String client,
      @JsonProperty("access_key") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable String accessKey) {}

  /** A line of GET /api/v1/trace saying how many requests the reader was too slow to receive. */
  public record DroppedLine(@JsonProperty("dropped") long dropped) {}
}
