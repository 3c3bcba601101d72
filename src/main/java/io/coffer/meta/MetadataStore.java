package io.coffer.meta;

import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketEncryption;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CompletedUpload;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.Credential;
import io.coffer.model.DefaultRetention;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.KeyVersion;
import io.coffer.model.KmsKey;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.MultipartUpload;
import io.coffer.model.NewCredential;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import io.coffer.model.Part;
import io.coffer.model.PolicyTargets;
import io.coffer.model.PresignedUrl;
import io.coffer.model.PublicAccessBlock;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.UploadListing;
import io.coffer.model.UserGroup;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where Coffer keeps everything but object bytes. Every method is blocking and safe to call from
 * any thread, including virtual threads (implementations keep native calls off them). Every write
 * is atomic and durable when it returns (unless the store was opened with relaxed durability).
 * Counters (objects and bytes per bucket and in total, uploads, presigned URLs) change in the same
 * transaction as the change they count.
 *
 * <p>Domain failures are reported as {@link io.coffer.model.CofferException} with the matching
 * {@link io.coffer.model.ErrorCode}.
 */
public interface MetadataStore extends NodeCoordination, AutoCloseable {

  // ---- credentials ----

  /** Creates a plain credential; CREDENTIAL_ALREADY_EXISTS when the access key is taken. */
  default Credential createCredential(
      String accessKey, String secretKey, String userName, Instant now) {
    return createCredential(NewCredential.plain(accessKey, secretKey, userName), now);
  }

  /**
   * Creates a credential, attaches its policies and adds it to its groups, in one transaction.
   * CREDENTIAL_ALREADY_EXISTS when the access key is taken; NO_SUCH_CREDENTIAL when the parent does
   * not exist, INVALID_ARGUMENT when the parent is itself a service account; NO_SUCH_POLICY or
   * NO_SUCH_GROUP for an unknown name.
   */
  Credential createCredential(NewCredential credential, Instant now);

  Optional<Credential> findCredential(long id);

  Optional<Credential> findCredentialByAccessKey(String accessKey);

  List<Credential> listCredentials();

  /** Changes the given fields (null leaves one unchanged); NO_SUCH_CREDENTIAL when absent. */
  Credential updateCredential(long id, @Nullable String userName, Boolean active);

  /** Replaces the secret key; NO_SUCH_CREDENTIAL when absent. */
  Credential updateCredentialSecret(long id, String secretKey);

  /**
   * Deletes a credential with its group memberships and policy attachments, and its service
   * accounts (theirs too), revoking the presigned URLs of each; CREDENTIAL_IN_USE while it owns
   * buckets, NO_SUCH_CREDENTIAL when absent.
   *
   * @return the service accounts deleted with it
   */
  List<Credential> deleteCredential(long id);

  // ---- managed policies, groups, attachments ----
  // Policy names in ManagedPolicy.BUILT_IN_NAMES always exist for attachments; no stored policy
  // takes one of them (POLICY_ALREADY_EXISTS).

  /** POLICY_ALREADY_EXISTS when the name is taken (or built in). */
  ManagedPolicy createPolicy(String name, String document, Instant now);

  /** Replaces a stored policy's document; NO_SUCH_POLICY when absent. */
  ManagedPolicy updatePolicy(String name, String document, Instant now);

  /** NO_SUCH_POLICY when absent, POLICY_IN_USE while attached to a credential or group. */
  void deletePolicy(String name);

  /** A stored policy (never a built-in one). */
  Optional<ManagedPolicy> findPolicy(String name);

  /** The stored policies in name order. */
  List<ManagedPolicy> listPolicies();

  /** The credentials and groups a policy (stored or built in) is attached to. */
  PolicyTargets policyTargets(String name);

  /**
   * GROUP_ALREADY_EXISTS when the name is taken; NO_SUCH_CREDENTIAL or NO_SUCH_POLICY for an
   * unknown member or policy.
   */
  UserGroup createGroup(String name, List<Long> members, List<String> policies, Instant now);

  /**
   * Replaces a group's members and/or policies (null leaves one unchanged); NO_SUCH_GROUP,
   * NO_SUCH_CREDENTIAL, NO_SUCH_POLICY.
   */
  UserGroup updateGroup(String name, @Nullable List<Long> members, @Nullable List<String> policies);

  /** Deletes a group with its memberships and attachments; NO_SUCH_GROUP when absent. */
  void deleteGroup(String name);

  Optional<UserGroup> findGroup(String name);

  /** Every group in name order. */
  List<UserGroup> listGroups();

  /** Replaces the set of policies attached to a credential; NO_SUCH_CREDENTIAL, NO_SUCH_POLICY. */
  void attachPolicies(long credentialId, List<String> policies);

  /** The names of the policies attached to a credential itself, in name order. */
  List<String> policiesAttachedTo(long credentialId);

  /** The names of the groups a credential belongs to, in name order. */
  List<String> groupsOf(long credentialId);

  // ---- buckets ----

  /**
   * Creates a bucket; BUCKET_ALREADY_OWNED_BY_YOU when the owner already has it,
   * BUCKET_ALREADY_EXISTS when someone else does, NO_SUCH_CREDENTIAL when the owner is unknown.
   */
  default Bucket createBucket(
      String name, long ownerId, String region, Instant now, boolean objectLock) {
    return createBucket(
        name, ownerId, region, now, objectLock, BucketAccess.of(ObjectOwnership.OBJECT_WRITER));
  }

  /**
   * Creates a bucket with its initial access settings (object ownership and ACL, as CreateBucket
   * sets them); errors as {@link #createBucket(String, long, String, Instant, boolean)}.
   */
  Bucket createBucket(
      String name,
      long ownerId,
      String region,
      Instant now,
      boolean objectLock,
      BucketAccess access);

  /**
   * Sets a bucket's policy (its JSON as given; null deletes it). NO_SUCH_BUCKET when absent or no
   * longer the bucket with ID {@code id}.
   */
  Bucket setBucketPolicy(String name, String id, @Nullable String policy);

  /** Sets a bucket's ACL (null: the default, private to the owner); NO_SUCH_BUCKET as above. */
  Bucket setBucketAcl(String name, String id, @Nullable Acl acl);

  /**
   * Sets a bucket's object ownership; null deletes its ownership controls (the bucket then behaves
   * as ObjectWriter, and {@link #hasOwnershipControls} says false). NO_SUCH_BUCKET as above.
   */
  Bucket setObjectOwnership(String name, String id, @Nullable ObjectOwnership ownership);

  /** Whether the bucket has ownership controls (false when absent too). */
  boolean hasOwnershipControls(String name);

  /** Sets a bucket's public access block (null deletes it); NO_SUCH_BUCKET as above. */
  Bucket setPublicAccessBlock(String name, String id, @Nullable PublicAccessBlock block);

  /** Replaces the bucket's tag set (empty removes it); NO_SUCH_BUCKET unless it has this ID. */
  Bucket setBucketTags(String name, String id, Map<String, String> tags);

  /** Sets (null removes) the bucket's CORS configuration. */
  Bucket setBucketCors(String name, String id, @Nullable CorsConfiguration cors);

  /** Sets (null removes) the bucket's lifecycle configuration. */
  Bucket setBucketLifecycle(String name, String id, @Nullable LifecycleConfiguration lifecycle);

  /** Sets (null removes) the bucket's quota in bytes. */
  Bucket setBucketQuota(String name, String id, @Nullable Long quotaBytes);

  /** Sets (null removes) the bucket's default encryption. */
  Bucket setBucketEncryption(String name, String id, @Nullable BucketEncryption encryption);

  /**
   * Sets a bucket's versioning to ENABLED or SUSPENDED. INVALID_BUCKET_STATE when suspending a
   * bucket with object lock; NO_SUCH_BUCKET when absent or no longer the bucket with ID {@code id}.
   */
  Bucket setVersioning(String name, String id, Versioning versioning);

  /**
   * Enables object lock on a bucket (if not yet) and sets its default retention (null for none).
   * INVALID_BUCKET_STATE when versioning is not ENABLED; NO_SUCH_BUCKET as for setVersioning.
   */
  Bucket setObjectLock(String name, String id, @Nullable DefaultRetention defaultRetention);

  Optional<Bucket> findBucket(String name);

  /**
   * The bucket's ID and owner, or empty when the bucket does not exist. Asked by every request, so
   * an implementation may answer from memory.
   */
  Optional<BucketRef> findBucketRef(String name);

  /** All buckets in name order. */
  List<Bucket> listBuckets();

  /** The owner's buckets in name order. */
  List<Bucket> listBucketsOwnedBy(long ownerId);

  /** One page of buckets in name order; see {@link BucketQuery}. */
  List<Bucket> listBuckets(BucketQuery query);

  /**
   * Deletes an empty bucket together with its in-progress uploads, returning the parts of those
   * uploads so their blobs can be removed; BUCKET_NOT_EMPTY when it holds objects or versions
   * (delete markers included), NO_SUCH_BUCKET when absent or when the bucket of that name is no
   * longer the one with ID {@code id}.
   */
  List<Part> deleteBucket(String name, String id);

  // ---- objects ----

  /** The current version of a key when it is an object (not when it is a delete marker). */
  Optional<ObjectMeta> findObject(String bucket, String key);

  /**
   * Whether {@link #findObject} answers recently read objects from memory (a single process's
   * store), so that a GET of one may be answered without waiting on the database.
   */
  default boolean cachesObjects() {
    return false;
  }

  /**
   * A version of a key: with {@code versionId} null the current one (an object or a delete marker),
   * else the one with that ID ({@code "null"} for the null version). Empty when there is none.
   */
  Optional<KeyVersion> findVersion(String bucket, String key, @Nullable String versionId);

  /** The segments of a multipart object in part order (empty for a single-piece object). */
  List<Segment> findSegments(String storageId);

  /**
   * Makes {@code object} the current version of its key if {@code precondition} holds against the
   * current version (a delete marker counts as no object), checked in the same transaction. As the
   * bucket's versioning is at the commit: ENABLED keeps {@code object.versionId()} and keeps the
   * previous current version as a noncurrent one; otherwise the object becomes the null version,
   * replacing the key's existing null version wherever it is (current or not), and keeping other
   * versions. NO_SUCH_BUCKET when the bucket is gone or is no longer the one with ID {@code
   * bucketId}, under which the caller stored the object's blob (the name was deleted and created
   * again meanwhile); PRECONDITION_FAILED when If-None-Match * meets an existing key or If-Match
   * meets another ETag; NO_SUCH_KEY when If-Match meets no key.
   *
   * <p>{@code event} (null: none) is completed into an {@link ObjectEvent} and queued, in the same
   * transaction, for each of the bucket's notification rules it matches (see {@link EventDraft}).
   *
   * @return the object as stored (with the version ID it got) and what it replaced, so that storage
   *     can be released
   */
  Written putObject(
      String bucketId,
      ObjectMeta object,
      WritePrecondition precondition,
      @Nullable EventDraft event);

  /**
   * Deletes as S3's DeleteObject does, if {@code precondition} holds against the current version
   * (only ifMatch is used).
   *
   * <ul>
   *   <li>{@code versionId} null, bucket never versioned: removes the current version (nothing when
   *       absent).
   *   <li>{@code versionId} null, versioning ENABLED: adds a delete marker with ID {@code
   *       markerVersionId} as the current version; the previous current version stays.
   *   <li>{@code versionId} null, versioning SUSPENDED: removes the null version (wherever it is)
   *       and adds a delete marker as the null version.
   *   <li>{@code versionId} given: removes that version (object or marker) for good; when it was
   *       the current one, the next newest becomes current. NO_SUCH_VERSION when absent.
   * </ul>
   *
   * A version whose lock {@link io.coffer.model.ObjectLock#protects protects} it at {@code now}
   * (with {@code bypassGovernance}) is not removed: ACCESS_DENIED.
   *
   * <p>{@code event} as in {@link #putObject}; nothing is reported when nothing changed (an absent
   * key in an unversioned bucket), and a delete that added a marker reports {@link
   * EventName#asMarkerCreated()}.
   *
   * @return what was removed, so its storage can be released, and what to report
   */
  Deleted deleteObject(
      String bucket,
      String key,
      @Nullable String versionId,
      WritePrecondition precondition,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance,
      @Nullable EventDraft event);

  /**
   * Changes the lock of a version ({@code versionId} null: the current one) to what {@code change}
   * makes of it, in one transaction; {@code change} may throw a CofferException to refuse.
   * NO_SUCH_KEY or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED for a delete marker.
   *
   * @return the version with its new lock
   */
  ObjectMeta updateLock(
      String bucket, String key, @Nullable String versionId, UnaryOperator<ObjectLock> change);

  /**
   * Sets the ACL of a version ({@code versionId} null: the current one); null is the default (the
   * bucket owner's, private). NO_SUCH_BUCKET, NO_SUCH_KEY or NO_SUCH_VERSION when absent,
   * METHOD_NOT_ALLOWED for a delete marker.
   *
   * @return the version with its new ACL
   */
  ObjectMeta setObjectAcl(String bucket, String key, @Nullable String versionId, @Nullable Acl acl);

  /**
   * Replaces the tag set of a version (null versionId: the current one; empty removes the tags), as
   * {@link #setObjectAcl} does its ACL; {@code event} as in {@link #putObject}.
   */
  ObjectMeta setObjectTags(
      String bucket,
      String key,
      @Nullable String versionId,
      Map<String, String> tags,
      @Nullable EventDraft event);

  /** One page of keys and common prefixes of current versions; see {@link ListQuery}. */
  ListPage listObjects(ListQuery query);

  /** One page of versions and delete markers; see {@link VersionQuery}. */
  VersionPage listVersions(VersionQuery query);

  /**
   * Calls {@code sink} with every blob ID the store references (every version of every object,
   * segments and parts).
   */
  void forEachReferencedBlob(Consumer<String> sink);

  // ---- multipart uploads ----

  /** NO_SUCH_BUCKET when the bucket is gone. */
  void createUpload(MultipartUpload upload);

  Optional<MultipartUpload> findUpload(String uploadId);

  /**
   * Records a part, replacing one with the same number. NO_SUCH_UPLOAD when the upload is gone (the
   * caller then deletes the blob it wrote).
   *
   * @return the blob ID of a replaced part, if any
   */
  Optional<String> putPart(Part part);

  /** Parts with numbers greater than {@code afterPartNumber}, at most {@code maxParts}. */
  List<Part> listParts(String uploadId, int afterPartNumber, int maxParts);

  /**
   * In-progress uploads of a bucket ordered by (key, upload initiation order), after the
   * (keyMarker, uploadIdMarker) position as S3 defines it, grouped by delimiter like object
   * listings.
   */
  UploadListing listUploads(
      String bucket,
      String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads);

  /**
   * Removes an upload and returns its parts so their blobs can be deleted; NO_SUCH_UPLOAD when
   * absent.
   */
  List<Part> abortUpload(String uploadId);

  /**
   * Atomically turns an upload into the current version of its key: {@code object} (stored as
   * {@code Storage.Parts} of segments.size() parts) and its segments are written, the upload and
   * all its parts removed, and {@code completion} remembered (see {@link #findCompletedUpload});
   * completions remembered from before {@code forgetBefore} may be forgotten. Parts not named in
   * segments are returned for deletion, with what the object replaced. When the upload is already
   * gone because a completion with the same bucket, key and parts fingerprint (at or after {@code
   * forgetBefore}) took it, nothing changes and that completion is returned; otherwise
   * NO_SUCH_UPLOAD. Precondition and {@code event} as in {@link #putObject} (a retry that changed
   * nothing reports nothing).
   */
  Completed completeUpload(
      CompletedUpload completion,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition precondition,
      Instant forgetBefore,
      @Nullable EventDraft event);

  /**
   * A completed upload's remembered answer, until it is forgotten (completions older than a later
   * completion's {@code forgetBefore}, and those of a deleted bucket).
   */
  Optional<CompletedUpload> findCompletedUpload(String uploadId);

  // ---- lifecycle sweeps ----

  /** The saved progress of the bucket's lifecycle sweep under way, if any. */
  Optional<LifecycleCheckpoint> findLifecycleCheckpoint(String bucketId);

  /** Saves (replaces) the progress of a bucket's lifecycle sweep. */
  void saveLifecycleCheckpoint(LifecycleCheckpoint checkpoint);

  /** Forgets a bucket's sweep progress: its sweep is complete (or the bucket gone). */
  void clearLifecycleCheckpoint(String bucketId);

  // ---- event notifications ----

  /**
   * Sets (null removes) a bucket's notification configuration, and replaces its rules as the write
   * path matches them. Every target the configuration names must exist (INVALID_ARGUMENT otherwise,
   * checked in the same transaction). When {@code testEvent} is given, an s3:TestEvent is queued
   * for each target the new configuration names, in the same transaction. NO_SUCH_BUCKET unless the
   * bucket has this ID.
   */
  Bucket setBucketNotification(
      String name,
      String id,
      @Nullable NotificationConfiguration configuration,
      @Nullable EventDraft testEvent);

  /** NOTIFICATION_TARGET_EXISTS when the ID is taken. */
  void createNotificationTarget(NotificationTarget target);

  /** Replaces a target's configuration; NO_SUCH_NOTIFICATION_TARGET when absent. */
  NotificationTarget updateNotificationTarget(String id, String config);

  /**
   * Deletes a target with its queued events; NOTIFICATION_TARGET_IN_USE while a bucket's rule names
   * it, NO_SUCH_NOTIFICATION_TARGET when absent.
   */
  void deleteNotificationTarget(String id);

  Optional<NotificationTarget> findNotificationTarget(String id);

  /** Every target, by ID. */
  List<NotificationTarget> listNotificationTargets();

  /** The names of the buckets whose rules name the target, in name order. */
  List<String> bucketsNotifying(String targetId);

  /**
   * How many events each target's queue holds at most. An event that finds its target's queue full
   * is not queued and counts as dropped ({@link OutboxStats#dropped()}); the write it reports still
   * succeeds. Applies to events recorded after the call.
   */
  void setOutboxLimit(long eventsPerTarget);

  /** The oldest events queued for a target, in queue order, at most {@code limit}. */
  List<OutboxEvent> queuedEvents(String targetId, int limit);

  /** Removes delivered events (by seq) from a target's queue. */
  void removeQueuedEvents(String targetId, List<Long> seqs);

  /** A target's queue; zeros when the target does not exist. */
  OutboxStats outboxStats(String targetId);

  /**
   * Receives each object event the store records, queued or not (a bucket without rules too), after
   * its transaction commits, in commit order, on a thread of the store's: it must return quickly
   * (an exception it throws is ignored). s3:TestEvent is not passed on: it concerns a bucket's
   * targets only. One listener; null removes it. For live listeners (ListenBucketNotification),
   * which are not durable.
   */
  void setEventListener(@Nullable Consumer<ObjectEvent> listener);

  // ---- the built-in key store (SSE-KMS) ----

  /** Adds a named key; CofferException KMS_KEY_EXISTS (409) when one has the name. */
  void createKmsKey(KmsKey key);

  /** Every named key, by name. */
  List<KmsKey> listKmsKeys();

  Optional<KmsKey> findKmsKey(String name);

  /** Enables or disables a named key; empty when there is none of that name. */
  Optional<KmsKey> setKmsKeyEnabled(String name, boolean enabled);

  /**
   * Replaces a named key's sealed material (the same material, sealed again by another master key
   * after a rotation), only if it is still sealed as {@code expected} says; empty otherwise.
   */
  Optional<KmsKey> resealKmsKey(KmsKey expected, String masterKeyId, byte[] sealedMaterial);

  // ---- presigned URLs ----

  PresignedUrl createPresignedUrl(
      String hash,
      String bucket,
      String key,
      String method,
      long credentialId,
      Instant expiresAt,
      Instant now);

  Optional<PresignedUrl> findPresignedUrlByHash(String hash);

  List<PresignedUrl> listPresignedUrls();

  /** NO_SUCH_PRESIGNED_URL when absent. */
  void revokePresignedUrl(long id);

  /** Revokes every presigned URL signed with the credential. */
  void revokePresignedUrlsOf(long credentialId);

  // ---- stats ----

  /** Counters without scanning; active presigned URLs are those not revoked nor expired at now. */
  Stats stats(Instant now);

  /**
   * How many bytes the metadata takes where it is kept, for the operations view: SQLite's database
   * file with its write-ahead log and shared-memory files; PostgreSQL's {@code pg_database_size} of
   * the database (everything in it, Coffer's tables or not).
   */
  long databaseSize();

  @Override
  void close();

  /**
   * What a write replaced or removed: the previous version (null if none) and the blob IDs it
   * stored its bytes in (its own storageId, or its segments' blobs), which the caller releases.
   */
  record Replaced(@Nullable ObjectMeta previous, List<String> releasedBlobs) {
    public static final Replaced NOTHING = new Replaced(null, List.of());

    public boolean existed() {
      return previous != null;
    }
  }

  /**
   * The result of completing an upload: what to release, and the answer (the one remembered from an
   * earlier completion when this was a retry, which then released nothing).
   */
  record Completed(Replaced replaced, List<String> unusedPartBlobs, CompletedUpload upload) {}

  /** The result of a write: the object as stored, with its version ID, and what it replaced. */
  record Written(ObjectMeta object, Replaced replaced) {}

  /**
   * The result of a delete.
   *
   * @param removed what was removed for good (nothing when only a delete marker was added)
   * @param versionId the version to report: the marker added, or the version removed; null when the
   *     bucket was never versioned
   * @param deleteMarker whether a delete marker was added, or the version removed was one
   */
  record Deleted(Replaced removed, @Nullable String versionId, boolean deleteMarker) {}
}
