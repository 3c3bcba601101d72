package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.S3Operation.CompleteMultipartUpload;
import io.coffer.s3.request.S3Operation.CopyObject;
import io.coffer.s3.request.S3Operation.CreateMultipartUpload;
import io.coffer.s3.request.S3Operation.DeleteObject;
import io.coffer.s3.request.S3Operation.DeleteObjects;
import io.coffer.s3.request.S3Operation.GetObject;
import io.coffer.s3.request.S3Operation.HeadObject;
import io.coffer.s3.request.S3Operation.ListBuckets;
import io.coffer.s3.request.S3Operation.ListObjectVersions;
import io.coffer.s3.request.S3Operation.ListObjects;
import io.coffer.s3.request.S3Operation.ListObjectsV2;
import io.coffer.s3.request.S3Operation.ListParts;
import io.coffer.s3.request.S3Operation.PutObject;
import io.coffer.s3.request.S3Operation.UploadPart;
import io.coffer.s3.request.S3Operation.UploadPartCopy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests whose operation is known but whose parameters are not valid: the parser keeps the
 * operation (so the access log names it) and answers the error only later.
 */
class S3RequestParserInvalidTest {
  private static final Headers NONE = Headers.of();
  private static final String VERSION = "7ffe6b0d2c3f44aa0123456789abcdef";

  static Stream<Arguments> invalidParameters() {
    return Stream.of(
        invalid("GET /b?max-keys=ten", NONE, ListObjects.class, ErrorCode.INVALID_ARGUMENT),
        invalid(
            "GET /b?list-type=2&continuation-token=forged",
            NONE,
            ListObjectsV2.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid("GET /b?encoding-type=base64", NONE, ListObjects.class, ErrorCode.INVALID_ARGUMENT),
        invalid("GET /?max-buckets=0", NONE, ListBuckets.class, ErrorCode.INVALID_ARGUMENT),
        invalid("GET /b/k?versionId=3HL4kqtJ", NONE, GetObject.class, ErrorCode.INVALID_ARGUMENT),
        invalid("HEAD /b/k?versionId=", NONE, HeadObject.class, ErrorCode.INVALID_ARGUMENT),
        invalid(
            "DELETE /b/k?versionId=" + VERSION.toUpperCase(java.util.Locale.ROOT),
            NONE,
            DeleteObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-object-lock-mode", "GOVERNANCE"),
            PutObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b/k",
            Headers.of(
                "x-amz-object-lock-retain-until-date",
                "2030-01-01T00:00:00Z",
                "Content-MD5",
                "1B2M2Y8AsgTpgAmY7PhCfg=="),
            PutObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b/k",
            Headers.of(
                "x-amz-object-lock-mode",
                "FOREVER",
                "x-amz-object-lock-retain-until-date",
                "2030-01-01T00:00:00Z"),
            PutObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b/k",
            Headers.of(
                "x-amz-object-lock-mode",
                "GOVERNANCE",
                "x-amz-object-lock-retain-until-date",
                "next year",
                "Content-MD5",
                "1B2M2Y8AsgTpgAmY7PhCfg=="),
            PutObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-object-lock-legal-hold", "yes"),
            PutObject.class,
            ErrorCode.INVALID_ARGUMENT),
        // AWS requires an integrity check of the body of a write that locks it.
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-object-lock-legal-hold", "ON"),
            PutObject.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "POST /b/k?uploads",
            Headers.of("x-amz-object-lock-mode", "GOVERNANCE"),
            CreateMultipartUpload.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "GET /b?versions&version-id-marker=" + VERSION,
            NONE,
            ListObjectVersions.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "GET /b?versions&key-marker=k&version-id-marker=3HL4kqtJ",
            NONE,
            ListObjectVersions.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "PUT /b?object-lock",
            NONE,
            S3Operation.PutObjectLockConfiguration.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k?retention",
            Headers.of("x-amz-sdk-checksum-algorithm", "CRC32"),
            S3Operation.PutObjectRetention.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k?legal-hold",
            NONE,
            S3Operation.PutObjectLegalHold.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "GET /b/k?partNumber=1",
            Headers.of("Range", "bytes=0-1"),
            GetObject.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-meta-big", "x".repeat(2048)),
            PutObject.class,
            ErrorCode.METADATA_TOO_LARGE),
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-checksum-crc32", "not base64"),
            PutObject.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k?partNumber=1&uploadId=u",
            Headers.of("x-amz-trailer", "x-amz-checksum-md5"),
            UploadPart.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "POST /b?delete",
            Headers.of("x-amz-checksum-crc32", "AAAAAA==", "x-amz-checksum-sha256", "AAAA"),
            DeleteObjects.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k",
            Headers.of("x-amz-copy-source", "/s/k", "x-amz-metadata-directive", "MOVE"),
            CopyObject.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "POST /b/k?uploads",
            Headers.of("x-amz-checksum-type", "COMPOSITE"),
            CreateMultipartUpload.class,
            ErrorCode.INVALID_REQUEST),
        invalid(
            "PUT /b/k?partNumber=1&uploadId=u",
            Headers.of("x-amz-copy-source", "/s/k", "x-amz-copy-source-range", "bytes=5-"),
            UploadPartCopy.class,
            ErrorCode.INVALID_ARGUMENT),
        invalid(
            "GET /b/k?uploadId=u&max-parts=-1", NONE, ListParts.class, ErrorCode.INVALID_ARGUMENT),
        invalid(
            "POST /b/k?uploadId=u",
            Headers.of("x-amz-mp-object-size", "big"),
            CompleteMultipartUpload.class,
            ErrorCode.INVALID_REQUEST));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidParameters")
  void invalidParametersAreKeptWithTheOperation(
      String request, Headers headers, Class<? extends S3Operation> type, ErrorCode code) {
    ParsedRequest parsed = S3RequestParserTest.parse(request, headers);
    assertThat(parsed.type()).isEqualTo(type);
    assertThat(parsed.name()).isEqualTo(type.getSimpleName());
    assertThat(parsed.operation()).isNull();
    assertThat(catchThrowableOfType(CofferException.class, parsed::orThrow).code()).isEqualTo(code);
  }

  private static Arguments invalid(
      String request, Headers headers, Class<? extends S3Operation> type, ErrorCode code) {
    return Arguments.of(request + S3RequestParserTest.describe(headers), headers, type, code);
  }
}
