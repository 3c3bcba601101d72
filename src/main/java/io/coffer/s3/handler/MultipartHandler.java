package io.coffer.s3.handler;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.HttpResponse;
import io.coffer.model.CompletedUpload;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import io.coffer.model.UploadListing;
import io.coffer.s3.request.RequestBodies;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.response.ChecksumHeaders;
import io.coffer.s3.response.EncryptionHeaders;
import io.coffer.s3.response.MultipartXml;
import io.coffer.s3.response.ObjectHeaders;
import io.coffer.s3.response.Owner;
import io.coffer.s3.response.S3Responses;
import io.coffer.s3.xml.CompleteMultipartUploadXml;
import io.coffer.s3.xml.CompletedPart;
import io.coffer.service.BucketService;
import io.coffer.service.CompletedPartSpec;
import io.coffer.service.MultipartService;
import io.coffer.service.UploadParts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts and
 * ListMultipartUploads.
 */
public final class MultipartHandler {
  private final MultipartService multipart;
  private final BucketService buckets;

  public MultipartHandler(MultipartService multipart, BucketService buckets) {
    this.multipart = multipart;
    this.buckets = buckets;
  }

  HttpResponse create(S3Request request, S3Operation.CreateMultipartUpload op) {
    MultipartUpload upload =
        multipart.create(
            request.caller(),
            op.bucket(),
            op.key(),
            request.storedAttributes(op.attributes()),
            op.checksumAlgorithm(),
            op.checksumType(),
            op.lock(),
            op.acl(),
            op.tags(),
            op.sse());
    HttpResponse response =
        S3Responses.ok(MultipartXml.initiate(op.bucket(), op.key(), upload.uploadId()));
    EncryptionHeaders.written(response, upload.encryption(), op.sse(), buckets.region());
    if (op.checksumAlgorithm() != null) {
      response.header("x-amz-checksum-algorithm", op.checksumAlgorithm().name());
      response.header("x-amz-checksum-type", upload.checksumType());
    }
    return response;
  }

  HttpResponse uploadPart(S3Request request, S3Operation.UploadPart op) {
    RequestBodies body = RequestBodies.open(request, op.checksums());
    MultipartService.UploadedPart uploaded =
        multipart.uploadPart(
            request.caller(),
            op.bucket(),
            op.key(),
            op.uploadId(),
            op.partNumber(),
            body.stream(),
            body.length(),
            body.checks(),
            op.customerKey());
    Part part = uploaded.part();
    HttpResponse response = new HttpResponse(200).header("ETag", ObjectHeaders.quoted(part.etag()));
    ChecksumHeaders.write(response, part.checksum());
    EncryptionHeaders.write(response, uploaded.encryption(), op.customerKey(), buckets.region());
    return response;
  }

  HttpResponse complete(S3Request request, S3Operation.CompleteMultipartUpload op) {
    List<CompletedPart> parts =
        new CompleteMultipartUploadXml()
            .parse(RequestBodies.open(request, op.checksums()).verifiedStream());
    List<CompletedPartSpec> specs =
        parts.stream()
            .map(p -> new CompletedPartSpec(p.partNumber(), p.etag(), byName(p.checksums())))
            .toList();
    MultipartService.Completion completion =
        multipart.complete(
            request.caller(),
            op.bucket(),
            op.key(),
            op.uploadId(),
            specs,
            op.expected(),
            op.writePrecondition(),
            op.customerKey());
    CompletedUpload completed = completion.upload();
    HttpResponse response = S3Responses.ok(MultipartXml.complete(op.bucket(), op.key(), completed));
    EncryptionHeaders.write(response, completion.encryption(), op.customerKey(), buckets.region());
    ObjectHeaders.versionId(response, buckets.everVersioned(op.bucket()), completed.versionId());
    return response;
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
    UploadParts listed =
        multipart.listParts(
            request.caller(),
            op.bucket(),
            op.key(),
            op.uploadId(),
            op.partNumberMarker(),
            op.maxParts() + 1);
    return S3Responses.ok(
        MultipartXml.listParts(op, listed.upload(), listed.parts(), Owner.of(request.caller())));
  }

  HttpResponse listUploads(S3Request request, S3Operation.ListMultipartUploads op) {
    UploadListing listing =
        multipart.listUploads(
            request.caller(),
            op.bucket(),
            op.prefix(),
            op.delimiter(),
            op.keyMarker(),
            op.uploadIdMarker(),
            op.maxUploads());
    return S3Responses.ok(MultipartXml.listUploads(op, listing, Owner.of(request.caller())));
  }
}
