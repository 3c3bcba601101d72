package io.coffer.service;

import io.coffer.blob.BlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Versioning;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Buckets and who may touch them. */
public final class BucketService {
  private final MetadataStore store;
  private final BlobStore blobs;
  private final Clock clock;
  private final String defaultRegion;
  private final ObjectOwnership defaultOwnership;
  private final AclResolver acls;

  public BucketService(MetadataStore store, BlobStore blobs, Clock clock, String defaultRegion) {
    this(store, blobs, clock, defaultRegion, ObjectOwnership.OBJECT_WRITER);
  }

  /**
   * @param defaultOwnership the object ownership of buckets created without x-amz-object-ownership
   */
  public BucketService(
      MetadataStore store,
      BlobStore blobs,
      Clock clock,
      String defaultRegion,
      ObjectOwnership defaultOwnership) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
    this.defaultRegion = defaultRegion;
    this.defaultOwnership = defaultOwnership;
    this.acls = new AclResolver(store);
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /**
   * Creates a bucket owned by {@code ownerId} in the server's region ({@code region} null means
   * that one). Any other region is refused: clients that ask a bucket's location
   * (GetBucketLocation, HeadBucket) would sign for it, and this server answers only its own.
   */
  public Bucket create(
      Caller caller, String name, long ownerId, @Nullable String region, boolean objectLock) {
    return create(caller, name, ownerId, region, objectLock, null, AclRequest.NONE);
  }

  /**
   * As {@link #create(Caller, String, long, String, boolean)}, with the object ownership ({@code
   * null}: the server's default) and the ACL CreateBucket's headers ask for.
   * INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP for an ACL other than private with
   * BucketOwnerEnforced.
   */
  public Bucket create(
      Caller caller,
      String name,
      long ownerId,
      @Nullable String region,
      boolean objectLock,
      @Nullable ObjectOwnership ownership,
      AclRequest acl) {
    Names.requireValidBucketName(name);
    Access.require(caller, Action.CREATE_BUCKET, name, ownerId);
    if (region != null && !region.equals(defaultRegion)) {
      throw new CofferException(
          ErrorCode.INVALID_LOCATION_CONSTRAINT,
          "A bucket can only be created in this server's region, "
              + defaultRegion
              + ", not '"
              + region
              + "'.");
    }
    ObjectOwnership chosen = ownership == null ? defaultOwnership : ownership;
    BucketAccess access =
        new BucketAccess(null, acls.forNewBucket(ownerId, chosen, acl), chosen, null);
    return store.createBucket(name, ownerId, defaultRegion, clock.instant(), objectLock, access);
  }

  /**
   * Enables or suspends versioning; INVALID_BUCKET_STATE when suspending a bucket with object lock.
   */
  public Bucket setVersioning(Caller caller, String name, Versioning versioning) {
    if (versioning == Versioning.UNVERSIONED) {
      throw new CofferException(
          ErrorCode.MALFORMED_XML, "Versioning can only be Enabled or Suspended.");
    }
    Bucket bucket = require(caller, name, Action.PUT_BUCKET_VERSIONING);
    return store.setVersioning(name, bucket.id(), versioning);
  }

  /**
   * Enables object lock (on a bucket with versioning enabled) and sets its default retention (null
   * for none).
   */
  public Bucket setObjectLock(
      Caller caller, String name, @Nullable DefaultRetention defaultRetention) {
    Bucket bucket = require(caller, name, Action.PUT_BUCKET_OBJECT_LOCK_CONFIGURATION);
    return store.setObjectLock(name, bucket.id(), defaultRetention);
  }

  /**
   * Fails with NO_SUCH_BUCKET or ACCESS_DENIED unless the bucket exists and the caller may do
   * {@code action} on it; the check every object operation makes first.
   *
   * @return the bucket's internal ID, under which its blobs are stored
   */
  String requireAccess(Caller caller, String name, Action action) {
    return requireRef(caller, name, action).id();
  }

  /** As {@link #requireAccess}, answering the bucket's ID, owner, versioning and lock settings. */
  BucketRef requireRef(Caller caller, String name, Action action) {
    BucketRef bucket = store.findBucketRef(name).orElseThrow(BucketService::noSuchBucket);
    Access.require(caller, action, name, bucket.ownerId());
    return bucket;
  }

  /**
   * Whether the bucket was ever versioned, without an access check: S3 reports version IDs ({@code
   * x-amz-version-id}) only then. For answering a request that has passed its check.
   */
  public boolean everVersioned(String name) {
    return store.findBucketRef(name).map(b -> b.versioning().everVersioned()).orElse(false);
  }

  /**
   * The bucket if it exists and the caller may do {@code action} on it: NO_SUCH_BUCKET or
   * ACCESS_DENIED otherwise.
   */
  public Bucket require(Caller caller, String name, Action action) {
    String id = requireAccess(caller, name, action);
    // the bucket the access check was made on, not one created under its name since
    return store
        .findBucket(name)
        .filter(bucket -> bucket.id().equals(id))
        .orElseThrow(BucketService::noSuchBucket);
  }

  /**
   * The ID of the bucket of this name now, without an access check. For releasing blobs after a
   * metadata change: what the change removed belonged to the bucket current at its commit, which is
   * this one unless the name was deleted since (and then its folder goes as a whole).
   */
  Optional<String> currentId(String name) {
    return store.findBucketRef(name).map(BucketRef::id);
  }

  private static CofferException noSuchBucket() {
    return new CofferException(ErrorCode.NO_SUCH_BUCKET, "The specified bucket does not exist.");
  }

  /** The buckets the caller sees: its own, or all for the administrator. */
  public List<Bucket> list(Caller caller) {
    return switch (caller) {
      case Caller.User user -> listOwnedBy(caller, user.id());
      case Caller.Admin admin -> store.listBuckets();
    };
  }

  /** The buckets a credential owns (ACCESS_DENIED unless the caller may list them). */
  public List<Bucket> listOwnedBy(Caller caller, long ownerId) {
    Access.require(caller, Action.LIST_ALL_MY_BUCKETS, null, ownerId);
    return store.listBucketsOwnedBy(ownerId);
  }

  /**
   * One page of the buckets the caller sees, in name order, starting after {@code after} (null for
   * the first page).
   *
   * @param region only buckets in this region, or null for any
   */
  public BucketPage listPage(
      Caller caller,
      String prefix,
      @Nullable String region,
      @Nullable String after,
      int maxBuckets) {
    long owner =
        switch (caller) {
          case Caller.User user -> {
            Access.require(caller, Action.LIST_ALL_MY_BUCKETS, null, user.id());
            yield user.id();
          }
          case Caller.Admin admin -> BucketQuery.ANY_OWNER;
        };
    // One more than asked tells whether another page follows.
    List<Bucket> found =
        store.listBuckets(new BucketQuery(owner, prefix, region, after, maxBuckets + 1));
    boolean truncated = found.size() > maxBuckets;
    return new BucketPage(truncated ? found.subList(0, maxBuckets) : found, truncated);
  }

  /** A page of buckets; when truncated, the next starts after the last one's name. */
  public record BucketPage(List<Bucket> buckets, boolean truncated) {}

  /**
   * Deletes an empty bucket; in-progress uploads go with it. Its blobs (the uploads' parts) are
   * removed with its folder, which belongs to this bucket's ID alone: a bucket created under the
   * same name meanwhile has a folder of its own.
   */
  public void delete(Caller caller, String name) {
    Bucket bucket = require(caller, name, Action.DELETE_BUCKET);
    store.deleteBucket(name, bucket.id());
    blobs.removeBucket(bucket.id());
  }
}
