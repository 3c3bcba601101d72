package io.coffer.bench;

import java.lang.management.ManagementFactory;

/** This process's CPU time, to report what the load generator itself costs. */
final class CpuClock {
  private CpuClock() {}

  /** Nanoseconds of CPU this process has used on all its threads, or -1 if unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
  }
}
