package io.coffer.service.lifecycle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the lifecycle worker has done since the server started, for {@code /metrics} (the server
 * registers these counters with its meter registry).
 */
public final class LifecycleMetrics {
  final AtomicLong objectsExpired = new AtomicLong();
  final AtomicLong versionsRemoved = new AtomicLong();
  final AtomicLong deleteMarkersRemoved = new AtomicLong();
  final AtomicLong uploadsAborted = new AtomicLong();
  final AtomicLong lockedSkipped = new AtomicLong();
  final AtomicLong versionsScanned = new AtomicLong();
  final AtomicLong uploadsScanned = new AtomicLong();
  final AtomicLong bucketSweepsCompleted = new AtomicLong();
  final AtomicLong sweepsCompleted = new AtomicLong();

  /** Current versions expired (removed, or hidden behind a delete marker). */
  public long objectsExpired() {
    return objectsExpired.get();
  }

  /** Noncurrent versions (and noncurrent delete markers) removed for good. */
  public long versionsRemoved() {
    return versionsRemoved.get();
  }

  /** Expired object delete markers removed. */
  public long deleteMarkersRemoved() {
    return deleteMarkersRemoved.get();
  }

  public long uploadsAborted() {
    return uploadsAborted.get();
  }

  /** Versions a rule would have removed that object lock (retention or legal hold) protects. */
  public long lockedSkipped() {
    return lockedSkipped.get();
  }

  /** Versions and delete markers the sweeps have looked at (progress). */
  public long versionsScanned() {
    return versionsScanned.get();
  }

  /** Uploads the sweeps have looked at (progress). */
  public long uploadsScanned() {
    return uploadsScanned.get();
  }

  /** Buckets whose sweep has run to its end. */
  public long bucketSweepsCompleted() {
    return bucketSweepsCompleted.get();
  }

  /** Sweeps over every bucket with a lifecycle configuration that have run to their end. */
  public long sweepsCompleted() {
    return sweepsCompleted.get();
  }
}
