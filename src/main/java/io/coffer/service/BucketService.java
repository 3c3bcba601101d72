package io.coffer.service;

import io.coffer.blob.BlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DefaultRetention;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Versioning;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Buckets and who may touch them. */
public final class BucketService {
  private final MetadataStore store;
  private final BlobStore blobs;
  private final Clock clock;
  private final String defaultRegion;
  private final ObjectOwnership defaultOwnership;
  private final AclResolver acls;
  private final Access access;

  /**
   * @param defaultOwnership the object ownership of buckets created without x-amz-object-ownership
   * @param access the access decision every method asks
   */
  public BucketService(
      MetadataStore store,
      BlobStore blobs,
      Clock clock,
      String defaultRegion,
      ObjectOwnership defaultOwnership,
      Access access) {
    this.store = store;
    this.blobs = blobs;
    this.clock = clock;
    this.defaultRegion = defaultRegion;
    this.defaultOwnership = defaultOwnership;
    this.acls = new AclResolver(store);
    this.access = access;
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
    access.require(caller, Action.CREATE_BUCKET, name, null, ownerId, null);
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
   * Sets (null removes) the bucket's quota on stored bytes (see {@link Quotas}). A quota limits the
   * bucket's owner, so only the administrator sets one (there is no S3 operation or policy action
   * for it): ACCESS_DENIED for anyone else, INVALID_ARGUMENT for a negative quota. A quota below
   * what the bucket already holds is allowed; it refuses every write that adds bytes.
   */
  public Bucket setQuota(Caller caller, String name, @Nullable Long quotaBytes) {
    if (!(caller instanceof Caller.Admin)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
    if (quotaBytes != null && quotaBytes < 0) {
      throw CofferException.invalidArgument(
          "A quota is a number of bytes, 0 or more.", "quota_bytes", quotaBytes.toString());
    }
    Bucket bucket = require(caller, name, Action.LIST_BUCKET);
    return store.setBucketQuota(name, bucket.id(), quotaBytes);
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
  public BucketRef requireRef(Caller caller, String name, Action action) {
    return requireRef(caller, name, action, null);
  }

  /** As {@link #requireRef(Caller, String, Action)}, for an action on the object {@code key}. */
  BucketRef requireRef(Caller caller, String name, Action action, @Nullable String key) {
    BucketRef bucket = find(name, caller.context().expectedBucketOwner());
    access.require(caller, action, name, bucket, bucket.ownerId(), key);
    return bucket;
  }

  /**
   * The access check of a read of one object version (GetObject, HeadObject, its ACL): when no
   * policy or bucket grant decides it, a grant in the version's own ACL may, and the caller asks
   * {@link #requireObjectAcl} once it has read the version.
   */
  ObjectAccess objectAccess(Caller caller, String name, Action action, String key) {
    return objectAccess(caller, name, action, key, caller.context().expectedBucketOwner());
  }

  /** As {@link #objectAccess}, for the source of a copy (x-amz-source-expected-bucket-owner). */
  ObjectAccess copySourceAccess(Caller caller, String name, Action action, String key) {
    return objectAccess(caller, name, action, key, caller.context().expectedSourceBucketOwner());
  }

  private ObjectAccess objectAccess(
      Caller caller, String name, Action action, String key, @Nullable String expectedOwner) {
    BucketRef bucket = find(name, expectedOwner);
    return switch (access.decide(caller, action, name, bucket, bucket.ownerId(), key)) {
      case ALLOWED -> new ObjectAccess(name, bucket, false);
      case OBJECT_ACL -> new ObjectAccess(name, bucket, true);
      case DENIED -> throw new CofferException(ErrorCode.ACCESS_DENIED);
    };
  }

  /** A bucket an object read may go on to, and whether the version's ACL must still allow it. */
  record ObjectAccess(String name, BucketRef bucket, boolean needsObjectAcl) {}

  /**
   * The version {@code find} answers, once the caller may act on it: a grant in its own ACL may be
   * what allows it, and only a caller who may list the bucket learns that it does not exist.
   */
  ObjectMeta requireReadable(
      Caller caller, ObjectAccess checked, Action action, Supplier<ObjectMeta> find) {
    ObjectMeta meta;
    try {
      meta = find.get();
    } catch (CofferException absent) {
      requireListing(caller, checked, absent);
      throw absent;
    }
    requireObjectAcl(caller, action, checked, meta.acl());
    return meta;
  }

  /** Fails unless the version's ACL allows the read that {@link #objectAccess} left to it. */
  private void requireObjectAcl(
      Caller caller, Action action, ObjectAccess checked, @Nullable Acl acl) {
    if (checked.needsObjectAcl()
        && !access.objectAclAllows(caller, action, checked.bucket(), acl)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  /**
   * A read found no such version: as in AWS, only a caller who may list the bucket learns that (the
   * {@code absent} error); to others it is ACCESS_DENIED, which says nothing of the bucket.
   */
  private void requireListing(Caller caller, ObjectAccess checked, CofferException absent) {
    boolean absence =
        switch (absent.code()) {
          case NO_SUCH_KEY, NO_SUCH_VERSION, METHOD_NOT_ALLOWED -> true;
          default -> false;
        };
    BucketRef bucket = checked.bucket();
    if (absence
        && !access.allows(
            caller, Action.LIST_BUCKET, checked.name(), bucket, bucket.ownerId(), null)) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  /** Whether the caller may do {@code action} on the bucket (or on {@code key} in it). */
  boolean allows(
      Caller caller, Action action, String name, BucketRef bucket, @Nullable String key) {
    return access.allows(caller, action, name, bucket, bucket.ownerId(), key);
  }

  private BucketRef find(String name, @Nullable String expectedOwner) {
    BucketRef bucket = store.findBucketRef(name).orElseThrow(BucketService::noSuchBucket);
    if (expectedOwner != null && !expectedOwner.equals(Long.toString(bucket.ownerId()))) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
    return bucket;
  }

  /** The server's region: every bucket is in it (and KMS key ARNs name it). */
  public String region() {
    return defaultRegion;
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
    if (caller instanceof Caller.Admin) {
      return store.listBuckets();
    }
    return listPage(caller, "", null, null, Integer.MAX_VALUE - 1).buckets();
  }

  /** The buckets a credential owns (ACCESS_DENIED unless the caller may list them). */
  public List<Bucket> listOwnedBy(Caller caller, long ownerId) {
    access.require(caller, Action.LIST_ALL_MY_BUCKETS, null, null, ownerId, null);
    return store.listBucketsOwnedBy(ownerId);
  }

  /**
   * One page of the buckets the caller sees, in name order, starting after {@code after} (null for
   * the first page): a credential's own buckets, and those its identity policies let it list
   * (s3:ListBucket); every bucket for the administrator.
   *
   * @param region only buckets in this region, or null for any
   */
  public BucketPage listPage(
      Caller caller,
      String prefix,
      @Nullable String region,
      @Nullable String after,
      int maxBuckets) {
    access.require(caller, Action.LIST_ALL_MY_BUCKETS, null, null, caller.id(), null);
    long owner =
        caller instanceof Caller.Admin || access.hasIdentityPolicies(caller)
            ? BucketQuery.ANY_OWNER
            : caller.id();
    List<Bucket> visible = new ArrayList<>();
    String from = after;
    // One more than asked tells whether another page follows.
    while (visible.size() <= maxBuckets) {
      int batch = Math.min(maxBuckets + 1, 1000);
      List<Bucket> found = store.listBuckets(new BucketQuery(owner, prefix, region, from, batch));
      for (Bucket bucket : found) {
        if (owner != BucketQuery.ANY_OWNER || visibleTo(caller, bucket)) {
          visible.add(bucket);
        }
      }
      if (found.size() < batch) {
        break;
      }
      from = found.get(found.size() - 1).name();
    }
    boolean truncated = visible.size() > maxBuckets;
    return new BucketPage(truncated ? visible.subList(0, maxBuckets) : visible, truncated);
  }

  private boolean visibleTo(Caller caller, Bucket bucket) {
    return bucket.ownerId() == caller.id()
        || access.allows(
            caller, Action.LIST_BUCKET, bucket.name(), bucket.ref(), bucket.ownerId(), null);
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
