package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a bucket's lifecycle sweep stands, saved after each batch so that a restarted server goes
 * on from there instead of starting the bucket again.
 *
 * @param bucketId the internal ID of the bucket (never reused, so a checkpoint cannot leak into a
 *     new bucket of the same name)
 * @param phase which listing the sweep is walking
 * @param keyMarker the last key handled (the listing resumes after it), null at the start
 * @param versionIdMarker with VERSIONS, the last version handled of {@code keyMarker} (null: all of
 *     it); with UPLOADS, the last upload ID handled
 * @param successorTime when the version after {@code versionIdMarker} became noncurrent (the
 *     creation of the version listed before it), null when the next version starts a key
 * @param newerNoncurrent how many noncurrent versions of {@code keyMarker} were kept so far
 * @param loneMarker the version ID of {@code keyMarker}'s current delete marker while nothing else
 *     kept of the key has been seen (an expired object delete marker candidate), else null
 * @param sweepStarted when the sweep of this bucket began
 */
public record LifecycleCheckpoint(
    String bucketId,
    Phase phase,
    @Nullable String keyMarker,
    @Nullable String versionIdMarker,
    @Nullable Instant successorTime,
    int newerNoncurrent,
    @Nullable String loneMarker,
    Instant sweepStarted) {

  /** The two walks of a sweep: every version of every key, then the in-progress uploads. */
  public enum Phase {
    VERSIONS,
    UPLOADS
  }

  /** A sweep of the bucket that has not listed anything yet. */
  public static LifecycleCheckpoint start(String bucketId, Instant now) {
    return new LifecycleCheckpoint(bucketId, Phase.VERSIONS, null, null, null, 0, null, now);
  }
}
