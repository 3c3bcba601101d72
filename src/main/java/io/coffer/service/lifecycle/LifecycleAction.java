package io.coffer.service.lifecycle;

/** One thing a lifecycle sweep does, decided by {@link VersionWalk} or for an upload. */
sealed interface LifecycleAction {
  String ruleId();

  String key();

  /**
   * The current version expires: as a client's DeleteObject without a version ID (removed in an
   * unversioned bucket, hidden by a delete marker in a versioned one, replaced by a null marker in
   * a suspended one), provided the current version still has this ETag.
   */
  record ExpireCurrent(String ruleId, String key, String versionId, String etag)
      implements LifecycleAction {}

  /** A noncurrent version or delete marker is removed for good. */
  record RemoveNoncurrent(String ruleId, String key, String versionId, boolean deleteMarker)
      implements LifecycleAction {}

  /** An expired object delete marker (nothing left behind it) is removed for good. */
  record RemoveLoneMarker(String ruleId, String key, String versionId) implements LifecycleAction {}

  /** An incomplete multipart upload is aborted and its parts released. */
  record AbortUpload(String ruleId, String key, String uploadId) implements LifecycleAction {}
}
