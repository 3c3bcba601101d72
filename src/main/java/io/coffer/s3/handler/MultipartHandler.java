package io.coffer.s3.handler;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.ErrorCode;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.StoredChecksum;
import io.coffer.model.UploadListing;
import io.coffer.s3.Conditions;
import io.coffer.s3.HttpDates;
import io.coffer.s3.ObjectHeaders;
import io.coffer.s3.RequestBodies;
import io.coffer.s3.S3Request;
import io.coffer.s3.S3Responses;
import io.coffer.s3.request.DecimalParam;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.xml.CompleteMultipartUploadXml;
import io.coffer.s3.xml.CompletedPart;
import io.coffer.s3.xml.XmlWriter;
import io.coffer.service.CompletedPartSpec;
import io.coffer.service.ExpectedObject;
import io.coffer.service.MultipartService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts and
 * ListMultipartUploads.
 */
public final class MultipartHandler {
  private static final int MAX_PARTS_LISTED = 1000;

  private final MultipartService multipart;

  public MultipartHandler(MultipartService multipart) {
    this.multipart = multipart;
  }

  HttpResponse create(S3Request request, S3Operation.CreateMultipartUpload op) {
    ChecksumAlgorithm algorithm = null;
    String requested = request.header("x-amz-checksum-algorithm");
    if (requested != null) {
      algorithm =
          ChecksumAlgorithm.fromName(requested.trim())
              .orElseThrow(() -> new CofferException(ErrorCode.INVALID_REQUEST, "Checksum algorithm " + requested + " is not supported."));
    }
    String type = request.header("x-amz-checksum-type");
    if (type != null) {
      type = type.trim().toUpperCase(Locale.ROOT);
      if (!type.equals(StoredChecksum.COMPOSITE) && !type.equals(StoredChecksum.FULL_OBJECT)) {
        throw new CofferException(ErrorCode.INVALID_REQUEST, "Value for x-amz-checksum-type header is invalid.");
      }
      if (algorithm == null) {
        throw new CofferException(ErrorCode.INVALID_REQUEST, "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
      }
    }
    MultipartUpload upload =
        multipart.create(request.caller(), op.bucket(), op.key(), ObjectHeaders.fromRequest(request), algorithm, type);
    XmlWriter xml = S3Responses.document("InitiateMultipartUploadResult");
    xml.element("Bucket", op.bucket());
    xml.element("Key", op.key());
    xml.element("UploadId", upload.uploadId());
    xml.end();
    HttpResponse response = S3Responses.ok(xml);
    if (algorithm != null) {
      response.header("x-amz-checksum-algorithm", algorithm.name());
      response.header("x-amz-checksum-type", upload.checksumType());
    }
    return response;
  }

  HttpResponse uploadPart(S3Request request, S3Operation.UploadPart op) {
    RequestBodies body = RequestBodies.open(request);
    Part part =
        multipart.uploadPart(
            request.caller(), op.bucket(), op.key(), op.uploadId(), op.partNumber(),
            body.stream(), body.length(), body.checks());
    HttpResponse response = new HttpResponse(200).header("ETag", ObjectHeaders.quoted(part.etag()));
    ChecksumHeaders.write(response, part.checksum());
    return response;
  }

  HttpResponse complete(S3Request request, S3Operation.CompleteMultipartUpload op) {
    ExpectedObject expected = ExpectedObjectHeaders.expected(request);
    List<CompletedPart> parts =
        new CompleteMultipartUploadXml().parse(RequestBodies.openWithObjectChecksumHeaders(request).verifiedStream());
    List<CompletedPartSpec> specs =
        parts.stream()
            .map(p -> new CompletedPartSpec(p.partNumber(), p.etag(), byName(p.checksums())))
            .toList();
    CompletedUpload completed =
        multipart.complete(
            request.caller(), op.bucket(), op.key(), op.uploadId(), specs, expected, Conditions.write(request));
    XmlWriter xml = S3Responses.document("CompleteMultipartUploadResult");
    xml.element("Location", "/" + op.bucket() + "/" + op.key());
    xml.element("Bucket", op.bucket());
    xml.element("Key", op.key());
    xml.element("ETag", ObjectHeaders.quoted(completed.etag()));
    StoredChecksum checksum = completed.checksum();
    if (checksum != null) {
      ChecksumAlgorithm.fromName(checksum.algorithm())
          .ifPresent(a -> xml.element("Checksum" + a.name(), checksum.value()));
      xml.element("ChecksumType", checksum.type());
    }
    xml.end();
    return S3Responses.ok(xml);
  }

  private static Map<String, String> byName(Map<ChecksumAlgorithm, String> checksums) {
    Map<String, String> named = new HashMap<>();
    checksums.forEach((algorithm, value) -> named.put(algorithm.name(), value));
    return named;
  }

  HttpResponse abort(S3Request request, S3Operation.AbortMultipartUpload op) {
    multipart.abort(request.caller(), op.bucket(), op.key(), op.uploadId());
    return new HttpResponse(204);
  }

  HttpResponse listParts(S3Request request, S3Operation.ListParts op) {
    int marker = intParam(request, "part-number-marker", 0, 0, 10_000);
    int maxParts = intParam(request, "max-parts", MAX_PARTS_LISTED, 0, Integer.MAX_VALUE);
    maxParts = Math.min(maxParts, MAX_PARTS_LISTED);
    MultipartUpload upload = multipart.require(request.caller(), op.bucket(), op.key(), op.uploadId());
    List<Part> parts = multipart.listParts(request.caller(), op.bucket(), op.key(), op.uploadId(), marker, maxParts + 1);
    boolean truncated = parts.size() > maxParts;
    List<Part> page = truncated ? parts.subList(0, maxParts) : parts;
    XmlWriter xml = S3Responses.document("ListPartsResult");
    xml.element("Bucket", op.bucket());
    xml.element("Key", op.key());
    xml.element("UploadId", op.uploadId());
    xml.element("PartNumberMarker", marker);
    if (!page.isEmpty()) {
      xml.element("NextPartNumberMarker", page.get(page.size() - 1).partNumber());
    }
    xml.element("MaxParts", maxParts);
    xml.element("IsTruncated", Boolean.toString(truncated));
    if (upload.checksumAlgorithm() != null) {
      xml.element("ChecksumAlgorithm", upload.checksumAlgorithm());
      xml.element("ChecksumType", upload.checksumType());
    }
    initiatorAndOwner(xml, request);
    xml.element("StorageClass", "STANDARD");
    for (Part part : page) {
      xml.start("Part");
      xml.element("PartNumber", part.partNumber());
      xml.element("LastModified", HttpDates.iso8601(part.lastModified()));
      xml.element("ETag", ObjectHeaders.quoted(part.etag()));
      xml.element("Size", part.size());
      if (part.checksum() != null) {
        ChecksumAlgorithm.fromName(part.checksum().algorithm())
            .ifPresent(a -> xml.element("Checksum" + a.name(), Objects.requireNonNull(part.checksum()).value()));
      }
      xml.end();
    }
    xml.end();
    return S3Responses.ok(xml);
  }

  HttpResponse listUploads(S3Request request, S3Operation.ListMultipartUploads op) {
    String prefix = request.query().get("prefix");
    String delimiter = emptyToNull(request.query().get("delimiter"));
    String keyMarker = emptyToNull(request.query().get("key-marker"));
    String uploadIdMarker = keyMarker == null ? null : emptyToNull(request.query().get("upload-id-marker"));
    int maxUploads = Math.min(intParam(request, "max-uploads", 1000, 0, Integer.MAX_VALUE), 1000);
    UploadListing listing =
        multipart.listUploads(request.caller(), op.bucket(), prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    XmlWriter xml = S3Responses.document("ListMultipartUploadsResult");
    xml.element("Bucket", op.bucket());
    xml.element("KeyMarker", keyMarker == null ? "" : keyMarker);
    xml.element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker);
    if (listing.truncated()) {
      xml.element("NextKeyMarker", listing.nextKeyMarker());
      xml.element("NextUploadIdMarker", listing.nextUploadIdMarker());
    }
    xml.element("Prefix", prefix == null ? "" : prefix);
    if (delimiter != null) {
      xml.element("Delimiter", delimiter);
    }
    xml.element("MaxUploads", maxUploads);
    xml.element("IsTruncated", Boolean.toString(listing.truncated()));
    for (MultipartUpload upload : listing.uploads()) {
      xml.start("Upload");
      xml.element("Key", upload.key());
      xml.element("UploadId", upload.uploadId());
      initiatorAndOwner(xml, request);
      xml.element("StorageClass", "STANDARD");
      xml.element("Initiated", HttpDates.iso8601(upload.initiatedAt()));
      if (upload.checksumAlgorithm() != null) {
        xml.element("ChecksumAlgorithm", upload.checksumAlgorithm());
        xml.element("ChecksumType", upload.checksumType());
      }
      xml.end();
    }
    for (String commonPrefix : listing.commonPrefixes()) {
      xml.start("CommonPrefixes");
      xml.element("Prefix", commonPrefix);
      xml.end();
    }
    xml.end();
    return S3Responses.ok(xml);
  }

  /** Only the bucket's owner can list its uploads, so the caller is both initiator and owner. */
  private static void initiatorAndOwner(XmlWriter xml, S3Request request) {
    xml.start("Initiator");
    xml.element("ID", Long.toString(request.caller().id()));
    xml.element("DisplayName", request.caller().displayName());
    xml.end();
    BucketHandler.owner(xml, request.caller());
  }

  private static int intParam(S3Request request, String name, int absent, int min, int max) {
    String value = request.query().get(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    return DecimalParam.parse(value.trim(), min, max)
        .orElseThrow(() -> new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid value for " + name + ": " + value));
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
