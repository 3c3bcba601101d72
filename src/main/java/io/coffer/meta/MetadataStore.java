package io.coffer.meta;

import io.coffer.model.Bucket;
import io.coffer.model.BucketQuery;
import io.coffer.model.BucketRef;
import io.coffer.model.CompletedUpload;
import io.coffer.model.Credential;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.PresignedUrl;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.UploadListing;
import io.coffer.model.WritePrecondition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
public interface MetadataStore extends AutoCloseable {

  // ---- credentials ----

  /** Creates a credential; CREDENTIAL_ALREADY_EXISTS when the access key is taken. */
  Credential createCredential(String accessKey, String secretKey, String userName, Instant now);

  Optional<Credential> findCredential(long id);

  Optional<Credential> findCredentialByAccessKey(String accessKey);

  List<Credential> listCredentials();

  /** Changes the given fields (null leaves one unchanged); NO_SUCH_CREDENTIAL when absent. */
  Credential updateCredential(long id, @Nullable String userName, Boolean active);

  /** Replaces the secret key; NO_SUCH_CREDENTIAL when absent. */
  Credential updateCredentialSecret(long id, String secretKey);

  /**
   * Deletes a credential and revokes its presigned URLs; CREDENTIAL_IN_USE while it owns buckets,
   * NO_SUCH_CREDENTIAL when absent.
   */
  void deleteCredential(long id);

  // ---- buckets ----

  /**
   * Creates a bucket; BUCKET_ALREADY_OWNED_BY_YOU when the owner already has it,
   * BUCKET_ALREADY_EXISTS when someone else does, NO_SUCH_CREDENTIAL when the owner is unknown.
   */
  Bucket createBucket(String name, long ownerId, String region, Instant now);

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
   * uploads so their blobs can be removed; BUCKET_NOT_EMPTY when it holds objects, NO_SUCH_BUCKET
   * when absent or when the bucket of that name is no longer the one with ID {@code id}.
   */
  List<Part> deleteBucket(String name, String id);

  // ---- objects ----

  Optional<ObjectMeta> findObject(String bucket, String key);

  /** The segments of a multipart object in part order (empty for a single-piece object). */
  List<Segment> findSegments(String storageId);

  /**
   * Makes {@code object} the current version of its key if {@code precondition} holds against the
   * current version, checked in the same transaction. NO_SUCH_BUCKET when the bucket is gone or is
   * no longer the one with ID {@code bucketId}, under which the caller stored the object's blob
   * (the name was deleted and created again meanwhile); PRECONDITION_FAILED when If-None-Match *
   * meets an existing key or If-Match meets another ETag; NO_SUCH_KEY when If-Match meets no key.
   *
   * @return what the write replaced, so its storage can be released
   */
  Replaced putObject(String bucketId, ObjectMeta object, WritePrecondition precondition);

  /**
   * Removes the current version of a key if {@code precondition} holds (only ifMatch is used).
   *
   * @return what was deleted, so its storage can be released (empty when the key was absent)
   */
  Replaced deleteObject(String bucket, String key, WritePrecondition precondition);

  /** One page of keys and common prefixes; see {@link ListQuery}. */
  ListPage listObjects(ListQuery query);

  /** Calls {@code sink} with every blob ID the store references (objects, segments and parts). */
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
   * NO_SUCH_UPLOAD. Precondition as in {@link #putObject}.
   */
  Completed completeUpload(
      CompletedUpload completion,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition precondition,
      Instant forgetBefore);

  /**
   * A completed upload's remembered answer, until it is forgotten (completions older than a later
   * completion's {@code forgetBefore}, and those of a deleted bucket).
   */
  Optional<CompletedUpload> findCompletedUpload(String uploadId);

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
}
