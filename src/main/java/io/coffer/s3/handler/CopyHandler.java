package io.coffer.s3.handler;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.s3.Conditions;
import io.coffer.s3.HttpDates;
import io.coffer.s3.ObjectHeaders;
import io.coffer.s3.RangeHeader;
import io.coffer.s3.S3Request;
import io.coffer.s3.S3Responses;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.CopyService;
import io.coffer.service.ObjectAttributes;
import java.util.Objects;

/** CopyObject and UploadPartCopy. */
public final class CopyHandler {
  private final CopyService copies;

  public CopyHandler(CopyService copies) {
    this.copies = copies;
  }

  HttpResponse copyObject(S3Request request, S3Operation.CopyObject op) {
    String directive = request.header("x-amz-metadata-directive");
    ObjectAttributes replacement = null;
    if (directive != null && directive.trim().equalsIgnoreCase("REPLACE")) {
      replacement = ObjectHeaders.fromRequest(request);
    } else if (directive != null && !directive.trim().equalsIgnoreCase("COPY")) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Unknown metadata directive.");
    }
    ChecksumAlgorithm algorithm = null;
    String requested = request.header("x-amz-checksum-algorithm");
    if (requested != null) {
      algorithm =
          ChecksumAlgorithm.fromName(requested.trim())
              .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Checksum algorithm " + requested + " is not supported."));
    }
    ObjectMeta meta =
        copies.copyObject(
            request.caller(),
            op.source().bucket(),
            op.source().key(),
            Conditions.copySource(request),
            op.bucket(),
            op.key(),
            replacement,
            algorithm,
            Conditions.write(request));
    XmlWriter xml = S3Responses.document("CopyObjectResult");
    xml.element("LastModified", HttpDates.iso8601(meta.updatedAt()));
    xml.element("ETag", ObjectHeaders.quoted(meta.etag()));
    if (meta.checksum() != null) {
      ChecksumAlgorithm.fromName(meta.checksum().algorithm())
          .ifPresent(a -> xml.element("Checksum" + a.name(), Objects.requireNonNull(meta.checksum()).value()));
      xml.element("ChecksumType", meta.checksum().type());
    }
    xml.end();
    return S3Responses.ok(xml).header("x-amz-copy-source-version-id", "null");
  }

  HttpResponse uploadPartCopy(S3Request request, S3Operation.UploadPartCopy op) {
    Part part =
        copies.uploadPartCopy(
            request.caller(),
            op.source().bucket(),
            op.source().key(),
            Conditions.copySource(request),
            RangeHeader.parseCopySourceRange(request.header("x-amz-copy-source-range")),
            op.bucket(),
            op.key(),
            op.uploadId(),
            op.partNumber());
    XmlWriter xml = S3Responses.document("CopyPartResult");
    xml.element("LastModified", HttpDates.iso8601(part.lastModified()));
    xml.element("ETag", ObjectHeaders.quoted(part.etag()));
    if (part.checksum() != null) {
      ChecksumAlgorithm.fromName(part.checksum().algorithm())
          .ifPresent(a -> xml.element("Checksum" + a.name(), Objects.requireNonNull(part.checksum()).value()));
    }
    xml.end();
    return S3Responses.ok(xml);
  }
}
