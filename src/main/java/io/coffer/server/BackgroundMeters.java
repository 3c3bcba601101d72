package io.coffer.server;

import io.coffer.service.cluster.BlobCleanup;
import io.coffer.service.cluster.LeasedWork;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Background work in {@code /metrics} beside the lifecycle's ({@link LifecycleMeters}) and the
 * notification targets' ({@link NotificationMeters}) own counters: which work this node runs (with
 * several nodes each piece runs on the one holding its lease), and the blob clean-up of nodes
 * sharing a volume.
 */
final class BackgroundMeters {
  private BackgroundMeters() {}

  /** {@code coffer_background_lease_held{work="..."}}: 1 while this node runs the work. */
  static void leases(MeterRegistry registry, List<LeasedWork> work) {
    for (LeasedWork lease : work) {
      Gauge.builder("coffer.background.lease.held", lease, l -> l.held() ? 1 : 0)
          .tag("work", lease.name())
          .description(
              "1 while this node holds the work's lease and runs it, 0 while another node does")
          .register(registry);
    }
  }

  /** {@code coffer_blob_cleanup_*_total}, counted on the node that ran the clean-up. */
  static void blobCleanup(MeterRegistry registry, BlobCleanup cleanup) {
    counter(
        registry,
        cleanup,
        "released.deleted",
        "Files of overwritten or deleted objects deleted once their grace period had passed",
        BlobCleanup::releasedDeleted);
    counter(
        registry,
        cleanup,
        "orphans.deleted",
        "Files nothing referred to, deleted by the orphan sweep",
        BlobCleanup::orphansDeleted);
    counter(
        registry,
        cleanup,
        "orphan.sweeps",
        "Orphan sweeps run to their end",
        BlobCleanup::orphanSweeps);
    counter(
        registry,
        cleanup,
        "failed.runs",
        "Clean-up runs that failed and were left for the next one",
        BlobCleanup::failedRuns);
  }

  private static void counter(
      MeterRegistry registry,
      BlobCleanup cleanup,
      String name,
      String description,
      ToDoubleFunction<BlobCleanup> value) {
    FunctionCounter.builder("coffer.blob.cleanup." + name, cleanup, value)
        .description(description)
        .register(registry);
  }
}
