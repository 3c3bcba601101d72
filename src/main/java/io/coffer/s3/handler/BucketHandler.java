package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.http.HttpDates;
import io.coffer.s3.S3Request;
import io.coffer.s3.S3Responses;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.CreateBucketConfigurationXml;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import java.util.Optional;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation, GetBucketVersioning. */
public final class BucketHandler {
  private final BucketService buckets;

  public BucketHandler(BucketService buckets) {
    this.buckets = buckets;
  }

  HttpResponse listBuckets(S3Request request) {
    ListBucketsParameters params = ListBucketsParameters.of(request.query(), buckets.defaultRegion());
    String prefix = params.prefix() == null ? "" : params.prefix();
    BucketService.BucketPage page =
        params.paginated()
            ? buckets.listPage(request.caller(), prefix, params.region(), params.after(), params.maxBuckets())
            : new BucketService.BucketPage(buckets.list(request.caller()), false);
    XmlWriter xml = S3Responses.document("ListAllMyBucketsResult");
    owner(xml, request.caller());
    xml.start("Buckets");
    for (Bucket bucket : page.buckets()) {
      xml.start("Bucket");
      xml.element("Name", bucket.name());
      xml.element("CreationDate", HttpDates.iso8601(bucket.createdAt()));
      xml.element("BucketRegion", bucket.region());
      xml.end();
    }
    xml.end();
    if (params.prefix() != null) {
      xml.element("Prefix", params.prefix());
    }
    if (page.truncated()) {
      String last = page.buckets().getLast().name();
      xml.element("ContinuationToken", ContinuationToken.issue(ContinuationToken.Listing.BUCKETS, "", last));
    }
    xml.end();
    return S3Responses.ok(xml);
  }

  static void owner(XmlWriter xml, Caller caller) {
    xml.start("Owner");
    xml.element("ID", Long.toString(caller.id()));
    xml.element("DisplayName", caller.displayName());
    xml.end();
  }

  HttpResponse createBucket(S3Request request, S3Operation.CreateBucket op) {
    Optional<String> constraint =
        new CreateBucketConfigurationXml().parse(io.coffer.s3.RequestBodies.open(request).verifiedStream());
    String region = constraint.orElse(buckets.defaultRegion());
    if (constraint.isPresent() && !constraint.get().equals(buckets.defaultRegion())) {
      throw new CofferException(
          ErrorCode.INVALID_LOCATION_CONSTRAINT,
          "The specified location-constraint is not valid: this server's region is " + buckets.defaultRegion() + ".");
    }
    buckets.create(request.caller(), op.bucket(), request.caller().id(), region);
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
    XmlWriter xml = S3Responses.document("LocationConstraint");
    // us-east-1 is reported as an empty constraint, as S3 does.
    xml.text(bucket.region().equals("us-east-1") ? "" : bucket.region());
    xml.end();
    return S3Responses.ok(xml);
  }

  /** Versioning is not implemented: every bucket answers an empty (never enabled) configuration. */
  HttpResponse getBucketVersioning(S3Request request, S3Operation.GetBucketVersioning op) {
    buckets.require(request.caller(), op.bucket(), Action.GET_BUCKET_VERSIONING);
    XmlWriter xml = S3Responses.document("VersioningConfiguration");
    xml.end();
    return S3Responses.ok(xml);
  }
}
