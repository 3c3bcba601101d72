package io.coffer.service;

import io.coffer.model.Credential;

/**
 * Who asks: an S3 credential, which sees only the buckets it owns, or the administrator behind the
 * management API, who sees everything.
 */
public sealed interface Caller {
  Caller ADMIN = new Admin();

  /** Whether this caller may use a bucket owned by the credential {@code ownerId}. */
  boolean canAccessBucketOwnedBy(long ownerId);

  /** The credential ID recorded as owner or initiator of what this caller creates. */
  long id();

  String displayName();

  record Admin() implements Caller {
    @Override
    public boolean canAccessBucketOwnedBy(long ownerId) {
      return true;
    }

    @Override
    public long id() {
      return 0;
    }

    @Override
    public String displayName() {
      return "admin";
    }
  }

  record User(Credential credential) implements Caller {
    @Override
    public boolean canAccessBucketOwnedBy(long ownerId) {
      return ownerId == credential.id();
    }

    @Override
    public long id() {
      return credential.id();
    }

    @Override
    public String displayName() {
      return credential.userName();
    }
  }
}
