package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.response.TagsXml;
import io.coffer.s3.xml.TaggingXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.TaggingService;
import java.util.Map;

/**
 * Object and bucket tagging. PutObjectTagging reads its (small, bounded) document before the access
 * decision, which sees the tags it sets (s3:RequestObjectTag); PutBucketTagging is checked first.
 */
public final class TaggingHandler {
  private final TaggingService tagging;
  private final BucketService buckets;

  public TaggingHandler(TaggingService tagging, BucketService buckets) {
    this.tagging = tagging;
    this.buckets = buckets;
  }

  /** NoSuchTagSet for a bucket without tags, as AWS answers. */
  public HttpResponse getBucketTagging(S3Request request, S3Operation.GetBucketTagging op) {
    Map<String, String> tags = tagging.bucketTags(request.caller(), op.bucket());
    if (tags.isEmpty()) {
      throw new CofferException(ErrorCode.NO_SUCH_TAG_SET);
    }
    return S3Responses.ok(TagsXml.tagging(tags));
  }

  public HttpResponse putBucketTagging(S3Request request, S3Operation.PutBucketTagging op) {
    // the access check before the body is read; the service checks again
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_TAGGING);
    Map<String, String> tags =
        new TaggingXml().parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    tagging.putBucketTags(request.caller(), op.bucket(), tags);
    return new HttpResponse(204);
  }

  public HttpResponse deleteBucketTagging(S3Request request, S3Operation.DeleteBucketTagging op) {
    tagging.deleteBucketTags(request.caller(), op.bucket());
    return new HttpResponse(204);
  }

  public HttpResponse getObjectTagging(S3Request request, S3Operation.GetObjectTagging op) {
    TaggingService.TaggedVersion tagged =
        tagging.objectTags(request.caller(), op.bucket(), op.key(), op.versionId());
    HttpResponse response = S3Responses.ok(TagsXml.tagging(tagged.tags()));
    ObjectHeaders.versionId(response, buckets.everVersioned(op.bucket()), tagged.versionId());
    return response;
  }

  public HttpResponse putObjectTagging(S3Request request, S3Operation.PutObjectTagging op) {
    Map<String, String> tags =
        new TaggingXml().parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    String versionId =
        tagging.putObjectTags(request.caller(), op.bucket(), op.key(), op.versionId(), tags);
    return versioned(new HttpResponse(200), op.bucket(), versionId);
  }

  public HttpResponse deleteObjectTagging(S3Request request, S3Operation.DeleteObjectTagging op) {
    String versionId =
        tagging.deleteObjectTags(request.caller(), op.bucket(), op.key(), op.versionId());
    return versioned(new HttpResponse(204), op.bucket(), versionId);
  }

  private HttpResponse versioned(HttpResponse response, String bucket, String versionId) {
    ObjectHeaders.versionId(response, buckets.everVersioned(bucket), versionId);
    return response;
  }
}
