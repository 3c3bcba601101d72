package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.LifecycleXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.LifecycleConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.LifecycleService;

/**
 * GetBucketLifecycleConfiguration, PutBucketLifecycleConfiguration and DeleteBucketLifecycle. The
 * access check comes before the body is read.
 */
public final class LifecycleHandler {
  private final BucketService buckets;
  private final LifecycleService lifecycle;

  public LifecycleHandler(BucketService buckets, LifecycleService lifecycle) {
    this.buckets = buckets;
    this.lifecycle = lifecycle;
  }

  HttpResponse getBucketLifecycleConfiguration(
      S3Request request, S3Operation.GetBucketLifecycleConfiguration op) {
    return S3Responses.ok(
        LifecycleXml.lifecycleConfiguration(lifecycle.get(request.caller(), op.bucket())));
  }

  HttpResponse putBucketLifecycleConfiguration(
      S3Request request, S3Operation.PutBucketLifecycleConfiguration op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_LIFECYCLE_CONFIGURATION);
    LifecycleConfiguration configuration =
        new LifecycleConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    lifecycle.put(request.caller(), op.bucket(), configuration);
    return new HttpResponse(200);
  }

  HttpResponse deleteBucketLifecycle(S3Request request, S3Operation.DeleteBucketLifecycle op) {
    lifecycle.delete(request.caller(), op.bucket());
    return new HttpResponse(204);
  }
}
