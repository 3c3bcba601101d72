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
    out.printf(
        "%-18s %4s %9s %10s %9s %11s %9s %9s %9s %9s %7s %8s%n",
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
        "cli cpu");
    for (WorkloadResult r : results) {
      out.printf(
          "%-18s %4d %9s %10.1f %9.1f %11.0f %9.2f %9.2f %9.2f %9.2f %7d %7.0f%%%n",
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
    }
    out.println(
        "cli cpu: the load generator's own CPU time / wall time (100% = one core of "
            + Runtime.getRuntime().availableProcessors()
            + ").");
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
