package io.coffer.meta;

import io.coffer.model.BucketRef;
import io.coffer.model.CompletedUpload;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.WritePrecondition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Fixtures {
  public static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_123L);

  /** S3 listing order: unsigned comparison of UTF-8 bytes. */
  public static final Comparator<String> UTF8_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Fixtures() {}

  /** Puts an object into the current bucket of its name, as a service does after looking it up. */
  public static MetadataStore.Replaced put(
      MetadataStore store, ObjectMeta object, WritePrecondition precondition) {
    return store.putObject(idOf(store, object.bucket()), object, precondition, null).replaced();
  }

  /** DeleteObject without a version ID (a delete marker in a versioned bucket). */
  public static MetadataStore.Deleted delete(
      MetadataStore store, String bucket, String key, WritePrecondition precondition) {
    return store.deleteObject(bucket, key, null, precondition, "marker", T0, false, null);
  }

  /** The one number a query such as {@code SELECT count(*) ...} answers. */
  public static long single(java.sql.Statement s, String sql) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Deletes the current bucket of that name. */
  public static List<Part> deleteBucket(MetadataStore store, String name) {
    return store.deleteBucket(name, idOf(store, name));
  }

  /** The bucket's ID, or one no bucket has when there is no such bucket. */
  public static String idOf(MetadataStore store, String bucket) {
    return store.findBucketRef(bucket).map(BucketRef::id).orElse("0".repeat(32));
  }

  public static ObjectMeta object(
      String bucket, String key, String storageId, long size, String etag) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Encoding", "gzip");
    headers.put("Cache-Control", "no-cache");
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        "text/plain",
        headers,
        Map.of("color", "blue"),
        null,
        T0,
        T0,
        new Storage.Blob(storageId),
        "null",
        io.coffer.model.ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  public static ObjectMeta inline(
      String bucket, String key, String storageId, byte[] data, String etag) {
    return new ObjectMeta(
        bucket,
        key,
        data.length,
        etag,
        "application/octet-stream",
        Map.of(),
        Map.of(),
        new StoredChecksum("CRC32", "AAAAAA==", StoredChecksum.FULL_OBJECT),
        T0,
        T0,
        new Storage.Inline(data),
        "null",
        io.coffer.model.ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  public static ObjectMeta multipartObject(
      String bucket, String key, String storageId, long size, String etag, int parts) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        etag,
        "application/octet-stream",
        Map.of(),
        Map.of(),
        null,
        T0,
        T0,
        new Storage.Parts(storageId, parts),
        "null",
        io.coffer.model.ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  /** The blob IDs of parts a store handed back (an abort, a bucket's deletion). */
  public static List<String> blobsOf(List<Part> parts) {
    return parts.stream().map(Part::blobId).toList();
  }

  /** An object's inline bytes, or null when it is not kept inline. */
  public static byte[] inlineBytes(ObjectMeta object) {
    return object.storage() instanceof Storage.Inline inline ? inline.bytes() : null;
  }

  /** The ID an object's storage is named by: its blob, or its parts' storage ID. */
  public static String storageId(ObjectMeta object) {
    return switch (object.storage()) {
      case Storage.Blob blob -> blob.id();
      case Storage.Parts parts -> parts.storageId();
      case Storage.Inline inline -> throw new AssertionError("an inline object has no storage ID");
    };
  }

  /**
   * Completes an upload as the service does, with a fixed parts fingerprint, remembering for a day.
   */
  public static MetadataStore.Completed complete(
      MetadataStore store,
      String uploadId,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition pre) {
    CompletedUpload completion =
        new CompletedUpload(
            uploadId,
            object.bucket(),
            object.key(),
            object.etag(),
            object.size(),
            object.checksum(),
            "fingerprint",
            object.createdAt(),
            "null");
    return store.completeUpload(
        completion, object, segments, pre, object.createdAt().minus(Duration.ofDays(1)), null);
  }

  public static MultipartUpload upload(String id, String bucket, String key) {
    return new MultipartUpload(
        id,
        bucket,
        key,
        1,
        "text/plain",
        Map.of("Content-Language", "en"),
        Map.of("a", "b"),
        null,
        null,
        T0,
        io.coffer.model.ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  public static Part part(String uploadId, int number, String blobId, long size) {
    return new Part(uploadId, number, blobId, size, "\"etag-" + blobId + "\"", null, T0);
  }

  /**
   * The blobs a write released: those its result reports (SQLite hands them to its caller) and
   * those the store deferred since the last call (PostgreSQL keeps them for a grace period, see
   * {@link MetadataStore#releasedBlobs}), which it then forgets. Each released blob must come
   * through exactly one of the two: one both reported and deferred would be deleted at once under
   * another node's reader, and shows up here twice.
   */
  @SafeVarargs
  public static List<String> released(MetadataStore store, List<String>... reported) {
    List<io.coffer.model.ReleasedBlob> deferred =
        store.releasedBlobs(Instant.now().plus(Duration.ofDays(3650)), 100_000);
    store.forgetReleasedBlobs(deferred);
    List<String> all = new java.util.ArrayList<>();
    for (List<String> r : reported) {
      all.addAll(r);
    }
    deferred.forEach(b -> all.add(b.blobId()));
    return all;
  }
}
