package io.coffer.service;

import io.coffer.model.Credential;

/**
 * Who asks: an S3 credential, or the administrator behind the management API (its API key). Every
 * public service method takes one; what it may do is decided in one place, {@link Access}.
 */
public sealed interface Caller {
  Caller ADMIN = new Admin();

  /** The credential ID recorded as owner or initiator of what this caller creates. */
  long id();

  String displayName();

  record Admin() implements Caller {
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
    public long id() {
      return credential.id();
    }

    @Override
    public String displayName() {
      return credential.userName();
    }
  }
}
