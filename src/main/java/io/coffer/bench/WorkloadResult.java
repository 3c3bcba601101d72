package io.coffer.bench;

import org.HdrHistogram.Histogram;

/**
 * The measured window of one workload.
 *
 * @param mbPerSec object bytes per second in MB (10^6 bytes)
 * @param itemsPerSec keys plus common prefixes listed per second (list workloads)
 * @param clientCpuCores the load generator's process CPU time over the window's wall time: 1.0 is
 *     one core fully busy (includes the server when it runs in the same JVM, as in tests)
 */
public record WorkloadResult(
    String workload,
    int concurrency,
    long objectSize,
    double seconds,
    long ops,
    double opsPerSec,
    long bytes,
    double mbPerSec,
    double itemsPerSec,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    long errors,
    double clientCpuCores) {

  static WorkloadResult of(Workload workload, Meter.Totals totals, long wallNanos, long cpuNanos) {
    double seconds = wallNanos / 1e9;
    Histogram h = totals.latencyMicros();
    return new WorkloadResult(
        workload.name(),
        workload.concurrency() * workload.connectionsPerWorker(),
        workload.objectSize(),
        seconds,
        totals.ops(),
        totals.ops() / seconds,
        totals.bytes(),
        totals.bytes() / 1e6 / seconds,
        totals.items() / seconds,
        millis(h, 50),
        millis(h, 90),
        millis(h, 99),
        h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0,
        totals.errors(),
        cpuNanos < 0 ? -1 : (double) cpuNanos / wallNanos);
  }

  private static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
