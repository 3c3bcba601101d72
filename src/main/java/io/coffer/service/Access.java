package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The one access decision: every service method asks it, with the caller, the action and the bucket
 * acted on, before it touches anything. Today's rule is ownership (a credential uses only the
 * buckets it owns, the administrator every bucket); a policy engine replaces this method's body,
 * and no service changes.
 */
final class Access {
  private Access() {}

  /**
   * Fails with ACCESS_DENIED unless {@code caller} may do {@code action} on a bucket.
   *
   * @param bucket the bucket's name, or null for an action on the caller's list of buckets
   * @param ownerId the ID of the credential that owns the bucket (or would own it, for
   *     CreateBucket, or whose buckets are listed)
   */
  static void require(Caller caller, Action action, @Nullable String bucket, long ownerId) {
    if (!allows(caller, action, bucket, ownerId)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  /** Whether {@code caller} may do {@code action}; see {@link #require}. */
  static boolean allows(Caller caller, Action action, @Nullable String bucket, long ownerId) {
    return switch (caller) {
      case Caller.Admin admin -> true;
      case Caller.User user -> user.id() == ownerId;
    };
  }
}
