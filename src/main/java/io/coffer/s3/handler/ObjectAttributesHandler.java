package io.coffer.s3.handler;

import io.coffer.http.HttpDates;
import io.coffer.http.HttpResponse;
import io.coffer.s3.request.ObjectAttributeNames.Attribute;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ObjectAttributesXml;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.s3.response.S3Responses;
import io.coffer.service.BucketService;
import io.coffer.service.ObjectAttributesService;

/** GetObjectAttributes. */
public final class ObjectAttributesHandler {
  private final BucketService buckets;
  private final ObjectAttributesService attributes;

  public ObjectAttributesHandler(BucketService buckets, ObjectAttributesService attributes) {
    this.buckets = buckets;
    this.attributes = attributes;
  }

  public HttpResponse getObjectAttributes(S3Request request, S3Operation.GetObjectAttributes op) {
    ObjectAttributesService.Attributes found =
        attributes.get(
            request.caller(),
            op.bucket(),
            op.key(),
            op.versionId(),
            op.attributes().contains(Attribute.OBJECT_PARTS),
            op.maxParts(),
            op.partNumberMarker(),
            op.customerKey());
    HttpResponse response =
        S3Responses.ok(ObjectAttributesXml.render(found.object(), found.parts(), op.attributes()))
            .header("Last-Modified", HttpDates.rfc1123(found.object().updatedAt()));
    ObjectHeaders.versionId(
        response,
        op.versionId() != null || buckets.everVersioned(op.bucket()),
        found.object().versionId());
    return response;
  }
}
