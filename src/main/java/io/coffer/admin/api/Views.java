package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketBodies;
import io.coffer.admin.api.body.EncryptionBodies;
import io.coffer.admin.api.body.ObjectBodies;
import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.Encryption;
import io.coffer.model.ListedObject;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectLock;
import io.coffer.service.CredentialService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Model records in the specification's shapes. */
final class Views {
  private Views() {}

  static BucketBodies.Summary bucket(Bucket bucket, @Nullable String owner) {
    return new BucketBodies.Summary(
        bucket.name(),
        bucket.region(),
        owner,
        Formats.time(bucket.createdAt()),
        bucket.objectCount(),
        bucket.totalSize(),
        Formats.size(bucket.totalSize()),
        bucket.versioning().status(),
        bucket.objectLock(),
        bucket.features().quotaBytes());
  }

  /** Buckets with their owners' user names, looked up once for the whole list. */
  static List<BucketBodies.Summary> buckets(List<Bucket> buckets, CredentialService credentials) {
    Map<Long, String> names = new HashMap<>();
    if (!buckets.isEmpty()) {
      for (Credential c : credentials.list()) {
        names.put(c.id(), c.userName());
      }
    }
    return buckets.stream().map(b -> bucket(b, names.get(b.ownerId()))).toList();
  }

  static @Nullable String userName(CredentialService credentials, long id) {
    return credentials.find(id).map(Credential::userName).orElse(null);
  }

  static ObjectBodies.Summary object(ListedObject meta) {
    return new ObjectBodies.Summary(
        meta.key(),
        meta.size(),
        Formats.size(meta.size()),
        meta.contentType(),
        meta.etag(),
        meta.isMultipart(),
        Formats.time(meta.createdAt()));
  }

  static ObjectBodies.Version version(ListedVersion v) {
    ObjectLock lock = v.lock();
    return new ObjectBodies.Version(
        v.key(),
        v.versionId(),
        v.latest(),
        v.deleteMarker(),
        v.size(),
        Formats.size(v.size()),
        v.etag(),
        Formats.time(v.lastModified()),
        retentionMode(lock),
        retainUntil(lock),
        lock.legalHoldOn());
  }

  static @Nullable String retentionMode(ObjectLock lock) {
    return lock.hasRetention() && lock.mode() != null ? lock.mode().name() : null;
  }

  static @Nullable String retainUntil(ObjectLock lock) {
    return lock.hasRetention() ? Formats.time(lock.retainUntil()) : null;
  }

  /**
   * How a version is encrypted, without its sealed key or the SSE-C key check (never shown); null
   * for a version stored in the clear.
   */
  static EncryptionBodies.@Nullable ObjectEncryption encryption(@Nullable Encryption encryption) {
    if (encryption == null) {
      return null;
    }
    return new EncryptionBodies.ObjectEncryption(
        switch (encryption.mode()) {
          case S3 -> "SSE-S3";
          case KMS -> "SSE-KMS";
          case CUSTOMER -> "SSE-C";
        },
        encryption.mode().headerValue(),
        encryption.mode() == Encryption.Mode.KMS ? encryption.keyId() : null,
        encryption.bucketKeyEnabled());
  }
}
