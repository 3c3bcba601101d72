package io.coffer.model;

/**
 * A change refused because object lock protects the version: S3's AccessDenied, told apart from a
 * refusal by policy where the answer differs (the management API says "object_locked").
 */
public final class ObjectLockedException extends CofferException {
  public ObjectLockedException(String message) {
    super(ErrorCode.ACCESS_DENIED, message);
  }
}
