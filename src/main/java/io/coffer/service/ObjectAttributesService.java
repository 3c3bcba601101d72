package io.coffer.service;

import io.coffer.crypto.CustomerKey;
import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GetObjectAttributes: a version's metadata and, for a multipart object, a page of its parts (what
 * HeadObject and ListParts would tell, in one call).
 */
public final class ObjectAttributesService {
  private final MetadataStore store;
  private final BucketService buckets;
  private final ObjectService objects;

  public ObjectAttributesService(
      MetadataStore store, BucketService buckets, ObjectService objects) {
    this.store = store;
    this.buckets = buckets;
    this.objects = objects;
  }

  /** A version and, when asked for and the object was uploaded in parts, a page of its parts. */
  public record Attributes(ObjectMeta object, @Nullable PartsPage parts) {}

  /**
   * A page of a multipart object's parts.
   *
   * @param totalParts how many parts the object has
   * @param partNumberMarker the marker the page starts after
   * @param nextPartNumberMarker the last part of the page (the next page's marker)
   */
  public record PartsPage(
      int totalParts,
      int partNumberMarker,
      int nextPartNumberMarker,
      int maxParts,
      boolean truncated,
      List<Segment> parts) {}

  /**
   * A version's attributes. As AWS, the caller needs both the read action (s3:GetObject, or
   * s3:GetObjectVersion with a version ID) and the attributes action (s3:GetObjectAttributes or
   * s3:GetObjectVersionAttributes); a READ grant in the version's ACL gives both. A current delete
   * marker is 404 NoSuchKey and a named one 405, both with x-amz-delete-marker, as for GetObject.
   *
   * @param versionId the version, or null for the current one
   * @param withParts whether to read the parts (ObjectParts was asked for)
   * @param customerKey the SSE-C key of the version (required for an SSE-C object, as on AWS)
   */
  public Attributes get(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      boolean withParts,
      int maxParts,
      int partNumberMarker,
      @Nullable CustomerKey customerKey) {
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    Action read = versionId == null ? Action.GET_OBJECT : Action.GET_OBJECT_VERSION;
    Action attributes =
        versionId == null ? Action.GET_OBJECT_ATTRIBUTES : Action.GET_OBJECT_VERSION_ATTRIBUTES;
    BucketService.ObjectAccess readAccess = buckets.objectAccess(caller, bucket, read, key);
    BucketService.ObjectAccess attributesAccess =
        buckets.objectAccess(caller, bucket, attributes, key);
    BucketRef ref = readAccess.bucket();
    ObjectMeta meta =
        buckets.requireReadable(
            caller, readAccess, read, () -> objects.find(ref, bucket, key, versionId));
    buckets.requireReadable(caller, attributesAccess, attributes, () -> meta);
    ObjectEncryption.requireKey(objects.keys(), meta.encryption(), customerKey);
    PartsPage parts =
        withParts && meta.storage() instanceof Storage.Parts stored
            ? page(store.findSegments(stored.storageId()), maxParts, partNumberMarker)
            : null;
    return new Attributes(meta, parts);
  }

  /** The parts after the marker, at most {@code maxParts}; segments come in part order. */
  static PartsPage page(List<Segment> segments, int maxParts, int partNumberMarker) {
    List<Segment> after = segments.stream().filter(s -> s.partNumber() > partNumberMarker).toList();
    List<Segment> page = after.subList(0, Math.min(maxParts, after.size()));
    int next = page.isEmpty() ? partNumberMarker : page.getLast().partNumber();
    return new PartsPage(
        segments.size(), partNumberMarker, next, maxParts, after.size() > page.size(), page);
  }
}
