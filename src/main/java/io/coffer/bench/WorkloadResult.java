package io.coffer.bench;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The measured window of one workload.
 *
 * @param mbPerSec object bytes per second in MB (10^6 bytes)
 * @param itemsPerSec keys plus common prefixes listed per second (list workloads)
 * @param clientCpuCores the load generator's process CPU time over the window's wall time: 1.0 is
 *     one core fully busy (includes the server when it runs in the same JVM, as in tests)
 * @param serverCpuCores the server's CPU time over the window's wall time, from {@code
 *     /proc/<pid>/stat} of the {@code --server-pid} processes and their descendants; null when no
 *     server process was given
 * @param serverCpuMicrosPerOp the server's CPU time in the window per completed operation, in
 *     microseconds; null when no server process was given
 * @param operations each kind of operation of a mixed workload on its own (empty otherwise)
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
    double clientCpuCores,
    @Nullable Double serverCpuCores,
    @Nullable Double serverCpuMicrosPerOp,
    List<OperationResult> operations) {

  /**
   * @param serverCpuNanos the server's CPU time in the window, or -1 when not measured
   */
  static WorkloadResult of(
      Workload workload, Meter.Totals totals, long wallNanos, long cpuNanos, long serverCpuNanos) {
    double seconds = wallNanos / 1e9;
    Histogram h = totals.latencyMicros();
    List<OperationResult> operations = new ArrayList<>();
    totals
        .operations()
        .forEach(
            (kind, t) ->
                operations.add(
                    new OperationResult(
                        kind,
                        t.ops(),
                        t.ops() / seconds,
                        totals.ops() == 0 ? 0 : (double) t.ops() / totals.ops(),
                        t.bytes(),
                        t.bytes() / 1e6 / seconds,
                        millis(t.latencyMicros(), 50),
                        millis(t.latencyMicros(), 90),
                        millis(t.latencyMicros(), 99),
                        maxMillis(t.latencyMicros()),
                        t.errors())));
    boolean server = serverCpuNanos >= 0;
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
        maxMillis(h),
        totals.errors(),
        cpuNanos < 0 ? -1 : (double) cpuNanos / wallNanos,
        server ? (double) serverCpuNanos / wallNanos : null,
        server && totals.ops() > 0 ? serverCpuNanos / 1000.0 / totals.ops() : null,
        List.copyOf(operations));
  }

  private static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double maxMillis(Histogram h) {
    return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
  }
}
