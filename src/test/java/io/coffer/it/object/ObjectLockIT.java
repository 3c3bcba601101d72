package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Object lock as AWS defines it: the bucket's configuration and default retention, a version's
 * retention (COMPLIANCE only extended, GOVERNANCE shortened only with a bypass) and legal hold.
 */
class ObjectLockIT {
  static final String LOCKED = "locked";
  static final String PLAIN = "plain";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(PLAIN);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.createBucket(b -> b.bucket(LOCKED).objectLockEnabledForBucket(true));
    s3.putObject(b -> b.bucket(PLAIN).key("k"), RequestBody.fromString("plain"));
  }

  static Instant inDays(int days) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days));
  }

  static void put(String bucket, String key, String body) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  static ObjectLockRetention retention(String bucket, String key) {
    return s3.getObjectRetention(b -> b.bucket(bucket).key(key)).retention();
  }

  static void setRetention(
      String key, ObjectLockRetentionMode mode, Instant until, boolean bypass) {
    s3.putObjectRetention(
        b ->
            b.bucket(LOCKED)
                .key(key)
                .bypassGovernanceRetention(bypass ? Boolean.TRUE : null)
                .retention(r -> r.mode(mode).retainUntilDate(until)));
  }

  @Test
  void aBucketCreatedWithObjectLockHasAConfigurationWithoutARuleUntilOneIsPut() {
    s3.createBucket(b -> b.bucket("lock-config").objectLockEnabledForBucket(true));
    GetObjectLockConfigurationResponse initial =
        s3.getObjectLockConfiguration(b -> b.bucket("lock-config"));
    assertThat(initial.objectLockConfiguration().objectLockEnabled())
        .isEqualTo(ObjectLockEnabled.ENABLED);
    assertThat(initial.objectLockConfiguration().rule()).isNull();

    s3.putObjectLockConfiguration(
        b ->
            b.bucket("lock-config")
                .objectLockConfiguration(
                    c ->
                        c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                            .rule(
                                r ->
                                    r.defaultRetention(
                                        d ->
                                            d.mode(ObjectLockRetentionMode.COMPLIANCE).years(2)))));
    var rule =
        s3.getObjectLockConfiguration(b -> b.bucket("lock-config"))
            .objectLockConfiguration()
            .rule()
            .defaultRetention();
    assertThat(rule.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    assertThat(rule.years()).isEqualTo(2);
    assertThat(rule.days()).isNull();

    s3.putObjectLockConfiguration(
        b ->
            b.bucket("lock-config")
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)));
    assertThat(
            s3.getObjectLockConfiguration(b -> b.bucket("lock-config"))
                .objectLockConfiguration()
                .rule())
        .isNull();
  }

  @Test
  void invalidConfigurationsAreRefusedAsAwsRefusesThem() {
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            s3.putObjectLockConfiguration(
                b ->
                    b.bucket(LOCKED)
                        .objectLockConfiguration(
                            c ->
                                c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                                    .rule(
                                        r ->
                                            r.defaultRetention(
                                                d ->
                                                    d.mode(ObjectLockRetentionMode.GOVERNANCE)
                                                        .days(0))))));
    assertS3Error(
        400,
        "MalformedXML",
        () ->
            s3.putObjectLockConfiguration(
                b ->
                    b.bucket(LOCKED)
                        .objectLockConfiguration(
                            c ->
                                c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                                    .rule(
                                        r ->
                                            r.defaultRetention(
                                                d ->
                                                    d.mode(ObjectLockRetentionMode.GOVERNANCE)
                                                        .days(1)
                                                        .years(1))))));
    assertThat(
            s3.getObjectLockConfiguration(b -> b.bucket(LOCKED)).objectLockConfiguration().rule())
        .isNull();
  }

  @Test
  void theChecksumHeaderIsRequiredOnLockPuts() throws Exception {
    String retention =
        "<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>"
            + inDays(1)
            + "</RetainUntilDate></Retention>";
    put(LOCKED, "unchecked", "x");
    HttpResponse<byte[]> object =
        SignedHttp.request(coffer.s3Uri(), "PUT", LOCKED, "unchecked")
            .query("retention", "")
            .body(retention)
            .send();
    assertThat(object.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(object)).isEqualTo("InvalidRequest");
    assertThat(SignedHttp.text(object)).contains("Content-MD5 OR x-amz-checksum- HTTP header");
    HttpResponse<byte[]> bucket =
        SignedHttp.request(coffer.s3Uri(), "PUT", LOCKED, null)
            .query("object-lock", "")
            .body(
                "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                    + "</ObjectLockConfiguration>")
            .send();
    assertThat(bucket.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(bucket)).isEqualTo("InvalidRequest");
    assertS3Error(404, "NoSuchObjectLockConfiguration", () -> retention(LOCKED, "unchecked"));
  }

  @Test
  void theDefaultRetentionIsAppliedToNewObjects() {
    s3.createBucket(b -> b.bucket("lock-default").objectLockEnabledForBucket(true));
    s3.putObjectLockConfiguration(
        b ->
            b.bucket("lock-default")
                .objectLockConfiguration(
                    c ->
                        c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                            .rule(
                                r ->
                                    r.defaultRetention(
                                        d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
    Instant before = Instant.now().minusSeconds(2);
    put("lock-default", "new", "retained by default");
    Instant after = Instant.now().plusSeconds(2);
    ObjectLockRetention retention = retention("lock-default", "new");
    assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    assertThat(retention.retainUntilDate())
        .isBetween(before.plus(Duration.ofDays(1)), after.plus(Duration.ofDays(1)));
  }

  @Test
  void complianceRetentionCanBeExtendedButNeverShortened() {
    put(LOCKED, "compliance", "kept");
    assertS3Error(404, "NoSuchObjectLockConfiguration", () -> retention(LOCKED, "compliance"));
    Instant until = inDays(2);
    setRetention("compliance", ObjectLockRetentionMode.COMPLIANCE, until, false);
    assertThat(retention(LOCKED, "compliance").mode())
        .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    assertThat(retention(LOCKED, "compliance").retainUntilDate()).isEqualTo(until);

    assertS3Error(
        403,
        "AccessDenied",
        () -> setRetention("compliance", ObjectLockRetentionMode.COMPLIANCE, inDays(1), false));
    assertS3Error(
        403,
        "AccessDenied",
        () -> setRetention("compliance", ObjectLockRetentionMode.COMPLIANCE, inDays(1), true));
    assertS3Error(
        403,
        "AccessDenied",
        () -> setRetention("compliance", ObjectLockRetentionMode.GOVERNANCE, inDays(3), true));
    Instant extended = inDays(3);
    setRetention("compliance", ObjectLockRetentionMode.COMPLIANCE, extended, false);
    assertThat(retention(LOCKED, "compliance").retainUntilDate()).isEqualTo(extended);
  }

  @Test
  void governanceRetentionIsShortenedOnlyWithABypass() {
    put(LOCKED, "governance", "kept");
    Instant twoDays = inDays(2);
    Instant oneDay = inDays(1);
    setRetention("governance", ObjectLockRetentionMode.GOVERNANCE, twoDays, false);
    assertS3Error(
        403,
        "AccessDenied",
        () -> setRetention("governance", ObjectLockRetentionMode.GOVERNANCE, oneDay, false));
    assertThat(retention(LOCKED, "governance").retainUntilDate()).isEqualTo(twoDays);
    setRetention("governance", ObjectLockRetentionMode.GOVERNANCE, oneDay, true);
    assertThat(retention(LOCKED, "governance").retainUntilDate()).isEqualTo(oneDay);
    // GOVERNANCE may become COMPLIANCE without a bypass: that only strengthens it
    setRetention("governance", ObjectLockRetentionMode.COMPLIANCE, oneDay, false);
    assertThat(retention(LOCKED, "governance").mode())
        .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
  }

  @Test
  void aRetainUntilDateInThePastIsInvalid() {
    put(LOCKED, "past", "x");
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            setRetention(
                "past", ObjectLockRetentionMode.GOVERNANCE, Instant.now().minusSeconds(60), false));
  }

  @Test
  void legalHoldIsTurnedOnAndOff() {
    put(LOCKED, "held", "x");
    // never set: S3 has no legal hold to show, which is not the same as OFF
    assertS3Error(
        404,
        "NoSuchObjectLockConfiguration",
        () -> s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("held")));
    assertThat(s3.headObject(b -> b.bucket(LOCKED).key("held")).objectLockLegalHoldStatus())
        .isNull();
    s3.putObjectLegalHold(
        b -> b.bucket(LOCKED).key("held").legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    assertThat(s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("held")).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    s3.putObjectLegalHold(
        b -> b.bucket(LOCKED).key("held").legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
    assertThat(s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("held")).legalHold().status())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
    assertThat(s3.headObject(b -> b.bucket(LOCKED).key("held")).objectLockLegalHoldStatus())
        .isEqualTo(ObjectLockLegalHoldStatus.OFF);
    assertS3Error(
        404, "NoSuchKey", () -> s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("no-such-key")));
  }

  @Test
  void aVersionIdSelectsTheVersionWhoseLockIsReadOrSet() {
    put(LOCKED, "two-versions", "first");
    put(LOCKED, "two-versions", "second");
    var versions = s3.listObjectVersions(b -> b.bucket(LOCKED).prefix("two-versions")).versions();
    assertThat(versions).hasSize(2);
    String older = versions.get(1).versionId();
    assertThat(versions.get(1).isLatest()).isFalse();
    Instant until = inDays(5);
    s3.putObjectRetention(
        b ->
            b.bucket(LOCKED)
                .key("two-versions")
                .versionId(older)
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until)));
    s3.putObjectLegalHold(
        b ->
            b.bucket(LOCKED)
                .key("two-versions")
                .versionId(older)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    assertThat(
            s3.getObjectRetention(b -> b.bucket(LOCKED).key("two-versions").versionId(older))
                .retention()
                .retainUntilDate())
        .isEqualTo(until);
    assertThat(
            s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("two-versions").versionId(older))
                .legalHold()
                .status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    assertS3Error(404, "NoSuchObjectLockConfiguration", () -> retention(LOCKED, "two-versions"));
    // the current version's hold was never set
    assertS3Error(
        404,
        "NoSuchObjectLockConfiguration",
        () -> s3.getObjectLegalHold(b -> b.bucket(LOCKED).key("two-versions")));
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.getObjectRetention(b -> b.bucket(LOCKED).key("two-versions").versionId("bad")));
    assertS3Error(
        404,
        "NoSuchVersion",
        () ->
            s3.getObjectRetention(
                b ->
                    b.bucket(LOCKED)
                        .key("two-versions")
                        .versionId("7fffffffffffffff0123456789abcdef")));
    assertThat(versions).extracting(ObjectVersion::key).containsOnly("two-versions");
  }

  @Test
  void lockOperationsOnABucketWithoutObjectLockAreInvalidRequests() {
    assertS3Error(
        404,
        "ObjectLockConfigurationNotFoundError",
        () -> s3.getObjectLockConfiguration(b -> b.bucket(PLAIN)));
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObjectRetention(
                b ->
                    b.bucket(PLAIN)
                        .key("k")
                        .retention(
                            r ->
                                r.mode(ObjectLockRetentionMode.GOVERNANCE)
                                    .retainUntilDate(inDays(1)))));
    assertS3Error(400, "InvalidRequest", () -> retention(PLAIN, "k"));
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObjectLegalHold(
                b ->
                    b.bucket(PLAIN)
                        .key("k")
                        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))));
    assertS3Error(
        400, "InvalidRequest", () -> s3.getObjectLegalHold(b -> b.bucket(PLAIN).key("k")));
  }

  @Test
  void objectLockIsEnabledOnAVersionedBucketOnly() {
    s3.createBucket(b -> b.bucket("lock-later"));
    assertS3Error(
        409,
        "InvalidBucketState",
        () ->
            s3.putObjectLockConfiguration(
                b ->
                    b.bucket("lock-later")
                        .objectLockConfiguration(
                            c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED))));
    assertS3Error(
        404,
        "ObjectLockConfigurationNotFoundError",
        () -> s3.getObjectLockConfiguration(b -> b.bucket("lock-later")));
    s3.putBucketVersioning(
        b ->
            b.bucket("lock-later")
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    s3.putObjectLockConfiguration(
        b ->
            b.bucket("lock-later")
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)));
    assertThat(
            s3.getObjectLockConfiguration(b -> b.bucket("lock-later"))
                .objectLockConfiguration()
                .objectLockEnabled())
        .isEqualTo(ObjectLockEnabled.ENABLED);
    assertS3Error(
        409,
        "InvalidBucketState",
        () ->
            s3.putBucketVersioning(
                b ->
                    b.bucket("lock-later")
                        .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED))));
  }
}
