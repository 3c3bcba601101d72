package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static io.coffer.it.support.S3Assertions.assertS3Error304;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Conditional reads (304/412 in AWS's precedence) and conditional writes. */
class ConditionalIT {
  static final String BUCKET = "conditions";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final Instant PAST = Instant.parse("2001-01-01T00:00:00Z");
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String put(String key, String content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content)).eTag();
  }

  @Test
  void getAndHeadAnswer304ForIfNoneMatchAndIfModifiedSince() {
    String etag = put("r304", "x");
    Instant future = Instant.now().plusSeconds(3600);
    var notModified =
        assertS3Error304(() -> s3.getObject(b -> b.bucket(BUCKET).key("r304").ifNoneMatch(etag)));
    assertThat(notModified.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag"))
        .hasValue(etag);
    assertS3Error304(() -> s3.headObject(b -> b.bucket(BUCKET).key("r304").ifNoneMatch(etag)));
    assertS3Error304(
        () -> s3.getObject(b -> b.bucket(BUCKET).key("r304").ifNoneMatch("\"a\", " + etag)));
    assertS3Error304(() -> s3.getObject(b -> b.bucket(BUCKET).key("r304").ifNoneMatch("*")));
    assertS3Error304(() -> s3.getObject(b -> b.bucket(BUCKET).key("r304").ifModifiedSince(future)));
    assertS3Error304(
        () -> s3.headObject(b -> b.bucket(BUCKET).key("r304").ifModifiedSince(future)));
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("r304").ifNoneMatch("\"other\""))
                .asUtf8String())
        .isEqualTo("x");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("r304").ifModifiedSince(PAST))
                .asUtf8String())
        .isEqualTo("x");
  }

  @Test
  void getAndHeadAnswer412ForIfMatchAndIfUnmodifiedSince() {
    String etag = put("r412", "y");
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("r412").ifMatch("\"nope\"")));
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.headObject(b -> b.bucket(BUCKET).key("r412").ifMatch("\"nope\"")));
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("r412").ifUnmodifiedSince(PAST)));
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.headObject(b -> b.bucket(BUCKET).key("r412").ifUnmodifiedSince(PAST)));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("r412").ifMatch(etag)).asUtf8String())
        .isEqualTo("y");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("r412").ifMatch("*")).asUtf8String())
        .isEqualTo("y");
  }

  @Test
  void precedenceIsAsAwsDocumentsIt() {
    String etag = put("precedence", "z");
    Instant future = Instant.now().plusSeconds(3600);
    // If-Match true and If-Unmodified-Since false: 200
    assertThat(
            s3.getObjectAsBytes(
                    b -> b.bucket(BUCKET).key("precedence").ifMatch(etag).ifUnmodifiedSince(PAST))
                .asUtf8String())
        .isEqualTo("z");
    // If-None-Match false (the ETag matches) and If-Modified-Since true: 304
    assertS3Error304(
        () ->
            s3.getObject(
                b -> b.bucket(BUCKET).key("precedence").ifNoneMatch(etag).ifModifiedSince(PAST)));
    // If-None-Match true and If-Modified-Since false: 200
    assertThat(
            s3.getObjectAsBytes(
                    b ->
                        b.bucket(BUCKET)
                            .key("precedence")
                            .ifNoneMatch("\"x\"")
                            .ifModifiedSince(future))
                .asUtf8String())
        .isEqualTo("z");
    // If-Match false beats If-None-Match: 412
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.getObject(
                b -> b.bucket(BUCKET).key("precedence").ifMatch("\"x\"").ifNoneMatch(etag)));
  }

  @Test
  void putIfNoneMatchStarCreatesOnlyAbsentKeys() {
    s3.putObject(
        b -> b.bucket(BUCKET).key("create-once").ifNoneMatch("*"), RequestBody.fromString("first"));
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("create-once").ifNoneMatch("*"),
                RequestBody.fromString("second")));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("create-once")).asUtf8String())
        .isEqualTo("first");
  }

  @Test
  void putIfMatchReplacesOnlyTheExpectedVersion() {
    String etag = put("cas", "v1");
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("cas").ifMatch("\"" + "0".repeat(32) + "\""),
                RequestBody.fromString("lost")));
    String next =
        s3.putObject(b -> b.bucket(BUCKET).key("cas").ifMatch(etag), RequestBody.fromString("v2"))
            .eTag();
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("cas").ifMatch(etag), RequestBody.fromString("stale")));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cas")).response().eTag())
        .isEqualTo(next);
    assertS3Error(
        404,
        "NoSuchKey",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("cas-absent").ifMatch(etag),
                RequestBody.fromString("x")));
  }

  @Test
  void completeMultipartUploadHonoursIfNoneMatchAndIfMatch() {
    String existing = put("mp-cond", "old");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp-cond")).uploadId();
    String part =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp-cond").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("new"))
            .eTag();
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("mp-cond")
                        .uploadId(uploadId)
                        .ifNoneMatch("*")
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("mp-cond")
                        .uploadId(uploadId)
                        .ifMatch("\"abc\"")
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("mp-cond")).asUtf8String())
        .isEqualTo("old");
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mp-cond")
                .uploadId(uploadId)
                .ifMatch(existing)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("mp-cond")).asUtf8String())
        .isEqualTo("new");
  }

  @Test
  void deleteIfMatchDeletesOnlyTheExpectedVersion() throws Exception {
    String etag = put("del", "d");
    var wrong =
        SignedHttp.request(coffer.s3Uri(), "DELETE", BUCKET, "del")
            .header("If-Match", "\"nope\"")
            .send();
    assertThat(wrong.statusCode()).isEqualTo(412);
    assertThat(SignedHttp.errorCode(wrong)).isEqualTo("PreconditionFailed");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("del")).asUtf8String()).isEqualTo("d");
    var right =
        SignedHttp.request(coffer.s3Uri(), "DELETE", BUCKET, "del").header("If-Match", etag).send();
    assertThat(right.statusCode()).isEqualTo(204);
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("del")));
    put("del-any", "d");
    var any =
        SignedHttp.request(coffer.s3Uri(), "DELETE", BUCKET, "del-any")
            .header("If-Match", "*")
            .send();
    assertThat(any.statusCode()).isEqualTo(204);
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("del-any")));
  }
}
