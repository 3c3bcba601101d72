package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/** CopyObject: directives, copies onto itself, copy-source conditions. */
class CopyIT {
  static final String BUCKET = "copies";

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET, "copies-target");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String putSource(String key, byte[] data) {
    return s3.putObject(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .contentType("text/x-source")
                    .cacheControl("max-age=1")
                    .metadata(Map.of("color", "blue")),
            RequestBody.fromBytes(data))
        .eTag();
  }

  @Test
  void copyKeepsContentAndAttributesByDefault() {
    byte[] data = TestData.random(3 * TestData.MIB + 5, 10);
    String etag = putSource("source", data);
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("source")
                    .destinationBucket("copies-target")
                    .destinationKey("dir/copy"));
    assertThat(copied.copyObjectResult().eTag()).isEqualTo(etag);
    assertThat(copied.copyObjectResult().lastModified()).isNotNull();
    var got = s3.getObjectAsBytes(b -> b.bucket("copies-target").key("dir/copy"));
    assertThat(got.asByteArray()).isEqualTo(data);
    assertThat(got.response().contentType()).isEqualTo("text/x-source");
    assertThat(got.response().cacheControl()).isEqualTo("max-age=1");
    assertThat(got.response().metadata()).isEqualTo(Map.of("color", "blue"));
    // the source is untouched
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("source")).asByteArray())
        .isEqualTo(data);
  }

  @Test
  void replaceDirectiveTakesTheRequestsAttributes() {
    putSource("replace-src", "abc".getBytes());
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("replace-src")
                .destinationBucket(BUCKET)
                .destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("application/json")
                .metadata(Map.of("size", "small")));
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("replaced"));
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(head.metadata()).isEqualTo(Map.of("size", "small"));
    assertThat(head.cacheControl()).isNull();
  }

  @Test
  void copyOntoItselfNeedsReplace() {
    byte[] data = "self".getBytes();
    String etag = putSource("self", data);
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("self")
                        .destinationBucket(BUCKET)
                        .destinationKey("self")));
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("self")
                .destinationBucket(BUCKET)
                .destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("color", "red"))
                .contentType("text/plain"));
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("self"));
    assertThat(got.asByteArray()).isEqualTo(data);
    assertThat(got.response().eTag()).isEqualTo(etag);
    assertThat(got.response().metadata()).isEqualTo(Map.of("color", "red"));
    assertThat(got.response().contentType()).isEqualTo("text/plain");
  }

  @Test
  void copySourceConditionsFailWith412() {
    String etag = putSource("cond-src", "conditional".getBytes());
    Instant past = Instant.parse("2001-01-01T00:00:00Z");
    Instant future = Instant.now().plusSeconds(3600);
    assertS3Error(412, "PreconditionFailed", () -> copy(b -> b.copySourceIfMatch("\"0123\"")));
    assertS3Error(412, "PreconditionFailed", () -> copy(b -> b.copySourceIfNoneMatch(etag)));
    assertS3Error(412, "PreconditionFailed", () -> copy(b -> b.copySourceIfModifiedSince(future)));
    assertS3Error(412, "PreconditionFailed", () -> copy(b -> b.copySourceIfUnmodifiedSince(past)));
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("cond-dst")));
    // If-Match true wins over If-Unmodified-Since false, as AWS documents
    copy(b -> b.copySourceIfMatch(etag).copySourceIfUnmodifiedSince(past));
    copy(b -> b.copySourceIfNoneMatch("\"other\"").copySourceIfModifiedSince(past));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cond-dst")).asUtf8String())
        .isEqualTo("conditional");
  }

  private static void copy(
      java.util.function.Consumer<
              software.amazon.awssdk.services.s3.model.CopyObjectRequest.Builder>
          extra) {
    s3.copyObject(
        b -> {
          b.sourceBucket(BUCKET)
              .sourceKey("cond-src")
              .destinationBucket(BUCKET)
              .destinationKey("cond-dst");
          extra.accept(b);
        });
  }

  @Test
  void aMissingSourceIsNoSuchKeyAndOddKeysAreEncoded() {
    assertS3Error(
        404,
        "NoSuchKey",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("absent")
                        .destinationBucket(BUCKET)
                        .destinationKey("x")));
    assertS3Error(
        404,
        "NoSuchBucket",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket("no-such-bucket")
                        .sourceKey("a")
                        .destinationBucket(BUCKET)
                        .destinationKey("x")));
    String odd = "odd key/with+plus & ünïcødé?=%";
    putSource(odd, "odd".getBytes());
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey(odd)
                .destinationBucket(BUCKET)
                .destinationKey(odd + " copy"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(odd + " copy")).asUtf8String())
        .isEqualTo("odd");
  }

  @Test
  void aMultipartSourceIsCopiedWhole() {
    byte[] p1 = TestData.random(5 * TestData.MIB, 11);
    byte[] p2 = TestData.random(1000, 12);
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp-src")).uploadId();
    String e1 =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp-src").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(p1))
            .eTag();
    String e2 =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp-src").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(p2))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mp-src")
                .uploadId(uploadId)
                .multipartUpload(
                    m -> m.parts(p -> p.partNumber(1).eTag(e1), p -> p.partNumber(2).eTag(e2))));
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("mp-src")
                .destinationBucket(BUCKET)
                .destinationKey("mp-copy"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("mp-copy")).asByteArray())
        .isEqualTo(TestData.concat(p1, p2));
  }
}
