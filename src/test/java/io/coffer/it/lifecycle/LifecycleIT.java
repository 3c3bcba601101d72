package io.coffer.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The lifecycle worker end to end: rules set with PutBucketLifecycleConfiguration (the SDK), a
 * lifecycle day of 2 s, and what S3 clients then see. Needs the PutBucketLifecycleConfiguration
 * operation (the lifecycle configuration work of issue 16).
 */
class LifecycleIT {
  private static final int DAY_SECONDS = 2;

  @RegisterExtension
  static final CofferTestServer SERVER =
      new CofferTestServer().configured(c -> c.withLifecycleDay(Duration.ofSeconds(DAY_SECONDS)));

  private static S3Client s3() {
    return SERVER.s3();
  }

  private static void lifecycle(String bucket, LifecycleRule... rules) {
    s3().putBucketLifecycleConfiguration(
            r ->
                r.bucket(bucket)
                    .lifecycleConfiguration(
                        BucketLifecycleConfiguration.builder().rules(rules).build()));
  }

  private static LifecycleRule.Builder rule(String id, String prefix) {
    return LifecycleRule.builder()
        .id(id)
        .status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(prefix));
  }

  /** Within two lifecycle days after it becomes true, or the test fails. */
  private static void eventually(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(6L * DAY_SECONDS).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static List<ObjectVersion> versions(String bucket) {
    return s3().listObjectVersions(r -> r.bucket(bucket)).versions();
  }

  @Test
  void putGetAndHeadNameTheRuleAndTheExpiryDate() {
    s3().createBucket(r -> r.bucket("lc-header"));
    lifecycle("lc-header", rule("tmp-rule", "tmp/").expiration(e -> e.days(30)).build());
    PutObjectResponse put =
        s3().putObject(r -> r.bucket("lc-header").key("tmp/a"), RequestBody.fromString("a"));
    assertThat(put.expiration())
        .matches("expiry-date=\"[A-Z][a-z]{2}, .* GMT\", rule-id=\"tmp-rule\"");
    assertThat(s3().headObject(r -> r.bucket("lc-header").key("tmp/a")).expiration())
        .isEqualTo(put.expiration());
    assertThat(
            s3().getObjectAsBytes(r -> r.bucket("lc-header").key("tmp/a")).response().expiration())
        .isEqualTo(put.expiration());
    s3().putObject(r -> r.bucket("lc-header").key("other/b"), RequestBody.fromString("b"));
    assertThat(s3().headObject(r -> r.bucket("lc-header").key("other/b")).expiration()).isNull();
  }

  @Test
  void expiredObjectsAreGoneWithinTwoLifecycleDays() throws Exception {
    s3().createBucket(r -> r.bucket("lc-current"));
    lifecycle("lc-current", rule("logs", "logs/").expiration(e -> e.days(1)).build());
    s3().putObject(r -> r.bucket("lc-current").key("logs/1"), RequestBody.fromString("x"));
    s3().putObject(r -> r.bucket("lc-current").key("keep/1"), RequestBody.fromString("y"));
    eventually(
        "logs/1 expired", () -> s3().listObjectsV2(r -> r.bucket("lc-current")).keyCount() == 1);
    assertThat(s3().listObjectsV2(r -> r.bucket("lc-current")).contents().get(0).key())
        .isEqualTo("keep/1");
  }

  @Test
  void aVersionedBucketGetsAMarkerThenLosesItsNoncurrentVersionsAndTheLoneMarker()
      throws Exception {
    s3().createBucket(r -> r.bucket("lc-versioned"));
    s3().putBucketVersioning(
            r ->
                r.bucket("lc-versioned")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    lifecycle(
        "lc-versioned",
        rule("expire", "").expiration(e -> e.days(1)).build(),
        rule("noncurrent", "").noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build(),
        rule("markers", "").expiration(e -> e.expiredObjectDeleteMarker(true)).build());
    s3().putObject(r -> r.bucket("lc-versioned").key("k"), RequestBody.fromString("1"));
    s3().putObject(r -> r.bucket("lc-versioned").key("k"), RequestBody.fromString("2"));
    eventually(
        "a delete marker hides k",
        () ->
            versions("lc-versioned").isEmpty()
                || !s3().listObjectVersions(r -> r.bucket("lc-versioned"))
                    .deleteMarkers()
                    .isEmpty());
    eventually(
        "every version and then the marker removed",
        () -> {
          var listing = s3().listObjectVersions(r -> r.bucket("lc-versioned"));
          return listing.versions().isEmpty() && listing.deleteMarkers().isEmpty();
        });
  }

  @Test
  void aLegalHoldKeepsItsVersion() throws Exception {
    s3().createBucket(r -> r.bucket("lc-locked").objectLockEnabledForBucket(true));
    lifecycle(
        "lc-locked",
        rule("expire", "").expiration(e -> e.days(1)).build(),
        rule("noncurrent", "").noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build());
    s3().putObject(
            r ->
                r.bucket("lc-locked")
                    .key("held")
                    .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
            RequestBody.fromString("held"));
    eventually(
        "a delete marker hides the held version",
        () -> !s3().listObjectVersions(r -> r.bucket("lc-locked")).deleteMarkers().isEmpty());
    Thread.sleep(Duration.ofSeconds(4L * DAY_SECONDS).toMillis());
    assertThat(versions("lc-locked")).hasSize(1);
  }

  @Test
  void incompleteUploadsAreAborted() throws Exception {
    s3().createBucket(r -> r.bucket("lc-uploads"));
    lifecycle(
        "lc-uploads",
        rule("abort", "").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
    s3().createMultipartUpload(r -> r.bucket("lc-uploads").key("big"));
    eventually(
        "the upload aborted",
        () -> s3().listMultipartUploads(r -> r.bucket("lc-uploads")).uploads().isEmpty());
  }

  @Test
  void thePreviewCountsWhatTheNextRunWouldDo() {
    s3().createBucket(r -> r.bucket("lc-preview"));
    lifecycle("lc-preview", rule("far", "a/").expiration(e -> e.days(1000)).build());
    s3().putObject(r -> r.bucket("lc-preview").key("a/1"), RequestBody.fromString("x"));
    Api.Reply reply = new Api(SERVER).get("/buckets/lc-preview/lifecycle/preview");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    assertThat(reply.json().get("complete").asBoolean()).isTrue();
    assertThat(reply.json().get("rules").get(0).get("rule_id").asString()).isEqualTo("far");
    assertThat(reply.json().get("rules").get(0).get("objects").asLong()).isZero();
    assertThat(new Api(SERVER).get("/buckets/no-such-bucket-lc/lifecycle/preview").status())
        .isEqualTo(404);
  }
}
