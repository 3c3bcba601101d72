package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Acl;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.PublicAccessBlock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the ACL a request asks for into the ACL stored, as AWS decides it: who owns the object
 * (object ownership), what a canned ACL means, and what the bucket refuses (ACLs disabled by
 * BucketOwnerEnforced, public ACLs blocked by its public access block). Checks run before any body
 * is read, so a refused write stores nothing.
 */
final class AclResolver {
  private final MetadataStore store;

  AclResolver(MetadataStore store) {
    this.store = store;
  }

  /**
   * The ACL of an object a caller writes (PutObject, CopyObject, CreateMultipartUpload); null for
   * the default (the bucket owner's, private).
   */
  @Nullable Acl forNewObject(Caller caller, BucketRef bucket, AclRequest request) {
    ObjectOwnership ownership = bucket.access().ownership();
    if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
      if (!request.grants().isEmpty()
          || (request.canned() != null
              && request.canned() != CannedAcl.PRIVATE
              && request.canned() != CannedAcl.BUCKET_OWNER_FULL_CONTROL)) {
        throw aclsDisabled();
      }
      return null;
    }
    long writer = caller instanceof Caller.User ? caller.id() : bucket.ownerId();
    long owner =
        ownership == ObjectOwnership.BUCKET_OWNER_PREFERRED
                && request.canned() == CannedAcl.BUCKET_OWNER_FULL_CONTROL
            ? bucket.ownerId()
            : writer;
    Acl acl = new Acl(owner, grants(request, owner, bucket.ownerId()));
    requireNotBlocked(bucket.access().effectiveBlock(), acl);
    return Acls.normalize(acl, bucket.ownerId());
  }

  /** The ACL a new bucket gets from CreateBucket's headers; null for the default. */
  @Nullable Acl forNewBucket(long ownerId, ObjectOwnership ownership, AclRequest request) {
    if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED
        && (!request.grants().isEmpty()
            || (request.canned() != null && request.canned() != CannedAcl.PRIVATE))) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP,
          ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP.defaultMessage());
    }
    return Acls.normalize(new Acl(ownerId, grants(request, ownerId, ownerId)), ownerId);
  }

  /**
   * The ACL PutBucketAcl or PutObjectAcl sets from headers, for something owned by {@code owner} in
   * a bucket owned by {@code bucketOwner}.
   */
  Acl fromHeaders(AclRequest request, long owner, long bucketOwner) {
    return new Acl(owner, grants(request, owner, bucketOwner));
  }

  /**
   * Checks an ACL that PutBucketAcl or PutObjectAcl is to set: ACLs enabled (else only the owner's
   * full control), not public when the bucket blocks public ACLs, grantees known.
   *
   * @return the ACL as stored (null for the default)
   */
  @Nullable Acl checkReplacement(BucketRef bucket, Acl acl) {
    requireKnownUsers(acl.grants());
    Acl normalized = Acls.normalize(acl, bucket.ownerId());
    if (!bucket.access().ownership().aclsEnabled() && normalized != null) {
      throw aclsDisabled();
    }
    requireNotBlocked(bucket.access().effectiveBlock(), acl);
    return normalized;
  }

  private List<Grant> grants(AclRequest request, long owner, long bucketOwner) {
    if (request.canned() != null) {
      return Acls.cannedGrants(request.canned(), owner, bucketOwner);
    }
    requireKnownUsers(request.grants());
    return request.grants();
  }

  /** A grant to a canonical ID no credential has is refused, as AWS refuses an unknown ID. */
  void requireKnownUsers(List<Grant> grants) {
    for (Grant grant : grants) {
      if (grant.grantee() instanceof Grantee.CanonicalUser user
          && store.findCredential(user.id()).isEmpty()) {
        throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid id");
      }
    }
  }

  private static void requireNotBlocked(PublicAccessBlock block, Acl acl) {
    if (block.blockPublicAcls() && Acls.isPublic(acl)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  static CofferException aclsDisabled() {
    return new CofferException(
        ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED,
        ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED.defaultMessage());
  }
}
