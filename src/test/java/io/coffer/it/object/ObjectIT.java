package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.S3Assertions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ObjectIT {
  static final String BUCKET = "objects";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static byte[] get(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  @Test
  void putThenGetReturnsTheSameBytesAndAttributes() {
    byte[] data = new byte[300_000];
    new Random(1).nextBytes(data);
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("docs/report.bin")
                .contentType("application/x-report")
                .contentEncoding("identity")
                .contentDisposition("attachment; filename=\"r.bin\"")
                .contentLanguage("en")
                .cacheControl("max-age=60")
                .expires(Instant.parse("2030-01-01T00:00:00Z"))
                .metadata(Map.of("owner", "alice", "Project", "Coffer")),
        RequestBody.fromBytes(data));
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("docs/report.bin"));
    assertThat(got.asByteArray()).isEqualTo(data);
    GetObjectResponse r = got.response();
    assertThat(r.contentType()).isEqualTo("application/x-report");
    assertThat(r.contentEncoding()).isEqualTo("identity");
    assertThat(r.contentDisposition()).isEqualTo("attachment; filename=\"r.bin\"");
    assertThat(r.contentLanguage()).isEqualTo("en");
    assertThat(r.cacheControl()).isEqualTo("max-age=60");
    assertThat(r.expires()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(r.metadata()).containsEntry("owner", "alice").containsEntry("project", "Coffer");
    assertThat(r.contentLength()).isEqualTo(data.length);
    assertThat(r.eTag()).isEqualTo("\"" + md5Hex(data) + "\"");
  }

  @Test
  void theETagIsTheQuotedMd5OfTheContent() {
    String etag =
        s3.putObject(b -> b.bucket(BUCKET).key("etag"), RequestBody.fromString("hello")).eTag();
    assertThat(etag).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
  }

  @Test
  void keysWithAwkwardCharactersRoundTrip() {
    List<String> keys =
        List.of(
            "with space",
            "plus+sign",
            "percent%20literal",
            "double//slash",
            "../dots/..",
            "ünïcødé/文件",
            "emoji-😀",
            "question?mark",
            "hash#tag",
            "amp&er=sand",
            "tilde~",
            "trailing/",
            "a".repeat(1024));
    for (String key : keys) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("value of " + key));
      assertThat(new String(get(key), StandardCharsets.UTF_8)).as(key).isEqualTo("value of " + key);
    }
    List<String> listed =
        s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
            .map(o -> o.key())
            .toList();
    assertThat(listed).containsAll(keys);
  }

  @Test
  void aKeyOverTheLimitIsRejected() {
    assertS3Error(
        400,
        "KeyTooLongError",
        () ->
            s3.putObject(b -> b.bucket(BUCKET).key("k".repeat(1025)), RequestBody.fromString("x")));
  }

  @Test
  void anEmptyObjectWorks() {
    s3.putObject(b -> b.bucket(BUCKET).key("empty"), RequestBody.empty());
    assertThat(get("empty")).isEmpty();
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("empty")).contentLength()).isZero();
  }

  @Test
  void headReturnsMetadataWithoutTheBody() {
    s3.putObject(
        b -> b.bucket(BUCKET).key("head-me").contentType("text/plain"),
        RequestBody.fromString("12345"));
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("head-me"));
    assertThat(head.contentLength()).isEqualTo(5);
    assertThat(head.contentType()).isEqualTo("text/plain");
    assertThat(head.lastModified()).isNotNull();
  }

  @Test
  void missingObjectsAreNoSuchKey() {
    assertS3Error(404, "NoSuchKey", () -> get("does-not-exist"));
    assertS3Error(
        404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("does-not-exist")));
    assertS3Error(
        404, "NoSuchBucket", () -> s3.getObject(b -> b.bucket("no-such-bucket").key("k")));
  }

  @Test
  void overwriteReplacesTheContent() {
    s3.putObject(b -> b.bucket(BUCKET).key("over"), RequestBody.fromString("first"));
    s3.putObject(b -> b.bucket(BUCKET).key("over"), RequestBody.fromString("second version"));
    assertThat(new String(get("over"), StandardCharsets.UTF_8)).isEqualTo("second version");
  }

  @Test
  void deleteRemovesTheObjectAndSucceedsWhenAbsent() {
    s3.putObject(b -> b.bucket(BUCKET).key("gone"), RequestBody.fromString("x"));
    s3.deleteObject(b -> b.bucket(BUCKET).key("gone"));
    assertS3Error(404, "NoSuchKey", () -> get("gone"));
    s3.deleteObject(b -> b.bucket(BUCKET).key("gone"));
  }

  @Test
  void aWrongContentMd5IsBadDigest() {
    String wrong = Base64.getEncoder().encodeToString(new byte[16]);
    assertS3Error(
        400,
        "BadDigest",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("md5").contentMD5(wrong),
                RequestBody.fromString("data")));
    assertS3Error(404, "NoSuchKey", () -> get("md5"));
  }

  @Test
  void aRightContentMd5IsAccepted() {
    byte[] data = "data".getBytes(StandardCharsets.UTF_8);
    String md5 = Base64.getEncoder().encodeToString(md5(data));
    s3.putObject(b -> b.bucket(BUCKET).key("md5-ok").contentMD5(md5), RequestBody.fromBytes(data));
    assertThat(get("md5-ok")).isEqualTo(data);
  }

  @Test
  void rangesReturnPartialContent() {
    s3.putObject(b -> b.bucket(BUCKET).key("range"), RequestBody.fromString("0123456789"));
    var r = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=2-5"));
    assertThat(r.asUtf8String()).isEqualTo("2345");
    assertThat(r.response().contentRange()).isEqualTo("bytes 2-5/10");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=7-"))
                .asUtf8String())
        .isEqualTo("789");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=-3"))
                .asUtf8String())
        .isEqualTo("789");
    assertS3Error(
        416,
        "InvalidRange",
        () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=10-20")));
  }

  @Test
  void conditionalGetsAnswer304And412() {
    String etag =
        s3.putObject(b -> b.bucket(BUCKET).key("cond"), RequestBody.fromString("c")).eTag();
    S3Exception notModified =
        S3Assertions.assertS3Error304(
            () -> s3.getObject(b -> b.bucket(BUCKET).key("cond").ifNoneMatch(etag)));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertS3Error(
        412,
        "PreconditionFailed",
        () -> s3.getObject(b -> b.bucket(BUCKET).key("cond").ifMatch("\"nope\"")));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("cond").ifMatch(etag)).asUtf8String())
        .isEqualTo("c");
  }

  static String md5Hex(byte[] data) {
    return java.util.HexFormat.of().formatHex(md5(data));
  }

  static byte[] md5(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("MD5").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
