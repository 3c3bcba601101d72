package io.coffer.service;

import io.coffer.blob.BlobStore;
import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.Checksums;
import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.SseRequest;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Acl;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.UploadListing;
import io.coffer.model.WritePrecondition;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Multipart uploads. Parts are stored as blobs of their own; completing an upload writes metadata
 * only: the parts become the segments of the object, nothing is copied.
 */
public final class MultipartService {
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  public static final int MAX_PART_NUMBER = 10_000;

  /** S3's limit for an object assembled from parts: 5 TiB. */
  public static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

  /** How long a completed upload's answer is remembered for clients that retry the completion. */
  public static final Duration REMEMBER_COMPLETED = Duration.ofHours(24);

  private final MetadataStore store;
  private final BlobStore blobs;
  private final BucketService buckets;
  private final ObjectService objects;
  private final Clock clock;

  public MultipartService(
      MetadataStore store,
      BlobStore blobs,
      BucketService buckets,
      ObjectService objects,
      Clock clock) {
    this.store = store;
    this.blobs = blobs;
    this.buckets = buckets;
    this.objects = objects;
    this.clock = clock;
  }

  /**
   * Creates an upload whose object gets the ACL the request's headers ask for, the parts and the
   * object encrypted as {@code sse} asks ({@link SseRequest#NONE}: as the bucket's default says),
   * with one data key for the whole upload.
   */
  public MultipartUpload create(
      Caller caller,
      String bucket,
      String key,
      ObjectAttributes attributes,
      @Nullable ChecksumAlgorithm checksumAlgorithm,
      @Nullable String checksumType,
      ObjectLock lock,
      AclRequest aclRequest,
      Map<String, String> tags,
      SseRequest sse) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    Names.requireValidKey(key);
    ObjectLock newLock = ObjectLocks.forNewVersion(ref, lock, clock.instant());
    Acl acl = objects.aclForNewObject(caller, ref, aclRequest);
    String type = null;
    if (checksumAlgorithm != null) {
      type = checksumType != null ? checksumType : defaultChecksumType(checksumAlgorithm);
      if (type.equals(StoredChecksum.FULL_OBJECT) && !checksumAlgorithm.isCrc()) {
        throw new CofferException(
            ErrorCode.INVALID_REQUEST,
            "The FULL_OBJECT checksum type is not supported for " + checksumAlgorithm.name() + ".");
      }
      if (type.equals(StoredChecksum.COMPOSITE)
          && checksumAlgorithm == ChecksumAlgorithm.CRC64NVME) {
        throw new CofferException(
            ErrorCode.INVALID_REQUEST,
            "The COMPOSITE checksum type is not supported for CRC64NVME.");
      }
    }
    DataKey dataKey =
        ObjectEncryption.newKey(
            objects.keys(), ObjectEncryption.effective(sse, ref.features().encryption()));
    MultipartUpload upload =
        new MultipartUpload(
            SecretGenerator.token(48),
            bucket,
            key,
            caller.id(),
            attributes.contentType(),
            attributes.headers(),
            attributes.userMetadata(),
            checksumAlgorithm == null ? null : checksumAlgorithm.name(),
            type,
            clock.instant(),
            newLock,
            acl,
            tags,
            dataKey == null ? null : dataKey.encryption());
    store.createUpload(upload);
    return upload;
  }

  private static String defaultChecksumType(ChecksumAlgorithm algorithm) {
    return algorithm == ChecksumAlgorithm.CRC64NVME
        ? StoredChecksum.FULL_OBJECT
        : StoredChecksum.COMPOSITE;
  }

  /**
   * The upload if the caller may do {@code action} in the bucket and the upload is in progress
   * there, under {@code key} (any key when null: the management API knows uploads by ID).
   */
  MultipartUpload require(
      Caller caller, Action action, String bucket, @Nullable String key, String uploadId) {
    buckets.requireRef(caller, bucket, action, key);
    return find(bucket, key, uploadId);
  }

  /** The upload, in progress in this bucket under {@code key} (any key when null). */
  MultipartUpload find(String bucket, @Nullable String key, String uploadId) {
    return store
        .findUpload(uploadId)
        .filter(u -> u.bucket().equals(bucket) && (key == null || u.key().equals(key)))
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
  }

  /** A part stored, and the encryption of its upload (null for none). */
  public record UploadedPart(Part part, @Nullable Encryption encryption) {}

  /**
   * Stores a part, encrypted with the upload's data key.
   *
   * @param customerKey the SSE-C key of the upload (required for an SSE-C upload), or null
   */
  public UploadedPart uploadPart(
      Caller caller,
      String bucket,
      String key,
      String uploadId,
      int partNumber,
      InputStream body,
      long declaredLength,
      PayloadChecks checks,
      @Nullable CustomerKey customerKey) {
    requirePartNumber(partNumber);
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    MultipartUpload upload = find(bucket, key, uploadId);
    String bucketId = uploadBucketId(upload);
    DataKey dataKey = ObjectEncryption.forPart(objects.keys(), upload.encryption(), customerKey);
    PayloadChecks effective = withUploadChecksum(upload, checks);
    long room = objects.quotas().require(bucket, ref, declaredLength);
    StoredBody stored =
        objects
            .bodyWriter()
            .store(
                bucketId,
                Quotas.limit(body, room),
                declaredLength,
                objects.maxObjectSize(),
                effective,
                upload.uploadId(),
                dataKey);
    return new UploadedPart(
        recordPart(bucketId, upload, partNumber, stored, dataKey), upload.encryption());
  }

  /**
   * The ID of the bucket an upload is in, looked up after the upload was found. Uploads go with
   * their bucket and their IDs are never reused, so while the upload exists this is its bucket; if
   * the bucket goes meanwhile, recording the part fails (NO_SUCH_UPLOAD) and its blob is released
   * under the ID it was stored with.
   */
  String uploadBucketId(MultipartUpload upload) {
    return buckets
        .currentId(upload.bucket())
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
  }

  /**
   * Writes a part from a stream the service produced itself (UploadPartCopy).
   *
   * @param bucketId the ID of the bucket the part's blob was stored under
   * @param dataKey the upload's data key the part was encrypted with, or null
   */
  Part recordPart(
      String bucketId,
      MultipartUpload upload,
      int partNumber,
      StoredBody stored,
      @Nullable DataKey dataKey) {
    Part part =
        new Part(
            upload.uploadId(),
            partNumber,
            Objects.requireNonNull(stored.blobId()),
            stored.size(),
            ObjectEncryption.etag(stored, dataKey),
            stored.checksum(),
            clock.instant());
    try {
      store.putPart(part).ifPresent(replaced -> blobs.releaseLater(bucketId, List.of(replaced)));
    } catch (RuntimeException e) {
      blobs.releaseLater(bucketId, List.of(stored.blobId()));
      throw e;
    }
    return part;
  }

  /** A part is checked with the upload's algorithm even when the request names none. */
  PayloadChecks withUploadChecksum(MultipartUpload upload, PayloadChecks checks) {
    if (upload.checksumAlgorithm() == null || checks.checksumAlgorithm() != null) {
      return checks;
    }
    return new PayloadChecks(
        checks.contentMd5(),
        checks.sha256Hex(),
        ChecksumAlgorithm.valueOf(upload.checksumAlgorithm()),
        null,
        null);
  }

  static void requirePartNumber(int partNumber) {
    if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "Part number must be an integer between 1 and 10000, inclusive");
    }
  }

  /**
   * The upload with a page of its parts: those after {@code afterPart}, at most {@code maxParts}.
   */
  public UploadParts listParts(
      Caller caller, String bucket, String key, String uploadId, int afterPart, int maxParts) {
    MultipartUpload upload = require(caller, Action.LIST_PARTS, bucket, key, uploadId);
    return new UploadParts(upload, store.listParts(uploadId, afterPart, maxParts));
  }

  public UploadListing listUploads(
      Caller caller,
      String bucket,
      @Nullable String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads) {
    buckets.requireAccess(caller, bucket, Action.LIST_MULTIPART_UPLOADS);
    return store.listUploads(
        bucket, prefix == null ? "" : prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
  }

  /**
   * Every part uploaded so far of each of these uploads of {@code bucket}, in part order (the
   * management API shows their number and size); uploads of other buckets are left out.
   */
  public List<UploadParts> withParts(Caller caller, String bucket, List<MultipartUpload> uploads) {
    buckets.requireAccess(caller, bucket, Action.LIST_PARTS);
    return uploads.stream()
        .filter(upload -> upload.bucket().equals(bucket))
        .map(
            upload ->
                new UploadParts(upload, store.listParts(upload.uploadId(), 0, MAX_PART_NUMBER)))
        .toList();
  }

  /**
   * Aborts an upload of {@code key} (any key when null: the management API knows uploads by ID);
   * NO_SUCH_UPLOAD unless it is in progress in this bucket.
   */
  public void abort(Caller caller, String bucket, @Nullable String key, String uploadId) {
    MultipartUpload upload = require(caller, Action.ABORT_MULTIPART_UPLOAD, bucket, key, uploadId);
    List<Part> parts = store.abortUpload(upload.uploadId());
    objects.release(bucket, parts.stream().map(Part::blobId).toList());
  }

  /**
   * Completes an upload: its listed parts become the object's segments. A retry of a completion
   * that already took the upload (same bucket, key and part list, within {@link
   * #REMEMBER_COMPLETED}) gets the same answer, whatever happened to the object since, as S3
   * answers clients that retry after a timeout.
   *
   * @param expected the object's expected checksum and size, from the request's headers
   * @param customerKey the upload's SSE-C key, or null: optional, as on AWS, but checked when sent
   */
  public Completion complete(
      Caller caller,
      String bucket,
      String key,
      String uploadId,
      List<CompletedPartSpec> requested,
      ExpectedObject expected,
      WritePrecondition precondition,
      @Nullable CustomerKey customerKey) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_OBJECT, key);
    String fingerprint = partsFingerprint(requested);
    MultipartUpload upload =
        store
            .findUpload(uploadId)
            .filter(u -> u.bucket().equals(bucket) && u.key().equals(key))
            .orElse(null);
    if (upload == null) {
      CompletedUpload earlier =
          retriedCompletion(bucket, key, uploadId, fingerprint, requested.size(), expected);
      return new Completion(earlier, encryptionOf(bucket, key, earlier.versionId()));
    }
    if (customerKey != null) {
      ObjectEncryption.requireKey(objects.keys(), upload.encryption(), customerKey);
    }
    expected.requireCompatible(upload.checksumAlgorithm(), upload.checksumType());
    Map<Integer, Part> uploaded = new HashMap<>();
    for (Part part : store.listParts(uploadId, 0, MAX_PART_NUMBER)) {
      uploaded.put(part.partNumber(), part);
    }
    List<Segment> segments = new ArrayList<>(requested.size());
    MessageDigest md5OfMd5s = BodyWriter.digest("MD5");
    requireAscending(requested);
    long size = 0;
    for (int i = 0; i < requested.size(); i++) {
      CompletedPartSpec spec = requested.get(i);
      Part part = uploaded.get(spec.partNumber());
      if (part == null
          || spec.etag() == null
          || !ReadConditions.unquote(spec.etag().trim()).equals(part.etag())) {
        throw new CofferException(ErrorCode.INVALID_PART);
      }
      checkListedChecksum(spec, part);
      boolean last = i == requested.size() - 1;
      if (!last && part.size() < MIN_PART_SIZE) {
        throw new CofferException(
            ErrorCode.ENTITY_TOO_SMALL,
            "Your proposed upload is smaller than the minimum allowed object size. Part "
                + part.partNumber()
                + " is "
                + part.size()
                + " bytes; every part but the last must be at least 5 MiB.");
      }
      md5OfMd5s.update(HexFormat.of().parseHex(part.etag()));
      size += part.size();
      segments.add(part.toSegment());
    }
    if (size > MAX_OBJECT_SIZE) {
      throw new CofferException(ErrorCode.ENTITY_TOO_LARGE);
    }
    StoredChecksum checksum = objectChecksum(upload, segments);
    expected.verify(size, checksum, segments.size());
    // Parts in progress are not counted in the bucket's stored bytes, so each part's own check
    // cannot hold the quota: the completion, which adds the object's size, is checked too (a
    // refused upload stays, to be aborted or completed with fewer parts).
    objects.quotas().require(bucket, ref, size);
    Instant now = clock.instant();
    String etag = HexFormat.of().formatHex(md5OfMd5s.digest()) + "-" + segments.size();
    String versionId = VersionIds.next();
    ObjectMeta meta =
        ObjectMeta.written(
                bucket,
                key,
                size,
                etag,
                upload.contentType(),
                upload.headers(),
                upload.userMetadata(),
                checksum,
                now,
                new Storage.Parts(Ids.storageId(), segments.size()))
            .withVersion(versionId)
            .withLock(upload.lock())
            .withAcl(upload.acl())
            .withTags(upload.tags())
            .withEncryption(upload.encryption());
    CompletedUpload completion =
        new CompletedUpload(
            uploadId, bucket, key, etag, size, checksum, fingerprint, now, versionId);
    MetadataStore.Completed completed =
        store.completeUpload(
            completion,
            meta,
            segments,
            precondition,
            now.minus(REMEMBER_COMPLETED),
            EventDrafts.of(caller, EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD));
    objects.release(bucket, completed.unusedPartBlobs());
    objects.release(bucket, completed.replaced().releasedBlobs());
    return new Completion(completed.upload(), upload.encryption());
  }

  /** A completed upload, and the encryption of the object it made (null for none). */
  public record Completion(CompletedUpload upload, @Nullable Encryption encryption) {}

  /** The encryption of the version a completion made, when it is still there. */
  private @Nullable Encryption encryptionOf(String bucket, String key, String versionId) {
    return store.findVersion(bucket, key, versionId).orElse(null) instanceof ObjectMeta meta
        ? meta.encryption()
        : null;
  }

  /** The remembered answer to a completion this request repeats, or NoSuchUpload. */
  private CompletedUpload retriedCompletion(
      String bucket,
      String key,
      String uploadId,
      String fingerprint,
      int partCount,
      ExpectedObject expected) {
    Instant horizon = clock.instant().minus(REMEMBER_COMPLETED);
    CompletedUpload earlier =
        store
            .findCompletedUpload(uploadId)
            .filter(u -> u.bucket().equals(bucket) && u.key().equals(key))
            .filter(
                u -> u.partsFingerprint().equals(fingerprint) && !u.completedAt().isBefore(horizon))
            .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
    StoredChecksum checksum = earlier.checksum();
    expected.requireCompatible(
        checksum == null ? null : checksum.algorithm(), checksum == null ? null : checksum.type());
    expected.verify(earlier.size(), checksum, partCount);
    return earlier;
  }

  /**
   * Identifies a completion's part list (numbers and ETags, in the order given), so that only a
   * retry of the same completion is answered from memory.
   */
  static String partsFingerprint(List<CompletedPartSpec> requested) {
    MessageDigest sha256 = BodyWriter.digest("SHA-256");
    for (CompletedPartSpec spec : requested) {
      String etag = spec.etag() == null ? "" : ReadConditions.unquote(spec.etag().trim());
      sha256.update((spec.partNumber() + ":" + etag + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * The order of the list is checked before its parts, as S3 does: the list is wrong as a whole.
   */
  private static void requireAscending(List<CompletedPartSpec> requested) {
    int previous = 0;
    for (CompletedPartSpec spec : requested) {
      if (spec.partNumber() <= previous) {
        throw new CofferException(ErrorCode.INVALID_PART_ORDER);
      }
      previous = spec.partNumber();
    }
  }

  private static void checkListedChecksum(CompletedPartSpec spec, Part part) {
    if (part.checksum() == null || spec.checksums() == null) {
      return;
    }
    String listed = spec.checksums().get(part.checksum().algorithm());
    if (listed != null && !listed.trim().equals(part.checksum().value())) {
      throw new CofferException(
          ErrorCode.INVALID_PART,
          "The checksum of part " + part.partNumber() + " does not match the one uploaded.");
    }
  }

  /** The object's checksum from its parts' checksums, as AWS defines composite and full-object. */
  private static @Nullable StoredChecksum objectChecksum(
      MultipartUpload upload, List<Segment> segments) {
    if (upload.checksumAlgorithm() == null) {
      return null;
    }
    ChecksumAlgorithm algorithm = ChecksumAlgorithm.valueOf(upload.checksumAlgorithm());
    List<byte[]> digests = new ArrayList<>(segments.size());
    List<Long> lengths = new ArrayList<>(segments.size());
    for (Segment segment : segments) {
      if (segment.checksum() == null || !segment.checksum().algorithm().equals(algorithm.name())) {
        return null; // a part stored without it: the object gets no checksum rather than a wrong
        // one
      }
      digests.add(Base64.getDecoder().decode(segment.checksum().value()));
      lengths.add(segment.size());
    }
    if (StoredChecksum.FULL_OBJECT.equals(upload.checksumType())) {
      String value =
          Base64.getEncoder().encodeToString(Checksums.fullObject(algorithm, digests, lengths));
      return new StoredChecksum(algorithm.name(), value, StoredChecksum.FULL_OBJECT);
    }
    return new StoredChecksum(
        algorithm.name(), Checksums.composite(algorithm, digests), StoredChecksum.COMPOSITE);
  }
}
