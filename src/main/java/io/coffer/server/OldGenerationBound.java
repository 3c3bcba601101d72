package io.coffer.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.util.Optional;
import javax.management.NotificationEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Serial collector's old generation from growing to the heap's maximum before it is ever
 * collected.
 *
 * <p>Serial (the launcher's default) collects its old generation only when it cannot grow any more,
 * so objects that live a while and then die (replaced object-cache entries, buffers of long
 * requests) pile up there until the whole of {@code -Xmx} is resident: under a long mixed load the
 * old generation reached 171 of a 256 MiB heap while 20 MiB of it was live. The JVM has a soft heap
 * limit for ZGC and Shenandoah only, so this is one: when the old generation's use crosses a
 * threshold, a full collection runs (75 ms measured, for 49 MiB in a 256 MiB heap), and the
 * threshold moves to twice what survived it, never below {@link #FLOOR}. Objects promoted after it
 * reuse the pages the collection compacted, so the resident heap stays near the threshold. Explicit
 * collections turned off ({@code -XX:+DisableExplicitGC}) turn this off too.
 */
public final class OldGenerationBound {
  private static final Logger log = LoggerFactory.getLogger(OldGenerationBound.class);

  /** The least threshold: below it a full collection would run too often to be worth its pause. */
  static final long FLOOR = 48L * 1024 * 1024;

  /** Serial's old generation in the memory pools the JVM reports. */
  static final String POOL = "Tenured Gen";

  private static boolean installed;

  private OldGenerationBound() {}

  /** Installs the bound if the JVM runs the Serial collector; once per JVM. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    Optional<MemoryPoolMXBean> found =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getName().equals(POOL) && pool.isUsageThresholdSupported())
            .findFirst();
    if (found.isEmpty()) {
      return;
    }
    MemoryPoolMXBean tenured = found.get();
    long max = tenured.getUsage().getMax();
    if (max <= 0) {
      return;
    }
    tenured.setUsageThreshold(threshold(0, max));
    ((NotificationEmitter) ManagementFactory.getMemoryMXBean())
        .addNotificationListener(
            (notification, handback) -> {
              if (notification.getType().equals(MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED)) {
                collect(tenured, max);
              }
            },
            null,
            null);
    installed = true;
    log.debug("old generation bound at {} of {} bytes", tenured.getUsageThreshold(), max);
  }

  private static void collect(MemoryPoolMXBean tenured, long max) {
    System.gc();
    long survived = tenured.getUsage().getUsed();
    tenured.setUsageThreshold(threshold(survived, max));
  }

  /**
   * The use of the old generation at which the next full collection runs: twice what survived the
   * last one, at least {@link #FLOOR}, and below {@code max} (at it, Serial collects by itself).
   */
  static long threshold(long survived, long max) {
    return Math.min(Math.max(FLOOR, 2 * survived), max - 1);
  }
}
