package io.coffer.admin.api;

import io.coffer.admin.api.body.TagBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.service.BucketService;
import io.coffer.service.TaggingService;
import java.io.IOException;
import java.util.Map;

/**
 * The tags of a bucket and of an object version: read and replace, with S3's rules (10 tags on an
 * object, 50 on a bucket, AWS's lengths and characters: 400 bad_request or invalid_tag).
 */
final class TagRoutes {
  private final BucketService buckets;
  private final TaggingService tagging;

  TagRoutes(BucketService buckets, TaggingService tagging) {
    this.buckets = buckets;
    this.tagging = tagging;
  }

  /**
   * Register before the object routes: a key followed by a raw "/tags" is this sub-resource. A
   * version's tags are set with POST, as its retention is: a PUT to a key is always an upload.
   */
  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/tags", this::getBucketTags)
        .add("PUT", "/api/v1/buckets/{bucket}/tags", this::putBucketTags)
        .addForUsers("GET", "/api/v1/buckets/{bucket}/objects/{key+}/tags", this::getObjectTags)
        .addForUsers("POST", "/api/v1/buckets/{bucket}/objects/{key+}/tags", this::putObjectTags);
  }

  private HttpResponse getBucketTags(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    return JsonResponses.json(
        200,
        new TagBodies.BucketTags(
            bucket.name(), tagging.bucketTags(request.caller(), bucket.name())));
  }

  private HttpResponse putBucketTags(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    Bucket changed = tagging.putBucketTags(request.caller(), bucket.name(), tags(request));
    return JsonResponses.json(
        200, new TagBodies.BucketTags(changed.name(), changed.features().tags()));
  }

  private HttpResponse getObjectTags(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = ObjectRoutes.key(request);
    TaggingService.TaggedVersion tagged =
        tagging.objectTags(request.caller(), bucket.name(), key, ObjectRoutes.versionId(request));
    return JsonResponses.json(
        200, new TagBodies.ObjectTags(key, tagged.versionId(), tagged.tags()));
  }

  private HttpResponse putObjectTags(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String key = ObjectRoutes.key(request);
    Map<String, String> tags = tags(request);
    String versionId =
        tagging.putObjectTags(
            request.caller(), bucket.name(), key, ObjectRoutes.versionId(request), tags);
    return JsonResponses.json(200, new TagBodies.ObjectTags(key, versionId, tags));
  }

  private static Map<String, String> tags(ApiRequest request) throws IOException {
    TagBodies.TagsRequest body = request.body(TagBodies.TagsRequest.class, false);
    if (body.tags() == null) {
      throw ApiException.invalid("tags is required: an object of key to value ({} removes them).");
    }
    if (body.tags().containsValue(null)) {
      throw ApiException.invalid("A tag's value must be a string (\"\" for none).");
    }
    return body.tags();
  }
}
