package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.CopyXml;
import io.coffer.s3.response.S3Responses;
import io.coffer.service.CopyService;

/** CopyObject and UploadPartCopy. */
public final class CopyHandler {
  private final CopyService copies;

  public CopyHandler(CopyService copies) {
    this.copies = copies;
  }

  HttpResponse copyObject(S3Request request, S3Operation.CopyObject op) {
    CopyService.Copied copied =
        copies.copyObject(
            request.caller(),
            op.source().bucket(),
            op.source().key(),
            null,
            op.sourceConditions(),
            op.bucket(),
            op.key(),
            op.replacement() == null ? null : request.storedAttributes(op.replacement()),
            op.checksumAlgorithm(),
            op.writePrecondition(),
            ObjectLock.NONE);
    ObjectMeta meta = copied.object();
    return S3Responses.ok(CopyXml.copyObjectResult(meta))
        .header("x-amz-copy-source-version-id", "null");
  }

  HttpResponse uploadPartCopy(S3Request request, S3Operation.UploadPartCopy op) {
    Part part =
        copies
            .uploadPartCopy(
                request.caller(),
                op.source().bucket(),
                op.source().key(),
                null,
                op.sourceConditions(),
                op.sourceRange(),
                op.bucket(),
                op.key(),
                op.uploadId(),
                op.partNumber())
            .part();
    return S3Responses.ok(CopyXml.copyPartResult(part));
  }
}
