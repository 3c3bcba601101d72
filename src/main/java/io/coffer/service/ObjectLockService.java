package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.KeyVersion;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectLockedException;
import io.coffer.model.ObjectMeta;
import io.coffer.model.RetentionMode;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Retention and legal holds of object versions, with S3's rules: COMPLIANCE retention can be
 * extended, never shortened or removed; GOVERNANCE retention can be shortened or removed only with
 * a bypass the caller is allowed. Judged by the server's clock.
 */
public final class ObjectLockService {
  private final MetadataStore store;
  private final BucketService buckets;
  private final Clock clock;

  public ObjectLockService(MetadataStore store, BucketService buckets, Clock clock) {
    this.store = store;
    this.buckets = buckets;
    this.clock = clock;
  }

  /** The lock of a version ({@code versionId} null: the current one). */
  public ObjectLock lock(
      Caller caller, String bucket, String key, @Nullable String versionId, Action action) {
    requireLockEnabled(buckets.requireRef(caller, bucket, action, key));
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    KeyVersion version =
        store
            .findVersion(bucket, key, versionId)
            .orElseThrow(
                () ->
                    new CofferException(
                        versionId == null ? ErrorCode.NO_SUCH_KEY : ErrorCode.NO_SUCH_VERSION));
    return switch (version) {
      case ObjectMeta meta -> meta.lock();
      case DeleteMarker marker -> throw marker.notAllowed();
    };
  }

  /**
   * Sets (or, with {@code mode} null, removes) a version's retention.
   *
   * @param bypassGovernance whether the request asks to bypass GOVERNANCE retention (honoured only
   *     for a caller allowed to)
   */
  public ObjectMeta putRetention(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      @Nullable RetentionMode mode,
      @Nullable Instant retainUntil,
      boolean bypassGovernance) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_OBJECT_RETENTION, key);
    requireLockEnabled(ref);
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    if ((mode == null) != (retainUntil == null)) {
      throw new CofferException(
          ErrorCode.MALFORMED_XML, "A retention needs both a Mode and a RetainUntilDate.");
    }
    Instant now = clock.instant();
    if (retainUntil != null && !retainUntil.isAfter(now)) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "The retain until date must be in the future!");
    }
    boolean bypass =
        bypassGovernance
            && buckets.allows(caller, Action.BYPASS_GOVERNANCE_RETENTION, bucket, ref, key);
    return store.updateLock(
        bucket,
        key,
        versionId,
        current -> {
          requireAllowedChange(current, mode, retainUntil, now, bypass);
          return current.withRetention(mode, retainUntil);
        });
  }

  /** Sets or clears a version's legal hold. */
  public ObjectMeta putLegalHold(
      Caller caller, String bucket, String key, @Nullable String versionId, boolean on) {
    requireLockEnabled(buckets.requireRef(caller, bucket, Action.PUT_OBJECT_LEGAL_HOLD, key));
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    return store.updateLock(
        bucket,
        key,
        versionId,
        current -> current.withLegalHold(on ? LegalHold.ON : LegalHold.OFF));
  }

  /**
   * A running retention may be extended, or changed from GOVERNANCE to COMPLIANCE; anything that
   * weakens it needs GOVERNANCE mode and a permitted bypass.
   */
  static void requireAllowedChange(
      ObjectLock current,
      @Nullable RetentionMode mode,
      @Nullable Instant retainUntil,
      Instant now,
      boolean bypass) {
    if (!current.retainedAt(now)) {
      return;
    }
    boolean weakens =
        mode == null
            || retainUntil == null
            || retainUntil.isBefore(current.retainUntil())
            || (current.mode() == RetentionMode.COMPLIANCE && mode == RetentionMode.GOVERNANCE);
    if (!weakens) {
      return;
    }
    if (current.mode() == RetentionMode.COMPLIANCE || !bypass) {
      throw new ObjectLockedException("Access Denied because object protected by object lock.");
    }
  }

  private static void requireLockEnabled(BucketRef bucket) {
    if (!bucket.objectLock()) {
      throw new CofferException(ErrorCode.INVALID_REQUEST, ObjectLocks.MISSING_CONFIGURATION);
    }
  }
}
