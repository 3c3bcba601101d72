package io.coffer.service;

import io.coffer.blob.BlobStore;
import io.coffer.blob.BlobStore.BlobLease;
import io.coffer.concurrent.NonBlocking;
import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.DecryptingStream;
import io.coffer.crypto.KeyService;
import io.coffer.crypto.SseRequest;
import io.coffer.meta.MetadataStore;
import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.model.Acl;
import io.coffer.model.BucketRef;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.WritePrecondition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Objects: write, read, delete, list. A write stores the bytes first and then switches the key to
 * them in one metadata transaction; what the key pointed to before is released afterwards, and only
 * once no reader holds it.
 */
public final class ObjectService {
  private static final int READ_ATTEMPTS = 5;

  private final MetadataStore store;
  private final BlobStore blobs;
  private final BucketService buckets;
  private final BodyWriter bodyWriter;
  private final Clock clock;
  private final long maxObjectSize;
  private final AclResolver acls;
  private final Quotas quotas;
  private final KeyService keys;

  public ObjectService(
      MetadataStore store,
      BlobStore blobs,
      BucketService buckets,
      Clock clock,
      long maxObjectSize,
      int inlineThreshold,
      KeyService keys) {
    this.store = store;
    this.keys = keys;
    this.blobs = blobs;
    this.buckets = buckets;
    this.bodyWriter = new BodyWriter(blobs, inlineThreshold);
    this.clock = clock;
    this.maxObjectSize = maxObjectSize;
    this.acls = new AclResolver(store);
    this.quotas = new Quotas(store);
  }

  Instant now() {
    return clock.instant();
  }

  /** The key store (the management API's KMS keys). */
  public KeyService keys() {
    return keys;
  }

  BodyWriter bodyWriter() {
    return bodyWriter;
  }

  long maxObjectSize() {
    return maxObjectSize;
  }

  /** The quota check every write that adds bytes to a bucket makes before storing them. */
  public Quotas quotas() {
    return quotas;
  }

  /**
   * Writes an object with the ACL its request's headers ask for (see {@link AclResolver}) and the
   * tags of x-amz-tagging (validated by the parser; empty for none), encrypted as {@code sse} asks
   * ({@link SseRequest#NONE}: as the bucket's default says), reported as {@code createdAs}
   * (s3:ObjectCreated:Put; a browser form's upload is s3:ObjectCreated:Post).
   */
  public ObjectMeta put(
      Caller caller,
      String bucket,
      String key,
      ObjectAttributes attributes,
      InputStream body,
      long declaredLength,
      PayloadChecks checks,
      WritePrecondition precondition,
      ObjectLock lock,
      AclRequest aclRequest,
      Map<String, String> tags,
      SseRequest sse,
      EventName createdAs) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    Names.requireValidKey(key);
    ObjectLock newLock = ObjectLocks.forNewVersion(ref, lock, clock.instant());
    Acl acl = acls.forNewObject(caller, ref, aclRequest);
    failEarlyIfKeyExists(bucket, key, precondition);
    long room = quotas.require(bucket, ref, declaredLength);
    // Before the body is read: a missing or disabled KMS key fails the request at once.
    DataKey dataKey =
        ObjectEncryption.newKey(keys, ObjectEncryption.effective(sse, ref.features().encryption()));
    StoredBody stored =
        bodyWriter.store(
            ref.id(),
            Quotas.limit(body, room),
            declaredLength,
            maxObjectSize,
            checks,
            null,
            dataKey);
    return commitNew(
        ref.id(),
        bucket,
        key,
        stored,
        attributes,
        precondition,
        newLock,
        acl,
        tags,
        dataKey,
        EventDrafts.of(caller, createdAs));
  }

  /** The ACL a new object gets in the bucket (checked before anything is stored). */
  @Nullable Acl aclForNewObject(Caller caller, BucketRef ref, AclRequest request) {
    return acls.forNewObject(caller, ref, request);
  }

  /**
   * Spares reading a body that cannot be stored (If-None-Match meeting the current version); the
   * writer's transaction checks again.
   */
  private void failEarlyIfKeyExists(String bucket, String key, WritePrecondition precondition) {
    if ((precondition.ifNoneMatchAny() || !precondition.ifNoneMatchEtags().isEmpty())
        && store
            .findObject(bucket, key)
            .filter(o -> precondition.noneMatchRefuses(o.etag()))
            .isPresent()) {
      throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    }
  }

  /**
   * Makes a stored body the current version of a key, with the given attributes, lock, ACL and
   * tags.
   *
   * @param bucketId the ID of the bucket the body was stored under
   * @param dataKey the key the body was encrypted with, or null
   * @param event the event the write reports
   * @return the object as stored, with the version ID it got
   */
  ObjectMeta commitNew(
      String bucketId,
      String bucket,
      String key,
      StoredBody stored,
      ObjectAttributes attributes,
      WritePrecondition precondition,
      ObjectLock lock,
      @Nullable Acl acl,
      Map<String, String> tags,
      @Nullable DataKey dataKey,
      EventDraft event) {
    Instant now = clock.instant();
    Storage storage =
        stored.blobId() != null
            ? new Storage.Blob(stored.blobId())
            : new Storage.Inline(Objects.requireNonNull(stored.inline()));
    ObjectMeta meta =
        ObjectMeta.written(
                bucket,
                key,
                stored.size(),
                ObjectEncryption.etag(stored, dataKey),
                attributes.contentType(),
                attributes.headers(),
                attributes.userMetadata(),
                stored.checksum(),
                now,
                storage)
            .withVersion(VersionIds.next())
            .withLock(lock)
            .withAcl(acl)
            .withTags(tags)
            .withEncryption(dataKey == null ? null : dataKey.encryption());
    return commit(
        bucketId,
        meta,
        precondition,
        stored.blobId() == null ? List.of() : List.of(stored.blobId()),
        event);
  }

  /**
   * Makes {@code meta} current; on failure releases the blobs written for it. Fails with
   * NO_SUCH_BUCKET unless the bucket is still the one with {@code bucketId}, the one the blobs were
   * stored under (not deleted and created again under its name meanwhile).
   *
   * @return the object as stored, with the version ID it got
   */
  ObjectMeta commit(
      String bucketId,
      ObjectMeta meta,
      WritePrecondition precondition,
      List<String> newBlobs,
      EventDraft event) {
    Written written;
    try {
      written = store.putObject(bucketId, meta, precondition, event);
    } catch (RuntimeException e) {
      blobs.releaseLater(bucketId, newBlobs);
      throw e;
    }
    blobs.releaseLater(bucketId, written.replaced().releasedBlobs());
    return written.object();
  }

  /**
   * A version of an object and where its bytes are (management API), checked as a GetObject is: a
   * caller who may not list the bucket learns nothing of a key that is not there.
   *
   * @param versionId the version, or null for the current one
   */
  public ObjectDetails details(
      Caller caller, String bucket, String key, @Nullable String versionId) {
    Action action = readAction(versionId);
    BucketService.ObjectAccess checked = buckets.objectAccess(caller, bucket, action, key);
    BucketRef ref = checked.bucket();
    ObjectMeta meta =
        buckets.requireReadable(caller, checked, action, () -> find(ref, bucket, key, versionId));
    return new ObjectDetails(meta, storagePath(ref.id(), meta));
  }

  /**
   * An object the caller has just written (an upload or a copy through the management API). S3
   * answers a write whatever the writer may read, so this is never refused; where the bytes are is
   * told only to a caller who may read the object, checked as a GetObject of it is.
   */
  public ObjectDetails details(Caller caller, ObjectMeta meta) {
    BucketRef ref;
    try {
      BucketService.ObjectAccess checked =
          buckets.objectAccess(caller, meta.bucket(), Action.GET_OBJECT, meta.key());
      buckets.requireReadable(caller, checked, Action.GET_OBJECT, () -> meta);
      ref = checked.bucket();
    } catch (CofferException e) {
      if (e.code() != ErrorCode.ACCESS_DENIED) {
        throw e;
      }
      return new ObjectDetails(meta, null);
    }
    return new ObjectDetails(meta, storagePath(ref.id(), meta));
  }

  private static Action readAction(@Nullable String versionId) {
    return versionId == null ? Action.GET_OBJECT : Action.GET_OBJECT_VERSION;
  }

  /**
   * The version to read: the current one ({@code versionId} null) or the one named. A delete marker
   * answers as S3 answers it: 404 NoSuchKey when it is current, 405 MethodNotAllowed when named,
   * both with {@code x-amz-delete-marker: true}.
   */
  ObjectMeta find(BucketRef bucketRef, String bucket, String key, @Nullable String versionId) {
    if (versionId == null) {
      Optional<ObjectMeta> current = store.findObject(bucket, key);
      if (current.isPresent()) {
        return current.get();
      }
      if (bucketRef.versioning().everVersioned()
          && store.findVersion(bucket, key, null).orElse(null) instanceof DeleteMarker marker) {
        throw marker.hidesKey();
      }
      throw new CofferException(ErrorCode.NO_SUCH_KEY);
    }
    requireWellFormed(versionId);
    return switch (store
        .findVersion(bucket, key, versionId)
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_VERSION))) {
      case ObjectMeta meta -> meta;
      case DeleteMarker marker -> throw marker.notAllowed();
    };
  }

  /** INVALID_ARGUMENT unless {@code versionId} is one this server could have made. */
  static void requireWellFormed(String versionId) {
    if (!VersionIds.isWellFormed(versionId)) {
      throw CofferException.invalidArgument("Invalid version id specified", "versionId", versionId);
    }
  }

  /**
   * Opens an object (or a range, or one part of a multipart object) for reading, unless the
   * conditions answer 304 Not Modified.
   *
   * @param range the requested range, or null
   * @param partNumber the requested part, or null
   * @param customerKey the SSE-C key the object was written with, or null for none (then an SSE-C
   *     object is refused)
   */
  public ReadResult read(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      ReadConditions conditions,
      @Nullable ByteRange range,
      @Nullable Integer partNumber,
      @Nullable CustomerKey customerKey) {
    BucketService.ObjectAccess checked =
        buckets.objectAccess(caller, bucket, readAction(versionId), key);
    return open(
        caller, checked, bucket, key, versionId, conditions, range, partNumber, customerKey);
  }

  /**
   * Opens after the access check on the bucket, finishing it with the version's ACL where that
   * check left it open. An encrypted version's data key is recovered first (SSE-C: with {@code
   * customerKey}, which must be the one it was written with: 400 when absent, 403 when another).
   *
   * @param checked what the access check found
   * @param versionId the version to open, or null for the current one
   * @param customerKey the SSE-C key the request sent, or null
   */
  ReadResult open(
      Caller caller,
      BucketService.ObjectAccess checked,
      String bucket,
      String key,
      @Nullable String versionId,
      ReadConditions conditions,
      @Nullable ByteRange range,
      @Nullable Integer partNumber,
      @Nullable CustomerKey customerKey) {
    BucketRef bucketRef = checked.bucket();
    String id = bucketRef.id();
    for (int attempt = 1; ; attempt++) {
      ObjectMeta meta =
          buckets.requireReadable(
              caller,
              checked,
              readAction(versionId),
              () -> find(bucketRef, bucket, key, versionId));
      // The key first: without it, an SSE-C object tells nothing, not even whether it changed.
      DataKey dataKey = ObjectEncryption.open(keys, meta.encryption(), customerKey);
      if (conditions.notModified(meta)) {
        return new ReadResult.NotModified(meta);
      }
      try {
        return openVersion(id, meta, range, partNumber, dataKey);
      } catch (NoSuchFileException e) {
        // Overwritten or deleted between the lookup and the lease, or the bucket was deleted and
        // created again since its ID was looked up: look again.
        id = buckets.currentId(bucket).orElseThrow(ObjectService::noSuchBucket);
        if (attempt == READ_ATTEMPTS) {
          throw new CofferException(
              ErrorCode.INTERNAL_ERROR, "The object changed too often while being read.");
        }
      } catch (IOException e) {
        throw new CofferException(ErrorCode.INTERNAL_ERROR, "The object could not be read.", e);
      }
    }
  }

  private ObjectRead openVersion(
      String bucketId,
      ObjectMeta meta,
      @Nullable ByteRange range,
      @Nullable Integer partNumber,
      @Nullable DataKey dataKey)
      throws IOException {
    if (!(meta.storage() instanceof Storage.Inline)) {
      // a file is leased, and sent from a thread that may wait for the socket to drain
      NonBlocking.mayBlock();
    }
    List<Segment> segments =
        meta.storage() instanceof Storage.Parts parts
            ? store.findSegments(parts.storageId())
            : List.of();
    ByteRange.Resolved resolved = null;
    if (partNumber != null) {
      resolved = partRange(meta, segments, partNumber);
    } else if (range != null) {
      resolved = range.resolve(meta.size());
    }
    long start = resolved == null ? 0 : resolved.start();
    long length = resolved == null ? meta.size() : resolved.length();
    return switch (meta.storage()) {
      case Storage.Inline inline -> {
        byte[] plain =
            dataKey == null
                ? inline.bytes()
                : DecryptingStream.decryptAll(dataKey.key(), inline.bytes(), meta.size());
        byte[] bytes =
            resolved == null
                ? plain
                : Arrays.copyOfRange(plain, (int) start, (int) (start + length));
        yield new ObjectRead(meta, resolved, bytes, null, List.of(), dataKey);
      }
      case Storage.Blob blob -> {
        BlobLease lease = blobs.lease(bucketId, List.of(blob.id()));
        long blobSize = dataKey == null ? -1 : meta.size();
        yield new ObjectRead(
            meta,
            resolved,
            null,
            lease,
            List.of(new ObjectRead.Slice(0, start, length, blobSize)),
            dataKey);
      }
      case Storage.Parts parts ->
          openParts(bucketId, meta, resolved, segments, start, length, dataKey);
    };
  }

  /**
   * Only the parts the range touches are leased. An encrypted object's parts are blobs encrypted
   * each on its own (with the upload's data key), so a slice is a plaintext range of its part.
   */
  private ObjectRead openParts(
      String bucketId,
      ObjectMeta meta,
      ByteRange.@Nullable Resolved resolved,
      List<Segment> segments,
      long start,
      long length,
      @Nullable DataKey dataKey)
      throws IOException {
    List<String> ids = new ArrayList<>();
    List<ObjectRead.Slice> slices = new ArrayList<>();
    long segmentStart = 0;
    long end = start + length;
    for (Segment segment : segments) {
      long segmentEnd = segmentStart + segment.size();
      if (segmentEnd > start && segmentStart < end && segment.size() > 0) {
        long from = Math.max(start, segmentStart) - segmentStart;
        long to = Math.min(end, segmentEnd) - segmentStart;
        long blobSize = dataKey == null ? -1 : segment.size();
        slices.add(new ObjectRead.Slice(ids.size(), from, to - from, blobSize));
        ids.add(segment.blobId());
      }
      segmentStart = segmentEnd;
    }
    BlobLease lease = blobs.lease(bucketId, ids);
    return new ObjectRead(meta, resolved, null, lease, slices, dataKey);
  }

  private static ByteRange.@Nullable Resolved partRange(
      ObjectMeta meta, List<Segment> segments, int partNumber) {
    int parts = meta.isMultipart() ? segments.size() : 1;
    if (partNumber < 1 || partNumber > parts) {
      throw new CofferException(ErrorCode.INVALID_PART_NUMBER);
    }
    if (!meta.isMultipart()) {
      return meta.size() == 0 ? null : new ByteRange.Resolved(0, meta.size() - 1, meta.size());
    }
    long offset = 0;
    for (int i = 0; i < partNumber - 1; i++) {
      offset += segments.get(i).size();
    }
    long size = segments.get(partNumber - 1).size();
    return new ByteRange.Resolved(offset, offset + size - 1, meta.size());
  }

  /**
   * Deletes as S3's DeleteObject does (see {@link MetadataStore#deleteObject}): deleting an absent
   * key succeeds; in a versioned bucket, without a version ID, a delete marker hides the key.
   *
   * @param versionId the version to remove for good, or null
   * @param bypassGovernance whether the request asks to bypass GOVERNANCE retention (honoured only
   *     for a caller allowed to)
   */
  public DeleteOutcome delete(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      WritePrecondition precondition,
      boolean bypassGovernance) {
    if (versionId != null) {
      requireWellFormed(versionId);
    }
    BucketRef ref =
        buckets.requireRef(
            caller,
            bucket,
            versionId == null ? Action.DELETE_OBJECT : Action.DELETE_OBJECT_VERSION,
            key);
    boolean bypass =
        bypassGovernance
            && buckets.allows(caller, Action.BYPASS_GOVERNANCE_RETENTION, bucket, ref, key);
    Deleted deleted =
        store.deleteObject(
            bucket,
            key,
            versionId,
            precondition,
            VersionIds.next(),
            clock.instant(),
            bypass,
            EventDrafts.of(caller, EventName.OBJECT_REMOVED_DELETE));
    release(bucket, deleted.removed().releasedBlobs());
    return new DeleteOutcome(
        deleted.versionId(),
        deleted.deleteMarker(),
        deleted.removed().existed() || versionId != null);
  }

  /**
   * Releases blobs a metadata change in {@code bucket} let go of, after the caller's reply ({@link
   * BlobStore#releaseLater}). They belong to the bucket of that name at the change's commit, which
   * is the current one unless the name was deleted since (and then its folder is removed as a
   * whole).
   */
  void release(String bucket, List<String> blobIds) {
    if (!blobIds.isEmpty()) {
      buckets.currentId(bucket).ifPresent(id -> blobs.releaseLater(id, blobIds));
    }
  }

  /** See {@link ObjectDetails#storagePath()}. */
  private String storagePath(String bucketId, ObjectMeta meta) {
    return switch (meta.storage()) {
      case Storage.Inline inline -> ".coffer/metadata.db";
      case Storage.Blob blob -> blobs.relativePath(bucketId, blob.id());
      case Storage.Parts parts -> {
        List<Segment> segments = store.findSegments(parts.storageId());
        yield blobs.relativePath(
            bucketId, segments.isEmpty() ? parts.storageId() : segments.get(0).blobId());
      }
    };
  }

  private static CofferException noSuchBucket() {
    return new CofferException(ErrorCode.NO_SUCH_BUCKET, "The specified bucket does not exist.");
  }

  public ListPage list(
      Caller caller,
      String bucket,
      @Nullable String prefix,
      @Nullable String delimiter,
      @Nullable String after,
      int maxKeys) {
    buckets.requireAccess(caller, bucket, Action.LIST_BUCKET);
    return store.listObjects(
        new ListQuery(bucket, prefix == null ? "" : prefix, delimiter, after, maxKeys));
  }

  /** One page of a bucket's versions and delete markers (ListObjectVersions). */
  public VersionPage listVersions(Caller caller, VersionQuery query) {
    buckets.requireAccess(caller, query.bucket(), Action.LIST_BUCKET_VERSIONS);
    if (query.versionIdMarker() != null) {
      requireWellFormed(query.versionIdMarker());
    }
    return store.listVersions(query);
  }
}
