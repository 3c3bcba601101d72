package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.PublicAccessBlock;
import io.coffer.policy.MalformedPolicyException;
import io.coffer.policy.PolicyDocument;
import io.coffer.policy.PolicyKind;

/**
 * A bucket's own access settings over the S3 API: its policy, ACL, ownership controls and public
 * access block, stored and validated as AWS does. Who may do what with them is {@link Access}'s.
 */
public final class BucketAccessService {
  /** AWS's limit on a bucket policy: 20 KB, counted without the whitespace between tokens. */
  public static final int MAX_POLICY_BYTES = 20 * 1024;

  private final MetadataStore store;
  private final BucketService buckets;
  private final AclResolver acls;

  public BucketAccessService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
    this.acls = new AclResolver(store);
  }

  // ---- policy ----

  /** The bucket's policy as it was stored; NO_SUCH_BUCKET_POLICY without one. */
  public String policy(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_POLICY);
    String policy = ref.access().policy();
    if (policy == null) {
      throw noSuchPolicy();
    }
    return policy;
  }

  /**
   * Validates and stores a bucket policy: MALFORMED_POLICY with the engine's message for a document
   * AWS would refuse, POLICY_TOO_LARGE over 20 KB, ACCESS_DENIED for a public policy on a bucket
   * whose public access block has BlockPublicPolicy.
   */
  public void putPolicy(Caller caller, String bucket, String json) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_POLICY);
    if (PolicySize.of(json) > MAX_POLICY_BYTES) {
      throw new CofferException(
          ErrorCode.POLICY_TOO_LARGE, ErrorCode.POLICY_TOO_LARGE.defaultMessage());
    }
    PolicyDocument document = parse(json, bucket);
    if (ref.access().effectiveBlock().blockPublicPolicy() && document.isPublic()) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
    store.setBucketPolicy(bucket, ref.id(), json);
  }

  /** Deletes the bucket's policy; nothing to delete is no error, as on AWS. */
  public void deletePolicy(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.DELETE_BUCKET_POLICY);
    store.setBucketPolicy(bucket, ref.id(), null);
  }

  /** GetBucketPolicyStatus: whether the policy is public; NO_SUCH_BUCKET_POLICY without one. */
  public boolean policyIsPublic(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_POLICY_STATUS);
    String policy = ref.access().policy();
    if (policy == null) {
      throw noSuchPolicy();
    }
    return parse(policy, bucket).isPublic();
  }

  /**
   * Validates a bucket policy as {@link #putPolicy} would, without storing it nor knowing its
   * bucket (the console's "Validate"): MALFORMED_POLICY or POLICY_TOO_LARGE with the reason;
   * otherwise whether it is public.
   */
  public boolean validatePolicy(String json) {
    if (PolicySize.of(json) > MAX_POLICY_BYTES) {
      throw new CofferException(
          ErrorCode.POLICY_TOO_LARGE, ErrorCode.POLICY_TOO_LARGE.defaultMessage());
    }
    return compiled(() -> PolicyDocument.parse(json, PolicyKind.BUCKET)).isPublic();
  }

  /** A bucket policy compiled, its resources all in {@code bucket}; MALFORMED_POLICY if not. */
  static PolicyDocument parse(String json, String bucket) {
    return compiled(() -> PolicyDocument.parseBucketPolicy(json, bucket));
  }

  /** A way to compile a document, which may refuse it. */
  @FunctionalInterface
  private interface Compiler {
    PolicyDocument compile() throws MalformedPolicyException;
  }

  private static PolicyDocument compiled(Compiler compiler) {
    try {
      return compiler.compile();
    } catch (MalformedPolicyException e) {
      String message = e.getMessage();
      throw new CofferException(
          ErrorCode.MALFORMED_POLICY,
          message == null ? ErrorCode.MALFORMED_POLICY.defaultMessage() : message);
    }
  }

  private static CofferException noSuchPolicy() {
    return new CofferException(
        ErrorCode.NO_SUCH_BUCKET_POLICY, ErrorCode.NO_SUCH_BUCKET_POLICY.defaultMessage());
  }

  // ---- ACL ----

  public AclView bucketAcl(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_ACL);
    return AclService.view(store, Acls.effective(ref.access().acl(), ref.ownerId()));
  }

  /** PutBucketAcl with x-amz-acl or x-amz-grant-* headers. */
  public void putBucketAcl(Caller caller, String bucket, AclRequest request) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_ACL);
    Acl acl = acls.fromHeaders(request, ref.ownerId(), ref.ownerId());
    store.setBucketAcl(bucket, ref.id(), acls.checkReplacement(ref, acl));
  }

  /** PutBucketAcl with an AccessControlPolicy document, whose Owner must be the bucket's. */
  public void putBucketAcl(Caller caller, String bucket, Acl document) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_ACL);
    if (document.ownerId() != ref.ownerId()) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
    store.setBucketAcl(bucket, ref.id(), acls.checkReplacement(ref, document));
  }

  // ---- ownership controls ----

  /** OWNERSHIP_CONTROLS_NOT_FOUND once they were deleted (the bucket then acts as ObjectWriter). */
  public ObjectOwnership ownershipControls(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_OWNERSHIP_CONTROLS);
    if (!store.hasOwnershipControls(bucket)) {
      throw new CofferException(
          ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND,
          ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND.defaultMessage());
    }
    return ref.access().ownership();
  }

  /**
   * Sets object ownership. BucketOwnerEnforced is refused while the bucket's ACL grants anyone else
   * anything (AWS: move those grants to a policy first).
   */
  public Bucket putOwnershipControls(Caller caller, String bucket, ObjectOwnership ownership) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_OWNERSHIP_CONTROLS);
    if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && ref.access().acl() != null) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP,
          ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP.defaultMessage());
    }
    return store.setObjectOwnership(bucket, ref.id(), ownership);
  }

  public void deleteOwnershipControls(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_OWNERSHIP_CONTROLS);
    store.setObjectOwnership(bucket, ref.id(), null);
  }

  // ---- public access block ----

  public PublicAccessBlock publicAccessBlock(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_PUBLIC_ACCESS_BLOCK);
    PublicAccessBlock block = ref.access().publicAccessBlock();
    if (block == null) {
      throw new CofferException(
          ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION,
          ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION.defaultMessage());
    }
    return block;
  }

  public void putPublicAccessBlock(Caller caller, String bucket, PublicAccessBlock block) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_PUBLIC_ACCESS_BLOCK);
    store.setPublicAccessBlock(bucket, ref.id(), block);
  }

  public void deletePublicAccessBlock(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_PUBLIC_ACCESS_BLOCK);
    store.setPublicAccessBlock(bucket, ref.id(), null);
  }
}
