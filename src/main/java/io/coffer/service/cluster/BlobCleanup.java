package io.coffer.service.cluster;

import io.coffer.blob.BlobIdSet;
import io.coffer.blob.BlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.ReleasedBlob;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blob files on a volume several nodes share, run by one node at a time (under a lease, see
 * {@link LeasedWork}): the files the metadata store released (overwritten, deleted, aborted) once
 * the grace period has passed since their release, so that a GET still reading one on another node
 * is never cut off; and, less often, orphans — files older than the grace period that nothing
 * refers to (a node died between writing a blob and committing it, or in a bucket's deletion).
 */
public final class BlobCleanup implements LeasedWork.Work {
  private static final Logger log = LoggerFactory.getLogger(BlobCleanup.class);
  static final int BATCH = 1000;

  private final MetadataStore store;
  private final BlobStore blobs;
  private final Clock clock;
  private final Duration grace;
  private final Duration orphanInterval;
  private @Nullable ScheduledExecutorService timer; // guarded by this
  // Since the server started, for /metrics.
  private final AtomicLong releasedDeleted = new AtomicLong();
  private final AtomicLong orphansDeleted = new AtomicLong();
  private final AtomicLong orphanSweeps = new AtomicLong();
  private final AtomicLong failedRuns = new AtomicLong();

  /**
   * @param grace how long a released file stays (and how old an orphan must be)
   * @param orphanInterval how often the orphan sweep (which reads every blob reference) runs
   */
  public BlobCleanup(
      MetadataStore store, BlobStore blobs, Clock clock, Duration grace, Duration orphanInterval) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
    this.grace = grace;
    this.orphanInterval = orphanInterval;
  }

  /** Released files are looked at every quarter of the grace period, at most once a minute. */
  Duration releasedInterval() {
    long quarter = grace.toMillis() / 4;
    return Duration.ofMillis(Math.max(1_000, Math.min(quarter, 60_000)));
  }

  @Override
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("coffer-blob-clean-up").daemon().factory());
    long released = releasedInterval().toMillis();
    var unused =
        t.scheduleWithFixedDelay(
            () -> quietly("released files", this::deleteReleased),
            released,
            released,
            TimeUnit.MILLISECONDS);
    // The first orphan sweep one grace period after this node took the work: files a node killed
    // mid-write left behind are then old enough to go, without waiting for the next interval.
    long orphans = orphanInterval.toMillis();
    var unused2 =
        t.scheduleWithFixedDelay(
            () -> quietly("orphan files", this::deleteOrphans),
            Math.min(grace.toMillis(), orphans),
            orphans,
            TimeUnit.MILLISECONDS);
    timer = t;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService t = timer;
    timer = null;
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private interface Step {
    int run() throws IOException;
  }

  private void quietly(String what, Step step) {
    try {
      int removed = step.run();
      if (removed > 0) {
        log.info("clean-up: deleted {} {}", removed, what);
      }
    } catch (IOException | RuntimeException e) {
      failedRuns.incrementAndGet();
      log.warn("clean-up of {} failed, trying again later: {}", what, e.toString());
    }
  }

  /** Released files deleted once their grace period had passed. */
  public long releasedDeleted() {
    return releasedDeleted.get();
  }

  /** Files deleted because nothing referred to them. */
  public long orphansDeleted() {
    return orphansDeleted.get();
  }

  /** Orphan sweeps run to their end. */
  public long orphanSweeps() {
    return orphanSweeps.get();
  }

  /** Runs of either kind that failed (the database or the volume), each retried later. */
  public long failedRuns() {
    return failedRuns.get();
  }

  /**
   * Deletes the files released more than the grace period ago, then forgets them.
   *
   * @return how many
   */
  public int deleteReleased() {
    Instant before = clock.instant().minus(grace);
    int deleted = 0;
    while (!Thread.currentThread().isInterrupted()) {
      List<ReleasedBlob> batch = store.releasedBlobs(before, BATCH);
      Map<String, List<String>> byBucket = new LinkedHashMap<>();
      for (ReleasedBlob blob : batch) {
        byBucket.computeIfAbsent(blob.bucketId(), b -> new ArrayList<>()).add(blob.blobId());
      }
      // A missing file (deleted with its bucket, or by an earlier run that could not forget it)
      // is no error: release deletes what is there.
      byBucket.forEach(blobs::release);
      store.forgetReleasedBlobs(batch);
      deleted += batch.size();
      releasedDeleted.addAndGet(batch.size());
      if (batch.size() < BATCH) {
        break;
      }
    }
    return deleted;
  }

  /**
   * Deletes files older than the grace period that no object, version, part or released blob refers
   * to. The references are read before the files are listed: a file referred to then is kept; one
   * released since is kept by the released list, read after.
   *
   * @return how many
   */
  public int deleteOrphans() throws IOException {
    Instant cutoff = clock.instant().minus(grace);
    BlobIdSet referenced = new BlobIdSet();
    store.forEachReferencedBlob(referenced::add);
    for (ReleasedBlob blob :
        store.releasedBlobs(Instant.ofEpochMilli(Long.MAX_VALUE), Integer.MAX_VALUE)) {
      referenced.add(blob.blobId());
    }
    Set<String> liveBuckets = new HashSet<>();
    for (Bucket bucket : store.listBuckets()) {
      liveBuckets.add(bucket.id());
    }
    int deleted = blobs.collectOldGarbage(liveBuckets, referenced, cutoff);
    orphansDeleted.addAndGet(deleted);
    orphanSweeps.incrementAndGet();
    return deleted;
  }
}
