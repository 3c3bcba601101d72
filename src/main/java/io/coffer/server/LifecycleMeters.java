package io.coffer.server;

import io.coffer.service.lifecycle.LifecycleMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The lifecycle worker's counters in {@code /metrics} ({@code coffer_lifecycle_*_total}). */
final class LifecycleMeters {
  private LifecycleMeters() {}

  static void register(MeterRegistry registry, LifecycleMetrics metrics) {
    counter(
        registry,
        metrics,
        "objects.expired",
        "Current versions expired by lifecycle rules",
        LifecycleMetrics::objectsExpired);
    counter(
        registry,
        metrics,
        "versions.removed",
        "Noncurrent versions removed by lifecycle rules",
        LifecycleMetrics::versionsRemoved);
    counter(
        registry,
        metrics,
        "delete.markers.removed",
        "Delete markers removed by lifecycle rules",
        LifecycleMetrics::deleteMarkersRemoved);
    counter(
        registry,
        metrics,
        "uploads.aborted",
        "Incomplete multipart uploads aborted by lifecycle rules",
        LifecycleMetrics::uploadsAborted);
    counter(
        registry,
        metrics,
        "locked.skipped",
        "Versions a lifecycle rule would remove that object lock protects",
        LifecycleMetrics::lockedSkipped);
    counter(
        registry,
        metrics,
        "versions.scanned",
        "Versions and delete markers the lifecycle sweeps looked at",
        LifecycleMetrics::versionsScanned);
    counter(
        registry,
        metrics,
        "uploads.scanned",
        "Multipart uploads the lifecycle sweeps looked at",
        LifecycleMetrics::uploadsScanned);
    counter(
        registry,
        metrics,
        "bucket.sweeps",
        "Lifecycle sweeps of one bucket run to their end",
        LifecycleMetrics::bucketSweepsCompleted);
    counter(
        registry,
        metrics,
        "sweeps",
        "Lifecycle sweeps over every bucket run to their end",
        LifecycleMetrics::sweepsCompleted);
  }

  private static void counter(
      MeterRegistry registry,
      LifecycleMetrics metrics,
      String name,
      String description,
      ToDoubleFunction<LifecycleMetrics> value) {
    FunctionCounter.builder("coffer.lifecycle." + name, metrics, value)
        .description(description)
        .register(registry);
  }
}
