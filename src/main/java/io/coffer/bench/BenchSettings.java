package io.coffer.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code coffer bench} was asked to do.
 *
 * @param workloads names in run order ({@code all} already expanded)
 * @param size object size overriding every workload's default, or null
 * @param concurrency concurrency overriding every workload's default, or null (for multipart: the
 *     parts uploaded in parallel)
 * @param json where to write the results as JSON, or null
 * @param signedPayload send the payload's SHA-256 instead of {@code UNSIGNED-PAYLOAD}
 * @param clientThreads the load generator's event loop threads
 * @param listKeys keys of the list workloads' bucket
 * @param listPrefixes how many prefixes they are spread over
 * @param maxKeys the page size of listings
 * @param partSize the part size of the multipart workload
 * @param preload keys the scale mode fills the bucket with
 * @param versions when above 0, the scale mode instead compares listing a bucket of {@code preload}
 *     keys with listing a versioned bucket where each of those keys also has this many noncurrent
 *     versions
 * @param progress whether to show the progress line
 * @param plainHttp the endpoint is a plain HTTP file server (nginx with WebDAV PUT, as the physical
 *     reference): no bucket is created or deleted, only object PUT and GET make sense
 * @param bucketPolicy a bucket policy to put on the bucket before the run, or null
 * @param caCert PEM file of the certificates to trust for an {@code https://} endpoint, or null for
 *     the JDK's default trust store
 * @param sse the {@code x-amz-server-side-encryption} value ({@code AES256} or {@code aws:kms})
 *     sent on every PutObject and CreateMultipartUpload, or null for none
 * @param versioning enable versioning on the bucket before the run (and empty it by version ID
 *     after)
 * @param serverPids server processes on this machine whose CPU time (with their descendants') is
 *     measured over each workload's window; empty for none
 * @param objects the object set of the warp-mixed workloads before the run (warp's {@code
 *     --objects}), or null for their defaults
 */
public record BenchSettings(
    Endpoint endpoint,
    String bucket,
    boolean keep,
    List<String> workloads,
    @Nullable Long size,
    Integer concurrency,
    Duration duration,
    Duration warmup,
    Path json,
    boolean signedPayload,
    int clientThreads,
    int listKeys,
    int listPrefixes,
    int maxKeys,
    long partSize,
    long preload,
    int versions,
    boolean progress,
    boolean plainHttp,
    @Nullable String bucketPolicy,
    @Nullable Path caCert,
    @Nullable String sse,
    boolean versioning,
    List<Long> serverPids,
    @Nullable Integer objects) {

  /** The workloads {@code all} runs, in order; {@code scale} is run on its own. */
  public static final List<String> ALL =
      List.of(
          "put-small",
          "get-small",
          "put-large",
          "get-large",
          "list",
          "list-delimiter",
          "multipart",
          "mixed");

  /**
   * Workloads that {@code all} leaves out: warp's mix, which {@code warp-mixed} runs on 10 MiB
   * objects (a preload of 2.5 GiB), and {@code warp-mixed-small} on 4 KiB.
   */
  public static final List<String> EXTRA = List.of("warp-mixed", "warp-mixed-small");

  public BenchSettings {
    serverPids = List.copyOf(serverPids);
  }

  /** Whether {@code name} is a workload of {@link #ALL} or {@link #EXTRA}. */
  public static boolean isWorkload(String name) {
    return ALL.contains(name) || EXTRA.contains(name);
  }

  long sizeOr(long fallback) {
    return size == null ? fallback : size;
  }

  int objectsOr(int fallback) {
    return objects == null ? fallback : objects;
  }

  int concurrencyOr(int fallback) {
    return concurrency == null ? fallback : concurrency;
  }
}
