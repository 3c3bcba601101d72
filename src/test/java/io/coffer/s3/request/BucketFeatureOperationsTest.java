package io.coffer.s3.request;

import static io.coffer.s3.request.S3RequestParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser's rules for the bucket features (tagging, CORS, lifecycle, default encryption, object
 * attributes, POST uploads): which operation each request is, and what is refused before anything
 * is read.
 */
class BucketFeatureOperationsTest {
  private static final Headers NONE = Headers.of();

  private static final BodyChecksums MD5 =
      new BodyChecksums("1B2M2Y8AsgTpgAmY7PhCfg==", null, null, null);

  static Stream<Arguments> operations() {
    return Stream.of(
        row("POST /b", NONE, new S3Operation.PostObject("b")),
        row("GET /b?tagging", NONE, new S3Operation.GetBucketTagging("b")),
        row("DELETE /b?cors", NONE, new S3Operation.DeleteBucketCors("b")),
        row("GET /b?lifecycle", NONE, new S3Operation.GetBucketLifecycleConfiguration("b")),
        row("DELETE /b?lifecycle", NONE, new S3Operation.DeleteBucketLifecycle("b")),
        row(
            "PUT /b?lifecycle",
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new S3Operation.PutBucketLifecycleConfiguration("b", MD5)),
        row(
            "GET /b/k?attributes&versionId=null",
            Headers.of(
                "x-amz-object-attributes",
                "ETag,ObjectParts",
                "x-amz-max-parts",
                "5",
                "x-amz-part-number-marker",
                "2"),
            new S3Operation.GetObjectAttributes(
                "b",
                "k",
                "null",
                EnumSet.of(
                    ObjectAttributeNames.Attribute.ETAG,
                    ObjectAttributeNames.Attribute.OBJECT_PARTS),
                5,
                2,
                null)),
        row("GET /b?encryption", NONE, new S3Operation.GetBucketEncryption("b")),
        row("DELETE /b?encryption", NONE, new S3Operation.DeleteBucketEncryption("b")),
        row(
            "PUT /b?encryption",
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new S3Operation.PutBucketEncryption("b", MD5)),
        row("GET /b?notification", NONE, new S3Operation.GetBucketNotificationConfiguration("b")),
        row(
            "PUT /b?notification",
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new S3Operation.PutBucketNotificationConfiguration("b", MD5)),
        row(
            "PUT /b?notification",
            NONE,
            new S3Operation.PutBucketNotificationConfiguration(
                "b", new BodyChecksums(null, null, null, null))),
        // S3 has no DeleteBucketNotification: the subresource stays unsupported for DELETE.
        row(
            "DELETE /b?notification",
            NONE,
            new S3Operation.Unsupported("DeleteBucketNotification", "b", null)),
        row("GET /b/k?tagging", NONE, new S3Operation.GetObjectTagging("b", "k", null)),
        row("DELETE /b/k?tagging", NONE, new S3Operation.DeleteObjectTagging("b", "k", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void eachRequestIsTheOperationAwsDocumentsForIt(
      String request, Headers headers, S3Operation expected) {
    ParsedRequest parsed = parse(request, headers);
    assertThat(parsed.invalid()).isNull();
    assertThat(parsed.operation()).isEqualTo(expected);
  }

  @Test
  void aLifecycleConfigurationNeedsAnIntegrityHeader() {
    RuntimeException invalid = parse("PUT /b?lifecycle", NONE).invalid();
    assertThat(invalid).isInstanceOf(CofferException.class);
    CofferException refusal = (CofferException) invalid;
    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(refusal.getMessage())
        .isEqualTo("Missing required header for this request: Content-MD5");
  }

  @Test
  void badTaggingHeadersAreRefusedBeforeAnythingIsRead() {
    CofferException duplicate =
        catchThrowableOfType(
            CofferException.class,
            () -> parse("PUT /b/k", Headers.of("x-amz-tagging", "a=1&a=2")).orThrow());
    assertThat(duplicate.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    CofferException directive =
        catchThrowableOfType(
            CofferException.class,
            () ->
                parse(
                        "PUT /b/k",
                        Headers.of("x-amz-copy-source", "/s/k", "x-amz-tagging-directive", "MERGE"))
                    .orThrow());
    assertThat(directive.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    CofferException tooMany =
        catchThrowableOfType(
            CofferException.class,
            () ->
                parse(
                        "POST /b/k?uploads",
                        Headers.of(
                            "x-amz-tagging", "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"))
                    .orThrow());
    assertThat(tooMany.code()).isEqualTo(ErrorCode.BAD_REQUEST);
  }

  private static Arguments row(String request, Headers headers, S3Operation expected) {
    return Arguments.of(request + S3RequestParserTest.describe(headers), headers, expected);
  }
}
