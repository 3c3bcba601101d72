package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.WritePrecondition;
import io.coffer.s3.S3Request;
import io.coffer.s3.S3Responses;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.DeleteObjectsRequest;
import io.coffer.s3.xml.DeleteObjectsXml;
import io.coffer.s3.xml.ObjectToDelete;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.ObjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeleteObjects: up to 1000 keys, each reported on its own. Content-MD5 is not required: current
 * SDKs send an x-amz-checksum-* header instead, which the body reader checks like any other.
 */
public final class DeleteObjectsHandler {
  private static final Logger log = LoggerFactory.getLogger(DeleteObjectsHandler.class);
  private final BucketService buckets;
  private final ObjectService objects;

  public DeleteObjectsHandler(BucketService buckets, ObjectService objects) {
    this.buckets = buckets;
    this.objects = objects;
  }

  HttpResponse deleteObjects(S3Request request, S3Operation.DeleteObjects op) {
    buckets.require(request.caller(), op.bucket(), Action.DELETE_OBJECT);
    DeleteObjectsRequest delete =
        new DeleteObjectsXml().parse(io.coffer.s3.RequestBodies.open(request).verifiedStream());
    XmlWriter xml = S3Responses.document("DeleteResult");
    for (ObjectToDelete object : delete.objects()) {
      try {
        if (object.versionId() != null && !object.versionId().equals("null")) {
          throw new CofferException(ErrorCode.NO_SUCH_VERSION);
        }
        objects.delete(request.caller(), op.bucket(), object.key(), WritePrecondition.NONE);
        if (!delete.quiet()) {
          xml.start("Deleted");
          xml.element("Key", object.key());
          if (object.versionId() != null) {
            xml.element("VersionId", object.versionId());
          }
          xml.end();
        }
      } catch (CofferException e) {
        xml.start("Error");
        xml.element("Key", object.key());
        if (object.versionId() != null) {
          xml.element("VersionId", object.versionId());
        }
        xml.element("Code", e.code().s3Code());
        if (e.code().httpStatus() >= 500) {
          log.error("request {} (DeleteObjects) failed for one key: {}", request.requestId(), e.getMessage(), e);
        }
        xml.element("Message", S3Responses.clientMessage(e));
        xml.end();
      }
    }
    xml.end();
    return S3Responses.ok(xml);
  }
}
