package io.coffer.service;

import io.coffer.model.Acl;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.policy.Decision;
import io.coffer.policy.PolicyDocument;
import io.coffer.policy.PolicyRequest;
import io.coffer.policy.RequestPrincipal;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one access decision, made as AWS makes it. Every service method asks it, with the caller, the
 * action and what is acted on, before it touches anything:
 *
 * <ol>
 *   <li>an explicit Deny in any policy that applies (the caller's identity policies, a service
 *       account's inline policy, the bucket policy) refuses;
 *   <li>otherwise the bucket owner, an Allow in an identity policy or the bucket policy, or an ACL
 *       grant (of the bucket, or of the object version for object reads and ACL operations) allows
 *       — a service account's inline policy must allow as well;
 *   <li>otherwise the request is refused (implicit deny).
 * </ol>
 *
 * The administrator (the management API key) may do everything. The public access block takes
 * effect here too: IgnorePublicAcls drops grants to everyone and to all authenticated users,
 * RestrictPublicBuckets drops what a public bucket policy grants to anonymous callers.
 */
public final class Access {
  /** What a decision made without the object's ACL says. */
  enum Verdict {
    ALLOWED,
    DENIED,
    /** Nothing allows it, nothing denies it: a grant in the object version's ACL may. */
    OBJECT_ACL
  }

  private final IdentityPolicies identities;
  private final BucketPolicies bucketPolicies = new BucketPolicies();
  private final Clock clock;
  private final ExistingObjectTags existingTags;

  public Access(IdentityPolicies identities, Clock clock) {
    this(identities, clock, ExistingObjectTags.NONE);
  }

  /**
   * @param existingTags where s3:ExistingObjectTag conditions read an object's tags
   */
  public Access(IdentityPolicies identities, Clock clock, ExistingObjectTags existingTags) {
    this.identities = identities;
    this.clock = clock;
    this.existingTags = existingTags;
  }

  /**
   * Fails with ACCESS_DENIED unless {@code caller} may do {@code action}.
   *
   * @param bucket the bucket's name, or null for an action on no bucket (ListAllMyBuckets)
   * @param ref the bucket's settings, or null when it does not exist yet (CreateBucket) or none
   * @param ownerId the credential that owns the bucket (or would own it, or whose buckets are
   *     listed)
   * @param key the object's key for an action on an object, else null
   */
  void require(
      Caller caller,
      Action action,
      @Nullable String bucket,
      @Nullable BucketRef ref,
      long ownerId,
      @Nullable String key) {
    if (decide(caller, action, bucket, ref, ownerId, key) != Verdict.ALLOWED) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  /** Whether {@code caller} may do {@code action}; see {@link #require}. */
  boolean allows(
      Caller caller,
      Action action,
      @Nullable String bucket,
      @Nullable BucketRef ref,
      long ownerId,
      @Nullable String key) {
    return decide(caller, action, bucket, ref, ownerId, key) == Verdict.ALLOWED;
  }

  /** The decision without the object version's ACL; see {@link #objectAclAllows}. */
  Verdict decide(
      Caller caller,
      Action action,
      @Nullable String bucket,
      @Nullable BucketRef ref,
      long ownerId,
      @Nullable String key) {
    Credential credential;
    switch (caller) {
      case Caller.Admin admin -> {
        return Verdict.ALLOWED;
      }
      case Caller.User user -> credential = user.credential();
      case Caller.Anonymous anonymous -> {
        if (bucket == null || action == Action.CREATE_BUCKET) {
          return Verdict.DENIED; // an anonymous caller has no buckets and can make none
        }
        credential = null;
      }
    }
    boolean owner = credential != null && credential.principalId() == ownerId;
    List<PolicyDocument> identity =
        credential == null ? List.of() : identities.policiesOf(credential);
    PolicyDocument session = credential == null ? null : identities.sessionPolicyOf(credential);
    BucketAccess settings = ref == null ? null : ref.access();
    PolicyDocument bucketPolicy =
        settings == null || bucket == null ? null : bucketPolicies.compiled(bucket, settings);
    boolean allowed;
    if (identity.isEmpty() && session == null && bucketPolicy == null) {
      allowed = owner; // no policy can deny: the common case costs no policy request
    } else {
      PolicyRequest request =
          new PolicyRequest(
              action.policyName(),
              resource(bucket, key),
              principal(credential),
              new RequestConditions(caller, action, bucket, key, clock.instant(), existingTags));
      boolean identityAllows = false;
      for (PolicyDocument policy : identity) {
        Decision decision = policy.evaluate(request);
        if (decision == Decision.DENY) {
          return Verdict.DENIED;
        }
        identityAllows |= decision == Decision.ALLOW;
      }
      Decision bucketDecision =
          bucketPolicy == null ? Decision.NONE : bucketPolicy.evaluate(request);
      if (bucketDecision == Decision.DENY) {
        return Verdict.DENIED;
      }
      Decision sessionDecision = session == null ? Decision.ALLOW : session.evaluate(request);
      if (sessionDecision == Decision.DENY) {
        return Verdict.DENIED;
      }
      boolean bucketAllows =
          bucketDecision == Decision.ALLOW
              && !(credential == null
                  && bucketPolicy != null
                  && settings != null
                  && settings.effectiveBlock().restrictPublicBuckets()
                  && bucketPolicy.isPublic());
      if (sessionDecision != Decision.ALLOW) {
        // a service account's own policy narrows its parent's rights: it must allow as well
        return Verdict.DENIED;
      }
      allowed = owner || identityAllows || bucketAllows;
    }
    if (allowed || (settings != null && AclGrants.bucketAllows(caller, action, settings))) {
      return Verdict.ALLOWED;
    }
    if (settings != null && AclGrants.objectGrantable(action, settings)) {
      return Verdict.OBJECT_ACL;
    }
    return Verdict.DENIED;
  }

  /**
   * Whether policies attached to the caller's credential (or its groups) may reach others' buckets.
   */
  boolean hasIdentityPolicies(Caller caller) {
    return caller instanceof Caller.User user
        && !identities.policiesOf(user.credential()).isEmpty();
  }

  /** Whether the object version's ACL grants {@code action} to {@code caller}. */
  boolean objectAclAllows(Caller caller, Action action, BucketRef ref, @Nullable Acl acl) {
    return AclGrants.objectAllows(caller, action, ref, acl);
  }

  private static String resource(@Nullable String bucket, @Nullable String key) {
    if (bucket == null) {
      return "*";
    }
    return key == null ? "arn:aws:s3:::" + bucket : "arn:aws:s3:::" + bucket + "/" + key;
  }

  private static RequestPrincipal principal(@Nullable Credential credential) {
    if (credential == null) {
      return RequestPrincipal.ANONYMOUS;
    }
    return new RequestPrincipal(
        credential.accessKey(), credential.userName(), Long.toString(credential.principalId()));
  }
}
