package io.coffer.service;

import io.coffer.model.Credential;
import java.util.Map;

/**
 * Who asks: an S3 credential, an anonymous client (a request without a signature), or the
 * administrator behind the management API (its API key). Every public service method takes one;
 * what it may do is decided in one place, {@link Access}.
 */
public sealed interface Caller {
  Caller ADMIN = new Admin();

  /**
   * The credential ID recorded as owner or initiator of what this caller creates: a service
   * account's parent, since it acts with its parent's rights and buckets.
   */
  long id();

  String displayName();

  /** The request as the policy engine's conditions read it. */
  RequestContext context();

  /**
   * This caller, its request carrying {@code tags} in its body (for s3:RequestObjectTag
   * conditions): PutObjectTagging's document, a POST upload's tagging field.
   */
  default Caller withRequestTags(Map<String, String> tags) {
    return switch (this) {
      case Admin admin -> admin;
      case User user -> new User(user.credential(), user.context().withRequestTags(tags));
      case Anonymous anonymous -> new Anonymous(anonymous.context().withRequestTags(tags));
    };
  }

  record Admin() implements Caller {
    @Override
    public long id() {
      return 0;
    }

    @Override
    public String displayName() {
      return "admin";
    }

    @Override
    public RequestContext context() {
      return RequestContext.NONE;
    }
  }

  record User(Credential credential, RequestContext context) implements Caller {
    public User(Credential credential) {
      this(credential, RequestContext.NONE);
    }

    @Override
    public long id() {
      return credential.principalId();
    }

    @Override
    public String displayName() {
      return credential.userName();
    }
  }

  /** A request with no signature: only what bucket policies and ACLs grant to everyone. */
  record Anonymous(RequestContext context) implements Caller {
    /** No credential has this ID; nothing is recorded as owned by an anonymous caller. */
    public static final long ID = -1;

    @Override
    public long id() {
      return ID;
    }

    @Override
    public String displayName() {
      return "anonymous";
    }
  }
}
