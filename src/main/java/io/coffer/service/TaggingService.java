package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.EventName;
import io.coffer.model.ObjectMeta;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tag sets of object versions and buckets. A version's tags are read and replaced under the
 * same access check as its ACL (a grant in the version's own ACL may allow it); an action on a
 * named version is the {@code ...Version...} action, as in AWS.
 */
public final class TaggingService {
  private final MetadataStore store;
  private final BucketService buckets;

  public TaggingService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  /** A version and its tags. */
  public record TaggedVersion(String versionId, Map<String, String> tags) {}

  /**
   * A version's tags ({@code versionId} null: the current one's). NO_SUCH_KEY (a current delete
   * marker too) or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED for a named delete marker.
   */
  public TaggedVersion objectTags(
      Caller caller, String bucket, String key, @Nullable String versionId) {
    Action action =
        versionId == null ? Action.GET_OBJECT_TAGGING : Action.GET_OBJECT_VERSION_TAGGING;
    ObjectMeta meta = readable(caller, bucket, key, versionId, action);
    return new TaggedVersion(meta.versionId(), meta.tags());
  }

  /**
   * Replaces a version's tags, validated as an object's tag set. The tags are part of the request
   * the access decision sees (s3:RequestObjectTag).
   *
   * @return the version ID of the version tagged
   */
  public String putObjectTags(
      Caller caller,
      String bucket,
      String key,
      @Nullable String versionId,
      Map<String, String> tags) {
    Action action =
        versionId == null ? Action.PUT_OBJECT_TAGGING : Action.PUT_OBJECT_VERSION_TAGGING;
    ObjectMeta meta = readable(caller.withRequestTags(tags), bucket, key, versionId, action);
    TagSets.validateObjectTags(tags);
    return store
        .setObjectTags(
            bucket,
            key,
            meta.versionId(),
            tags,
            EventDrafts.of(caller, EventName.OBJECT_TAGGING_PUT))
        .versionId();
  }

  /**
   * Removes a version's tags.
   *
   * @return the version ID of the version untagged
   */
  public String deleteObjectTags(
      Caller caller, String bucket, String key, @Nullable String versionId) {
    Action action =
        versionId == null ? Action.DELETE_OBJECT_TAGGING : Action.DELETE_OBJECT_VERSION_TAGGING;
    ObjectMeta meta = readable(caller, bucket, key, versionId, action);
    return store
        .setObjectTags(
            bucket,
            key,
            meta.versionId(),
            Map.of(),
            EventDrafts.of(caller, EventName.OBJECT_TAGGING_DELETE))
        .versionId();
  }

  /** The bucket's tags, empty when it has none. */
  public Map<String, String> bucketTags(Caller caller, String bucket) {
    return buckets.require(caller, bucket, Action.GET_BUCKET_TAGGING).features().tags();
  }

  /** Replaces the bucket's tags (empty removes them), validated as a bucket's tag set. */
  public Bucket putBucketTags(Caller caller, String bucket, Map<String, String> tags) {
    String id = buckets.requireAccess(caller, bucket, Action.PUT_BUCKET_TAGGING);
    TagSets.validateBucketTags(tags);
    return store.setBucketTags(bucket, id, tags);
  }

  /** Removes the bucket's tags (s3:PutBucketTagging, as in AWS). */
  public Bucket deleteBucketTags(Caller caller, String bucket) {
    return putBucketTags(caller, bucket, Map.of());
  }

  private ObjectMeta readable(
      Caller caller, String bucket, String key, @Nullable String versionId, Action action) {
    if (versionId != null) {
      ObjectService.requireWellFormed(versionId);
    }
    BucketService.ObjectAccess checked = buckets.objectAccess(caller, bucket, action, key);
    return buckets.requireReadable(
        caller, checked, action, () -> AclService.objectVersion(store, bucket, key, versionId));
  }
}
