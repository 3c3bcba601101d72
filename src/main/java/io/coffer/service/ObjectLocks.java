package io.coffer.service;

import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectLock;
import java.time.Instant;

/** The lock a new version gets: what its write asked for, else the bucket's default retention. */
final class ObjectLocks {
  static final String MISSING_CONFIGURATION = "Bucket is missing Object Lock Configuration";

  private ObjectLocks() {}

  static ObjectLock forNewVersion(BucketRef bucket, ObjectLock requested, Instant now) {
    if (!bucket.objectLock()) {
      if (!requested.equals(ObjectLock.NONE)) {
        throw new CofferException(ErrorCode.INVALID_REQUEST, MISSING_CONFIGURATION);
      }
      return ObjectLock.NONE;
    }
    if (requested.mode() != null) {
      if (requested.retainUntil() == null || !requested.retainUntil().isAfter(now)) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT, "The retain until date must be in the future!");
      }
      return requested;
    }
    DefaultRetention rule = bucket.defaultRetention();
    return rule == null ? requested : requested.withRetention(rule.mode(), rule.retainUntil(now));
  }
}
