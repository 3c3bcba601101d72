package io.coffer.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results as a table for people and as JSON for scripts (bench/compare.sh reads it). */
final class Report {
  private Report() {}

  static void printTable(PrintStream out, List<WorkloadResult> results) {
    boolean server = results.stream().anyMatch(r -> r.serverCpuCores() != null);
    out.printf(
        "%-18s %4s %9s %10s %9s %11s %9s %9s %9s %9s %7s %8s" + (server ? " %8s %10s" : "") + "%n",
        "workload",
        "conc",
        "size",
        "ops/s",
        "MB/s",
        "items/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "errors",
        "cli cpu",
        "srv cpu",
        "srv us/op");
    for (WorkloadResult r : results) {
      out.printf(
          "%-18s %4d %9s %10.1f %9.1f %11.0f %9.2f %9.2f %9.2f %9.2f %7d %7.0f%%",
          r.workload(),
          r.concurrency(),
          Units.formatSize(r.objectSize()),
          r.opsPerSec(),
          r.mbPerSec(),
          r.itemsPerSec(),
          r.p50Ms(),
          r.p90Ms(),
          r.p99Ms(),
          r.maxMs(),
          r.errors(),
          r.clientCpuCores() * 100);
      if (server) {
        Double cores = r.serverCpuCores();
        Double perOp = r.serverCpuMicrosPerOp();
        out.printf(
            " %8s %10s",
            cores == null ? "-" : String.format("%.0f%%", cores * 100),
            perOp == null ? "-" : String.format("%.1f", perOp));
      }
      out.println();
      // the kinds of a mixed workload, each on its own line under it (share of the operations in
      // the size column)
      for (OperationResult o : r.operations()) {
        out.printf(
            "  %-16s %4s %8.1f%% %10.1f %9.1f %11s %9.2f %9.2f %9.2f %9.2f %7d%n",
            o.operation(),
            "",
            o.share() * 100,
            o.opsPerSec(),
            o.mbPerSec(),
            "",
            o.p50Ms(),
            o.p90Ms(),
            o.p99Ms(),
            o.maxMs(),
            o.errors());
      }
    }
    out.println(
        "cli cpu: the load generator's own CPU time / wall time (100% = one core of "
            + Runtime.getRuntime().availableProcessors()
            + ")."
            + (server
                ? " srv cpu: the server's (--server-pid and its descendants, from /proc), and its"
                    + " CPU time per operation in microseconds."
                : ""));
    if (results.stream().anyMatch(r -> !r.operations().isEmpty())) {
      out.println(
          "Indented rows: each kind of operation of a mixed workload; the size column holds its"
              + " share of the operations.");
    }
  }

  static void writeJson(
      Path file,
      BenchSettings settings,
      Instant started,
      List<WorkloadResult> results,
      List<String> notes)
      throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("tool", "coffer bench");
    document.put("endpoint", settings.endpoint().toString());
    document.put("startedAt", started.toString());
    document.put("cores", Runtime.getRuntime().availableProcessors());
    document.put("durationSeconds", settings.duration().toMillis() / 1000.0);
    document.put("warmupSeconds", settings.warmup().toMillis() / 1000.0);
    document.put("signedPayload", settings.signedPayload());
    document.put("sse", settings.sse() == null ? "none" : settings.sse());
    document.put("versioning", settings.versioning());
    document.put("bucketPolicy", settings.bucketPolicy() != null);
    document.put("serverPids", settings.serverPids());
    document.put("results", results);
    document.put("notes", notes);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValue(file.toFile(), document);
  }
}
