package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.CopyXml;
import io.coffer.s3.response.EncryptionHeaders;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.s3.response.S3Responses;
import io.coffer.service.BucketService;
import io.coffer.service.CopyService;

/** CopyObject and UploadPartCopy. */
public final class CopyHandler {
  private final CopyService copies;
  private final BucketService buckets;

  public CopyHandler(CopyService copies, BucketService buckets) {
    this.copies = copies;
    this.buckets = buckets;
  }

  HttpResponse copyObject(S3Request request, S3Operation.CopyObject op) {
    CopyService.Copied copied =
        copies.copyObject(
            request.caller(),
            op.source().bucket(),
            op.source().key(),
            op.source().versionId(),
            op.sourceConditions(),
            op.bucket(),
            op.key(),
            op.replacement() == null ? null : request.storedAttributes(op.replacement()),
            op.checksumAlgorithm(),
            op.writePrecondition(),
            op.lock(),
            op.acl(),
            op.replacementTags(),
            op.sse(),
            op.sourceKey());
    ObjectMeta meta = copied.object();
    HttpResponse response = S3Responses.ok(CopyXml.copyObjectResult(meta));
    EncryptionHeaders.written(response, meta.encryption(), op.sse(), buckets.region());
    sourceVersion(response, op.source(), copied.sourceVersionId());
    ObjectHeaders.versionId(response, buckets.everVersioned(op.bucket()), meta.versionId());
    return response;
  }

  /**
   * x-amz-copy-source-version-id, sent as S3 does only when the source bucket was ever versioned.
   */
  private void sourceVersion(HttpResponse response, S3Operation.CopySource source, String id) {
    if (buckets.everVersioned(source.bucket())) {
      response.header("x-amz-copy-source-version-id", id);
    }
  }

  HttpResponse uploadPartCopy(S3Request request, S3Operation.UploadPartCopy op) {
    CopyService.CopiedPart copied =
        copies.uploadPartCopy(
            request.caller(),
            op.source().bucket(),
            op.source().key(),
            op.source().versionId(),
            op.sourceConditions(),
            op.sourceRange(),
            op.bucket(),
            op.key(),
            op.uploadId(),
            op.partNumber(),
            op.customerKey(),
            op.sourceKey());
    Part part = copied.part();
    HttpResponse response = S3Responses.ok(CopyXml.copyPartResult(part));
    EncryptionHeaders.write(response, copied.encryption(), op.customerKey(), buckets.region());
    sourceVersion(response, op.source(), copied.sourceVersionId());
    return response;
  }
}
