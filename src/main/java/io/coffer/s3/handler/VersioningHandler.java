package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.Versioning;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.BucketXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.VersioningConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;

/** PutBucketVersioning and GetBucketVersioning. */
public final class VersioningHandler {
  private final BucketService buckets;

  public VersioningHandler(BucketService buckets) {
    this.buckets = buckets;
  }

  HttpResponse putBucketVersioning(S3Request request, S3Operation.PutBucketVersioning op) {
    buckets.require(request.caller(), op.bucket(), Action.PUT_BUCKET_VERSIONING);
    Versioning versioning =
        new VersioningConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    buckets.setVersioning(request.caller(), op.bucket(), versioning);
    return new HttpResponse(200);
  }

  HttpResponse getBucketVersioning(S3Request request, S3Operation.GetBucketVersioning op) {
    Bucket bucket = buckets.require(request.caller(), op.bucket(), Action.GET_BUCKET_VERSIONING);
    return S3Responses.ok(BucketXml.versioningConfiguration(bucket.versioning()));
  }
}
