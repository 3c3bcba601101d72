package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.WritePrecondition;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.DeleteResultXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.DeleteObjectsRequest;
import io.coffer.s3.xml.DeleteObjectsXml;
import io.coffer.s3.xml.ObjectToDelete;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.DeleteOutcome;
import io.coffer.service.ObjectService;
import java.util.ArrayList;
import java.util.List;
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
        new DeleteObjectsXml().parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    List<DeleteResultXml.Outcome> outcomes = new ArrayList<>();
    for (ObjectToDelete object : delete.objects()) {
      outcomes.add(delete(request, op, object));
    }
    return S3Responses.ok(DeleteResultXml.deleteResult(outcomes, delete.quiet()));
  }

  /**
   * One key, reported as AWS's DeleteResult does: the version asked for, and DeleteMarker with
   * DeleteMarkerVersionId when a marker was made (no version asked for) or removed.
   */
  private DeleteResultXml.Outcome delete(
      S3Request request, S3Operation.DeleteObjects op, ObjectToDelete object) {
    try {
      String versionId = object.versionId();
      DeleteOutcome outcome =
          objects.delete(
              request.caller(),
              op.bucket(),
              object.key(),
              versionId,
              WritePrecondition.NONE,
              op.bypassGovernance());
      return new DeleteResultXml.Deleted(
          object.key(),
          versionId,
          outcome.deleteMarker(),
          outcome.deleteMarker() ? outcome.versionId() : null);
    } catch (CofferException e) {
      if (e.code().httpStatus() >= 500) {
        log.error(
            "request {} (DeleteObjects) failed for one key: {}",
            request.requestId(),
            e.getMessage(),
            e);
      }
      return new DeleteResultXml.Failed(
          object.key(), object.versionId(), e.code().s3Code(), S3Responses.clientMessage(e));
    }
  }
}
