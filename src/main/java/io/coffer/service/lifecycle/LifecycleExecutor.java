package io.coffer.service.lifecycle;

import io.coffer.blob.BlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.model.CofferException;
import io.coffer.model.EventName;
import io.coffer.model.Part;
import io.coffer.model.WritePrecondition;
import io.coffer.service.EventDrafts;
import io.coffer.service.VersionIds;
import io.coffer.service.lifecycle.LifecycleAction.AbortUpload;
import io.coffer.service.lifecycle.LifecycleAction.ExpireCurrent;
import io.coffer.service.lifecycle.LifecycleAction.RemoveLoneMarker;
import io.coffer.service.lifecycle.LifecycleAction.RemoveNoncurrent;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out lifecycle actions through the same store operations as a client's DeleteObject and
 * AbortMultipartUpload, so counters stay exact and the blobs are released the same way. The store
 * refuses to remove a version object lock protects (no bypass): such an action is counted as
 * skipped. An action whose target has changed or gone meanwhile does nothing. Each removal reports
 * s3:LifecycleExpiration:Delete (the store makes it DeleteMarkerCreated when it adds a marker).
 */
final class LifecycleExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleExecutor.class);

  /** What became of one action. */
  enum Outcome {
    /** Carried out. */
    DONE,
    /** The target was already gone (e.g. removed before a crash): nothing left to do. */
    GONE,
    /** The target changed meanwhile (a new current version): left alone. */
    CHANGED,
    /** Object lock protects the version: left alone. */
    LOCKED
  }

  private final MetadataStore store;
  private final BlobStore blobs;
  private final Clock clock;
  private final LifecycleMetrics metrics;

  LifecycleExecutor(MetadataStore store, BlobStore blobs, Clock clock, LifecycleMetrics metrics) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
    this.metrics = metrics;
  }

  Outcome run(String bucket, String bucketId, LifecycleAction action) {
    try {
      return switch (action) {
        case ExpireCurrent e -> expire(bucket, bucketId, e);
        case RemoveNoncurrent r -> remove(bucket, bucketId, r.key(), r.versionId(), r.ruleId());
        case RemoveLoneMarker m -> remove(bucket, bucketId, m.key(), m.versionId(), m.ruleId());
        case AbortUpload a -> abort(bucketId, a);
      };
    } catch (CofferException e) {
      return switch (e.code()) {
        case ACCESS_DENIED -> {
          metrics.lockedSkipped.incrementAndGet();
          LOG.debug("lifecycle: {}/{} is protected by object lock", bucket, action.key());
          yield Outcome.LOCKED;
        }
        case NO_SUCH_VERSION, NO_SUCH_UPLOAD, NO_SUCH_BUCKET -> Outcome.GONE;
        case PRECONDITION_FAILED, NO_SUCH_KEY -> Outcome.CHANGED;
        default -> throw e;
      };
    }
  }

  private Outcome expire(String bucket, String bucketId, ExpireCurrent e) {
    Deleted deleted =
        store.deleteObject(
            bucket,
            e.key(),
            null,
            new WritePrecondition(e.etag(), false),
            VersionIds.next(),
            clock.instant(),
            false,
            EventDrafts.lifecycle(EventName.LIFECYCLE_EXPIRATION_DELETE));
    blobs.release(bucketId, deleted.removed().releasedBlobs());
    metrics.objectsExpired.incrementAndGet();
    LOG.debug("lifecycle: rule {} expired {}/{}", e.ruleId(), bucket, e.key());
    return Outcome.DONE;
  }

  private Outcome remove(
      String bucket, String bucketId, String key, String versionId, String ruleId) {
    Deleted deleted =
        store.deleteObject(
            bucket,
            key,
            versionId,
            WritePrecondition.NONE,
            VersionIds.next(),
            clock.instant(),
            false,
            EventDrafts.lifecycle(EventName.LIFECYCLE_EXPIRATION_DELETE));
    blobs.release(bucketId, deleted.removed().releasedBlobs());
    if (deleted.deleteMarker()) {
      metrics.deleteMarkersRemoved.incrementAndGet();
    } else {
      metrics.versionsRemoved.incrementAndGet();
    }
    LOG.debug("lifecycle: rule {} removed {}/{} version {}", ruleId, bucket, key, versionId);
    return Outcome.DONE;
  }

  private Outcome abort(String bucketId, AbortUpload a) {
    List<Part> parts = store.abortUpload(a.uploadId());
    blobs.release(bucketId, parts.stream().map(Part::blobId).toList());
    metrics.uploadsAborted.incrementAndGet();
    return Outcome.DONE;
  }

  static boolean isGone(Outcome outcome) {
    return outcome == Outcome.DONE || outcome == Outcome.GONE;
  }
}
