package io.coffer.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The load generator behind {@code coffer bench}: creates the bucket if needed, runs the chosen
 * workloads one after another, prints the table, writes the JSON, and removes the bucket unless
 * asked to keep it.
 */
public final class Bench {
  private static final int FEW_OPS = 10;

  private Bench() {}

  /** Runs the benchmark; the table goes to {@code out}, progress and errors to {@code log}. */
  public static List<WorkloadResult> run(BenchSettings settings, PrintStream out, PrintStream log)
      throws Exception {
    Instant started = Instant.now();
    List<WorkloadResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (Connections connections =
            new Connections(settings.endpoint(), settings.clientThreads(), settings.caCert());
        Payload payload = new Payload(payloadSize(settings))) {
      S3Calls calls =
          new S3Calls(
              new RequestFactory(settings.endpoint(), payload, settings.signedPayload()),
              settings.bucket(),
              settings.sse() == null
                  ? Map.of()
                  : Map.of("x-amz-server-side-encryption", settings.sse()));
      if (settings.endpoint().secure()) {
        log.println("TLS client engine: " + connections.tlsEngine());
      }
      BenchContext context = new BenchContext(settings, calls, connections, log);
      if (!settings.plainHttp()) {
        createBucket(calls, connections);
        if (settings.versioning()) {
          enableVersioning(calls, connections);
        }
        if (settings.bucketPolicy() != null) {
          putBucketPolicy(calls, connections, settings.bucketPolicy());
        }
      }
      try {
        Driver driver = new Driver(context);
        for (String name : settings.workloads()) {
          if (name.equals("scale")) {
            List<WorkloadResult> scale = ScaleMode.run(context, driver);
            results.addAll(scale);
            notes.addAll(ScaleMode.ratios(scale));
          } else {
            WorkloadResult result = driver.run(Workloads.create(name, settings, calls));
            results.add(result);
            if (result.ops() < FEW_OPS) {
              notes.add(
                  name
                      + ": only "
                      + result.ops()
                      + " operations completed in the window; "
                      + "a longer --duration gives steadier figures");
            }
          }
        }
      } finally {
        if (!settings.keep() && !settings.plainHttp()) {
          if (settings.versioning()) {
            BucketCleaner.deleteVersionedBucket(calls, connections);
          } else {
            BucketCleaner.deleteBucket(calls, connections);
          }
        }
      }
    }
    Report.printTable(out, results);
    notes.forEach(out::println);
    if (settings.json() != null) {
      Report.writeJson(settings.json(), settings, started, results, notes);
    }
    return results;
  }

  private static long payloadSize(BenchSettings s) {
    long max = 0;
    S3Calls none = new S3Calls(null, s.bucket());
    for (String name : s.workloads()) {
      if (name.equals("scale")) {
        max = Math.max(max, s.sizeOr(Workloads.SMALL));
      } else {
        Workload w = Workloads.create(name, s, none);
        max = Math.max(max, w instanceof MultipartWorkload m ? m.partSize() : w.objectSize());
      }
    }
    return max;
  }

  private static void putBucketPolicy(S3Calls calls, Connections connections, String policy)
      throws Exception {
    try (Connection c = connections.open()) {
      Response response = calls.putBucketPolicy(c, policy).get(60, TimeUnit.SECONDS);
      if (!response.ok()) {
        throw new IllegalStateException(
            "PutBucketPolicy " + calls.bucket() + " failed: " + response.describe());
      }
    }
  }

  private static void enableVersioning(S3Calls calls, Connections connections) throws Exception {
    try (Connection c = connections.open()) {
      Response response = calls.enableVersioning(c).get(60, TimeUnit.SECONDS);
      if (!response.ok()) {
        throw new IllegalStateException(
            "PutBucketVersioning " + calls.bucket() + " failed: " + response.describe());
      }
    }
  }

  private static void createBucket(S3Calls calls, Connections connections) throws Exception {
    try (Connection c = connections.open()) {
      Response response = calls.createBucket(c).get(60, TimeUnit.SECONDS);
      // An existing bucket of ours is reused (a kept bucket, a second run).
      if (!response.ok() && !response.describe().contains("BucketAlreadyOwnedByYou")) {
        throw new IllegalStateException(
            "CreateBucket " + calls.bucket() + " failed: " + response.describe());
      }
    }
  }
}
