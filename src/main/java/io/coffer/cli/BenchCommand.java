package io.coffer.cli;

import io.coffer.bench.Bench;
import io.coffer.bench.BenchSettings;
import io.coffer.bench.Endpoint;
import io.coffer.bench.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer bench}: a load generator for any S3 endpoint. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Measures an S3 endpoint: ops/s, MB/s, latency percentiles and errors per workload.",
      "Workloads: put-small get-small put-large get-large list list-delimiter multipart mixed, all "
          + "(those eight), warp-mixed warp-mixed-small (warp's mix: 45%% GET, 30%% HEAD, 15%% PUT,"
          + " 10%% DELETE, on 10 MiB and 4 KiB objects), scale (listing and PUT speed as the bucket"
          + " grows to --preload keys)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--endpoint",
      defaultValue = "http://127.0.0.1:9000",
      description = "S3 endpoint (default ${DEFAULT-VALUE}).")
  String endpoint;

  @Option(
      names = "--access-key",
      defaultValue = "${env:AWS_ACCESS_KEY_ID}",
      description = "Access key (env AWS_ACCESS_KEY_ID).")
  String accessKey;

  @Option(
      names = "--secret-key",
      defaultValue = "${env:AWS_SECRET_ACCESS_KEY}",
      description =
          "Secret key (env AWS_SECRET_ACCESS_KEY, which keeps it out of the process list).")
  String secretKey;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Signing region (default ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--bucket",
      defaultValue = "coffer-bench",
      description =
          "Bucket to use; created if missing, emptied and deleted at the end unless --keep (default"
              + " ${DEFAULT-VALUE}).")
  String bucket;

  @Option(names = "--keep", description = "Leave the bucket and its objects in place.")
  boolean keep;

  @Option(
      names = "--workload",
      split = ",",
      defaultValue = "all",
      description = "Workloads to run, comma-separated (default ${DEFAULT-VALUE}).")
  List<String> workloads;

  @Option(
      names = "--size",
      description =
          "Object size for every selected workload, e.g. 4KiB, 64MiB (default: per workload).")
  String size;

  @Option(
      names = "--concurrency",
      description =
          "Concurrent requests for every selected workload; for multipart, parts in parallel"
              + " (default: per workload).")
  Integer concurrency;

  @Option(
      names = "--duration",
      defaultValue = "15s",
      description = "Measured time per workload (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--warmup",
      defaultValue = "3s",
      description = "Uncounted time before each measurement (default ${DEFAULT-VALUE}).")
  String warmup;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the results as JSON to FILE.")
  Path json;

  @Option(
      names = "--signed-payload",
      description =
          "Send each body's SHA-256 instead of UNSIGNED-PAYLOAD (the server then verifies it).")
  boolean signedPayload;

  @Option(
      names = "--client-threads",
      defaultValue = "1",
      description = "Event loop threads of the load generator (default ${DEFAULT-VALUE}).")
  int clientThreads;

  @Option(
      names = "--list-keys",
      defaultValue = "10000",
      description = "Keys the list workloads list (default ${DEFAULT-VALUE}).")
  int listKeys;

  @Option(
      names = "--list-prefixes",
      defaultValue = "100",
      description = "Prefixes those keys are spread over (default ${DEFAULT-VALUE}).")
  int listPrefixes;

  @Option(
      names = "--max-keys",
      defaultValue = "1000",
      description = "Listing page size (default ${DEFAULT-VALUE}).")
  int maxKeys;

  @Option(
      names = "--part-size",
      defaultValue = "8MiB",
      description = "Multipart part size (default ${DEFAULT-VALUE}).")
  String partSize;

  @Option(
      names = "--preload",
      defaultValue = "100000",
      description = "Keys the scale workload fills the bucket with (default ${DEFAULT-VALUE}).")
  long preload;

  @Option(
      names = "--versions",
      defaultValue = "0",
      description =
          "With the scale workload: compare listing --preload keys with listing the same keys in"
              + " a versioned bucket where each also has this many old versions (default"
              + " ${DEFAULT-VALUE}: the growth measurement instead).")
  int versions;

  @Option(names = "--no-progress", description = "No progress line on stderr.")
  boolean noProgress;

  @Option(
      names = "--plain-http",
      description =
          "The endpoint is a plain HTTP server (nginx WebDAV) used as a reference: no bucket is"
              + " created or deleted; run only put-* and get-*.")
  boolean plainHttp;

  @Option(
      names = "--bucket-policy",
      paramLabel = "FILE",
      description =
          "A bucket policy (JSON) to put on the bucket before the run, ${bucket} standing for its"
              + " name: what evaluating a policy costs each request.")
  @Nullable Path bucketPolicy;

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description =
          "PEM certificates to trust for an https:// endpoint (default: the JDK's trust store).")
  @Nullable Path caCert;

  @Option(
      names = "--sse",
      paramLabel = "MODE",
      description =
          "Send x-amz-server-side-encryption: MODE (AES256 or aws:kms) on every PutObject and"
              + " CreateMultipartUpload: what encryption at rest costs.")
  @Nullable String sse;

  @Option(
      names = "--versioning",
      description =
          "Enable versioning on the bucket before the run (it is then emptied version by version):"
              + " what versioning costs.")
  boolean versioning;

  @Option(
      names = "--server-pid",
      split = ",",
      paramLabel = "PID",
      description =
          "Server processes on this machine (Linux): their CPU time and their descendants' (e.g."
              + " nginx's workers), read from /proc over each measured window, is reported per"
              + " workload and per operation.")
  List<Long> serverPids = new ArrayList<>();

  @Option(
      names = "--objects",
      paramLabel = "N",
      description =
          "Objects put before a warp-mixed run (warp's --objects; default 250 for warp-mixed, 2500"
              + " for warp-mixed-small; at least twice the concurrency).")
  @Nullable Integer objects;

  @Override
  public Integer call() throws Exception {
    if (accessKey == null || secretKey == null) {
      System.err.println(
          "coffer bench: --access-key and --secret-key (or AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY) are needed.");
      return 2;
    }
    if (sse != null && !sse.equals("AES256") && !sse.equals("aws:kms")) {
      System.err.println("coffer bench: --sse is AES256 or aws:kms, not " + sse);
      return 2;
    }
    List<String> names = new ArrayList<>();
    for (String w : workloads) {
      if (w.equals("all")) {
        names.addAll(BenchSettings.ALL);
      } else if (w.equals("scale") || BenchSettings.isWorkload(w)) {
        names.add(w);
      } else {
        System.err.println("coffer bench: unknown workload " + w);
        return 2;
      }
    }
    BenchSettings settings =
        new BenchSettings(
            Endpoint.parse(endpoint, accessKey, secretKey, region),
            bucket,
            keep,
            names,
            size == null ? null : Units.parseSize(size),
            concurrency,
            Units.parseDuration(duration),
            Units.parseDuration(warmup),
            json,
            signedPayload,
            clientThreads,
            listKeys,
            listPrefixes,
            maxKeys,
            Units.parseSize(partSize),
            preload,
            versions,
            !noProgress,
            plainHttp,
            bucketPolicy == null
                ? null
                : Files.readString(bucketPolicy).replace("${bucket}", bucket),
            caCert,
            sse,
            versioning,
            serverPids,
            objects);
    var results = Bench.run(settings, System.out, System.err);
    return results.stream().anyMatch(r -> r.errors() > 0) ? 1 : 0;
  }
}
