package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.ListBucketsParameters;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.BucketXml;
import io.coffer.s3.response.Owner;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.CreateBucketConfigurationXml;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import java.util.Optional;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation. */
public final class BucketHandler {
  private final BucketService buckets;

  public BucketHandler(BucketService buckets) {
    this.buckets = buckets;
  }

  HttpResponse listBuckets(S3Request request, S3Operation.ListBuckets op) {
    ListBucketsParameters params = op.parameters();
    String prefix = params.prefix() == null ? "" : params.prefix();
    BucketService.BucketPage page =
        params.paginated()
            ? buckets.listPage(
                request.caller(), prefix, params.region(), params.after(), params.maxBuckets())
            : new BucketService.BucketPage(buckets.list(request.caller()), false);
    return S3Responses.ok(
        BucketXml.listAllMyBuckets(Owner.of(request.caller()), page, params.prefix()));
  }

  HttpResponse createBucket(S3Request request, S3Operation.CreateBucket op) {
    Optional<String> constraint =
        new CreateBucketConfigurationXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    String region = constraint.orElse(buckets.defaultRegion());
    if (constraint.isPresent() && !constraint.get().equals(buckets.defaultRegion())) {
      throw new CofferException(
          ErrorCode.INVALID_LOCATION_CONSTRAINT,
          "The specified location-constraint is not valid: this server's region is "
              + buckets.defaultRegion()
              + ".");
    }
    buckets.create(
        request.caller(),
        op.bucket(),
        request.caller().id(),
        region,
        op.objectLock(),
        op.ownership(),
        op.acl());
    return new HttpResponse(200).header("Location", "/" + op.bucket());
  }

  HttpResponse headBucket(S3Request request, S3Operation.HeadBucket op) {
    Bucket bucket = buckets.require(request.caller(), op.bucket(), Action.LIST_BUCKET);
    return new HttpResponse(200).header("x-amz-bucket-region", bucket.region()).headOnly();
  }

  HttpResponse deleteBucket(S3Request request, S3Operation.DeleteBucket op) {
    buckets.delete(request.caller(), op.bucket());
    return new HttpResponse(204);
  }

  HttpResponse getBucketLocation(S3Request request, S3Operation.GetBucketLocation op) {
    Bucket bucket = buckets.require(request.caller(), op.bucket(), Action.GET_BUCKET_LOCATION);
    return S3Responses.ok(BucketXml.locationConstraint(bucket.region()));
  }
}
