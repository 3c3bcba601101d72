package io.coffer.s3.request;

import static io.coffer.s3.request.S3RequestParserTest.describe;
import static io.coffer.s3.request.S3RequestParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.crypto.SseRequest;
import io.coffer.http.Headers;
import io.coffer.model.ByteRange;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.WritePrecondition;
import io.coffer.s3.request.S3Operation.AbortMultipartUpload;
import io.coffer.s3.request.S3Operation.CompleteMultipartUpload;
import io.coffer.s3.request.S3Operation.CopySource;
import io.coffer.s3.request.S3Operation.CreateMultipartUpload;
import io.coffer.s3.request.S3Operation.ListMultipartUploads;
import io.coffer.s3.request.S3Operation.ListParts;
import io.coffer.s3.request.S3Operation.UploadPart;
import io.coffer.s3.request.S3Operation.UploadPartCopy;
import io.coffer.service.AclRequest;
import io.coffer.service.ExpectedObject;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ReadConditions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multipart upload requests as the AWS documentation shows them, each with the operation record
 * the parser must make of it (the other operations: {@link S3RequestParserTest}).
 */
class MultipartOperationsTest {
  private static final Headers NONE = Headers.of();
  private static final ObjectAttributes NO_ATTRIBUTES =
      new ObjectAttributes(null, Map.of(), Map.of());
  private static final ReadConditions NO_SOURCE_CONDITIONS =
      new ReadConditions(null, null, null, null);
  private static final BodyChecksums NO_CHECKSUMS = new BodyChecksums(null, null, null, null);
  private static final CopySource SOURCE = new CopySource("source-bucket", "photos/cat.jpg");

  static Stream<Arguments> operations() {
    return Stream.of(
        row(
            "POST /b/k?uploads",
            NONE,
            new CreateMultipartUpload(
                "b",
                "k",
                NO_ATTRIBUTES,
                null,
                null,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row(
            "POST /b/k?uploads",
            Headers.of("x-amz-checksum-algorithm", "CRC32", "x-amz-checksum-type", "composite"),
            new CreateMultipartUpload(
                "b",
                "k",
                NO_ATTRIBUTES,
                ChecksumAlgorithm.CRC32,
                "COMPOSITE",
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row(
            "POST /b/k?uploads",
            Headers.of("x-amz-object-lock-legal-hold", "OFF"),
            new CreateMultipartUpload(
                "b",
                "k",
                NO_ATTRIBUTES,
                null,
                null,
                new ObjectLock(null, null, LegalHold.OFF),
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row(
            "POST /b/k?uploads",
            Headers.of("x-amz-tagging", "stage=raw"),
            new CreateMultipartUpload(
                "b",
                "k",
                NO_ATTRIBUTES,
                null,
                null,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of("stage", "raw"),
                SseRequest.NONE)),
        row(
            "PUT /b/k?partNumber=1&uploadId=u",
            NONE,
            new UploadPart("b", "k", "u", 1, NO_CHECKSUMS, null)),
        row(
            "PUT /b/k?partNumber=2&uploadId=u",
            Headers.of(
                "x-amz-trailer", "x-amz-checksum-CRC32C", "x-amz-sdk-checksum-algorithm", "CRC32C"),
            new UploadPart(
                "b",
                "k",
                "u",
                2,
                new BodyChecksums(null, ChecksumAlgorithm.CRC32C, null, "x-amz-checksum-crc32c"),
                null)),
        row(
            "PUT /b/k?partNumber=3&uploadId=u",
            Headers.of(
                "x-amz-copy-source",
                "/source-bucket/photos/cat.jpg",
                "x-amz-copy-source-range",
                "bytes=0-99"),
            new UploadPartCopy(
                "b",
                "k",
                "u",
                3,
                SOURCE,
                NO_SOURCE_CONDITIONS,
                ByteRange.copySource(0, 99),
                null,
                null)),
        row(
            "POST /b/k?uploadId=u",
            Headers.of("x-amz-mp-object-size", "42"),
            new CompleteMultipartUpload(
                "b",
                "k",
                "u",
                new ExpectedObject(null, null, null, 42L),
                NO_CHECKSUMS,
                WritePrecondition.NONE,
                null)),
        // The checksum headers of a completion describe the object, not the XML document.
        row(
            "POST /b/k?uploadId=u",
            Headers.of("x-amz-checksum-crc32", "AAAAAA=="),
            new CompleteMultipartUpload(
                "b",
                "k",
                "u",
                new ExpectedObject(ChecksumAlgorithm.CRC32, "AAAAAA==", null, null),
                NO_CHECKSUMS,
                WritePrecondition.NONE,
                null)),
        row("DELETE /b/k?uploadId=u", NONE, new AbortMultipartUpload("b", "k", "u")),
        row(
            "GET /b/k?uploadId=u&max-parts=2&part-number-marker=1",
            NONE,
            new ListParts("b", "k", "u", 1, 2)),
        row("GET /b/k?uploadId=u", NONE, new ListParts("b", "k", "u", 0, 1000)),
        row(
            "GET /b?uploads&max-uploads=3&key-marker=k&upload-id-marker=u",
            NONE,
            new ListMultipartUploads("b", null, null, "k", "u", 3)),
        // Told apart by the query alone
        row("GET /b?uploads", NONE, new ListMultipartUploads("b", null, null, null, null, 1000)),
        row("GET /b?uploads=", NONE, new ListMultipartUploads("b", null, null, null, null, 1000)),
        row(
            "GET /b?uploads&upload-id-marker=u",
            NONE,
            new ListMultipartUploads("b", null, null, null, null, 1000)),
        row(
            "POST /b/k?uploads=",
            NONE,
            new CreateMultipartUpload(
                "b",
                "k",
                NO_ATTRIBUTES,
                null,
                null,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void eachMultipartRequestIsTheOperationAwsDocumentsForIt(
      String request, Headers headers, S3Operation expected) {
    ParsedRequest parsed = parse(request, headers);
    assertThat(parsed.invalid()).isNull();
    assertThat(parsed.operation()).isEqualTo(expected);
    assertThat(parsed.type()).isEqualTo(expected.getClass());
    assertThat(parsed.name()).isEqualTo(expected.name());
  }

  private static Arguments row(String request, Headers headers, S3Operation expected) {
    return Arguments.of(request + describe(headers), headers, expected);
  }
}
