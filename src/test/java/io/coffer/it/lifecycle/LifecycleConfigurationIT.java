package io.coffer.it.lifecycle;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Put/Get/DeleteBucketLifecycle(Configuration) with the AWS SDK for Java v2, and raw requests for
 * what the SDK will not send: the configuration round-trips, AWS's validation errors, and a refused
 * configuration leaves the previous one in place.
 */
class LifecycleConfigurationIT {
  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets("rules", "empty", "errors", "raw");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static LifecycleRule.Builder days(String id, int days) {
    return LifecycleRule.builder()
        .id(id)
        .status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(""))
        .expiration(e -> e.days(days));
  }

  static void put(String bucket, LifecycleRule... rules) {
    s3.putBucketLifecycleConfiguration(
        b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
  }

  static List<LifecycleRule> rules(String bucket) {
    return s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
  }

  @Test
  void everyFilterAndActionRoundTrips() {
    LifecycleRule logs =
        LifecycleRule.builder()
            .id("logs")
            .status(ExpirationStatus.ENABLED)
            .filter(
                f ->
                    f.and(
                        a ->
                            a.prefix("logs/")
                                .tags(
                                    Tag.builder().key("class").value("debug").build(),
                                    Tag.builder().key("team").value("web").build())
                                .objectSizeGreaterThan(10L)
                                .objectSizeLessThan(1_000_000L)))
            .expiration(e -> e.days(30))
            .noncurrentVersionExpiration(n -> n.noncurrentDays(7).newerNoncurrentVersions(2))
            .build();
    LifecycleRule dated =
        LifecycleRule.builder()
            .id("dated")
            .status(ExpirationStatus.DISABLED)
            .filter(f -> f.tag(t -> t.key("k").value("v")))
            .expiration(e -> e.date(Instant.parse("2030-01-01T00:00:00Z")))
            .build();
    LifecycleRule markers =
        LifecycleRule.builder()
            .id("markers")
            .status(ExpirationStatus.ENABLED)
            .filter(f -> f.prefix("tmp/"))
            .expiration(e -> e.expiredObjectDeleteMarker(true))
            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(2))
            .build();
    LifecycleRule small =
        LifecycleRule.builder()
            .id("small")
            .status(ExpirationStatus.ENABLED)
            .filter(f -> f.objectSizeLessThan(100L))
            .expiration(e -> e.days(1))
            .build();
    put("rules", logs, dated, markers, small);
    assertThat(rules("rules")).containsExactly(logs, dated, markers, small);

    // a new configuration replaces the whole old one
    put("rules", days("only", 5).build());
    assertThat(rules("rules")).containsExactly(days("only", 5).build());
  }

  @Test
  void aRuleWithoutAnIdIsGivenOne() {
    s3.putBucketLifecycleConfiguration(
        b ->
            b.bucket("rules")
                .lifecycleConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.status(ExpirationStatus.ENABLED)
                                    .filter(LifecycleRuleFilter.builder().build())
                                    .expiration(e -> e.days(1)))));
    String id = rules("rules").getFirst().id();
    assertThat(id).hasSize(48);
    assertThat(rules("rules").getFirst().id()).isEqualTo(id);
  }

  @Test
  void aBucketWithoutRulesAnswersNoSuchLifecycleConfiguration() {
    assertS3Error(
        404,
        "NoSuchLifecycleConfiguration",
        () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("empty")));
    s3.deleteBucketLifecycle(b -> b.bucket("empty")); // nothing to delete is no error
    put("empty", days("gone", 1).build());
    assertThat(rules("empty")).hasSize(1);
    s3.deleteBucketLifecycle(b -> b.bucket("empty"));
    assertS3Error(
        404,
        "NoSuchLifecycleConfiguration",
        () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("empty")));
    assertS3Error(
        404, "NoSuchBucket", () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("nobody")));
  }

  /** A rule with an ID and a Status, on every key, without an action yet. */
  static LifecycleRule.Builder rule(String id) {
    return LifecycleRule.builder()
        .id(id)
        .status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(""));
  }

  static void assertRefused(String code, LifecycleRule.Builder... rules) {
    LifecycleRule[] built =
        Arrays.stream(rules).map(LifecycleRule.Builder::build).toArray(LifecycleRule[]::new);
    assertS3Error(400, code, () -> put("errors", built));
  }

  @Test
  void configurationsAwsRefusesAreRefusedAndChangeNothing() {
    put("errors", days("kept", 9).build());
    assertRefused("InvalidArgument", days("a", 1), days("a", 2));
    assertRefused("InvalidArgument", days("zero", 0));
    assertRefused("InvalidArgument", days("x".repeat(256), 1));
    assertRefused("InvalidRequest", rule("idle"));
    assertRefused(
        "InvalidArgument",
        rule("late").expiration(e -> e.date(Instant.parse("2030-01-01T06:00:00Z"))));
    assertRefused(
        "InvalidStorageClass",
        days("cold", 1).transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER)));
    LifecycleRuleFilter tagged =
        LifecycleRuleFilter.builder().tag(t -> t.key("k").value("v")).build();
    assertRefused(
        "InvalidRequest",
        rule("abort-tagged")
            .filter(tagged)
            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)));
    assertRefused(
        "InvalidArgument",
        rule("markers-tagged").filter(tagged).expiration(e -> e.expiredObjectDeleteMarker(true)));
    assertRefused(
        "InvalidArgument",
        days("range", 1)
            .filter(f -> f.and(a -> a.objectSizeGreaterThan(100L).objectSizeLessThan(10L))));
    assertThat(rules("errors")).containsExactly(days("kept", 9).build());
  }

  private static HttpResponse<byte[]> putRaw(String xml, boolean withMd5) throws Exception {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    SignedHttp request =
        SignedHttp.request(coffer.s3Uri(), "PUT", "raw", null).query("lifecycle", "").body(body);
    if (withMd5) {
      request.header(
          "Content-MD5",
          Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body)));
    }
    return request.send();
  }

  @Test
  void rawDocuments() throws Exception {
    String legacy =
        "<LifecycleConfiguration><Rule><ID>old</ID><Prefix>logs/</Prefix>"
            + "<Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule>"
            + "</LifecycleConfiguration>";
    // the SDKs always send a checksum: AWS requires one
    HttpResponse<byte[]> unchecked = putRaw(legacy, false);
    assertThat(unchecked.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(unchecked)).isEqualTo("InvalidRequest");
    assertS3Error(
        404,
        "NoSuchLifecycleConfiguration",
        () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("raw")));

    // the older rule-level Prefix (PutBucketLifecycle) is kept and answered as it was sent
    assertThat(putRaw(legacy, true).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> got =
        SignedHttp.request(coffer.s3Uri(), "GET", "raw", null).query("lifecycle", "").send();
    assertThat(SignedHttp.text(got))
        .contains("<Rule><ID>old</ID><Prefix>logs/</Prefix><Status>Enabled</Status>");
    assertThat(rules("raw").getFirst().prefix()).isEqualTo("logs/");

    // an element Coffer does not know is refused, not ignored
    HttpResponse<byte[]> unknown =
        putRaw(
            "<LifecycleConfiguration><Rule><ID>x</ID><Filter/><Status>Enabled</Status>"
                + "<Expiration><Days>3</Days></Expiration><Replicate/></Rule>"
                + "</LifecycleConfiguration>",
            true);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(unknown)).isEqualTo("MalformedXML");
    assertThat(rules("raw").getFirst().id()).isEqualTo("old");
  }
}
