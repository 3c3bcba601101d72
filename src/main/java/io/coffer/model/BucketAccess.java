package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * A bucket's own access settings: what the policy engine reads besides the caller's identity
 * policies.
 *
 * @param policy the bucket policy as stored (JSON), or null for none
 * @param acl the bucket's ACL, or null for the default ({@code private} to the owner)
 * @param ownership the object ownership setting
 * @param publicAccessBlock the public access block, or null when none is configured
 */
public record BucketAccess(
    @Nullable String policy,
    @Nullable Acl acl,
    ObjectOwnership ownership,
    @Nullable PublicAccessBlock publicAccessBlock) {

  /** A bucket with no policy, the private ACL and no public access block. */
  public static BucketAccess of(ObjectOwnership ownership) {
    return new BucketAccess(null, null, ownership, null);
  }

  public PublicAccessBlock effectiveBlock() {
    return publicAccessBlock == null ? PublicAccessBlock.NONE : publicAccessBlock;
  }
}
