package io.coffer.it.bucket;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.MFADelete;

/** PutBucketVersioning and GetBucketVersioning, as AWS answers them. */
class BucketVersioningIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static S3Client s3;

  @BeforeAll
  static void client() {
    s3 = coffer.s3();
  }

  private static void setStatus(String bucket, BucketVersioningStatus status) {
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(status)));
  }

  private static BucketVersioningStatus status(String bucket) {
    return s3.getBucketVersioning(b -> b.bucket(bucket)).status();
  }

  @Test
  void aBucketIsUnversionedUntilEnabledThenEnabledOrSuspended() throws Exception {
    s3.createBucket(b -> b.bucket("versioned-bucket"));
    assertThat(status("versioned-bucket")).isNull();
    setStatus("versioned-bucket", BucketVersioningStatus.ENABLED);
    assertThat(status("versioned-bucket")).isEqualTo(BucketVersioningStatus.ENABLED);
    setStatus("versioned-bucket", BucketVersioningStatus.SUSPENDED);
    assertThat(status("versioned-bucket")).isEqualTo(BucketVersioningStatus.SUSPENDED);
    HttpResponse<byte[]> raw =
        SignedHttp.request(coffer.s3Uri(), "GET", "versioned-bucket", null)
            .query("versioning", "")
            .send();
    assertThat(SignedHttp.text(raw)).contains("<Status>Suspended</Status>");
    setStatus("versioned-bucket", BucketVersioningStatus.ENABLED);
    assertThat(status("versioned-bucket")).isEqualTo(BucketVersioningStatus.ENABLED);
  }

  @Test
  void mfaDeleteDisabledIsAcceptedAndEnabledIsNotImplemented() {
    s3.createBucket(b -> b.bucket("mfa-bucket"));
    s3.putBucketVersioning(
        b ->
            b.bucket("mfa-bucket")
                .versioningConfiguration(
                    c -> c.status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.DISABLED)));
    assertThat(status("mfa-bucket")).isEqualTo(BucketVersioningStatus.ENABLED);
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            s3.putBucketVersioning(
                b ->
                    b.bucket("mfa-bucket")
                        .mfa("serial 123456")
                        .versioningConfiguration(
                            c ->
                                c.status(BucketVersioningStatus.SUSPENDED)
                                    .mfaDelete(MFADelete.ENABLED))));
    assertThat(status("mfa-bucket")).isEqualTo(BucketVersioningStatus.ENABLED);
  }

  @Test
  void anotherStatusOrDocumentIsMalformedXmlAndChangesNothing() throws Exception {
    s3.createBucket(b -> b.bucket("malformed-versioning"));
    for (String body :
        new String[] {
          "<VersioningConfiguration><Status>On</Status></VersioningConfiguration>",
          "<VersioningConfiguration/>",
          "<VersioningConfiguration><Status>Enabled</Status>",
          "not xml"
        }) {
      HttpResponse<byte[]> response =
          SignedHttp.request(coffer.s3Uri(), "PUT", "malformed-versioning", null)
              .query("versioning", "")
              .body(body)
              .send();
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(SignedHttp.errorCode(response)).as(body).isEqualTo("MalformedXML");
    }
    assertThat(status("malformed-versioning")).isNull();
  }

  @Test
  void aBucketWithObjectLockIsVersionedAndCannotBeSuspended() {
    s3.createBucket(b -> b.bucket("locked-versions").objectLockEnabledForBucket(true));
    assertThat(status("locked-versions")).isEqualTo(BucketVersioningStatus.ENABLED);
    assertS3Error(
        409,
        "InvalidBucketState",
        () -> setStatus("locked-versions", BucketVersioningStatus.SUSPENDED));
    assertThat(status("locked-versions")).isEqualTo(BucketVersioningStatus.ENABLED);
    setStatus("locked-versions", BucketVersioningStatus.ENABLED);
  }

  @Test
  void versioningOfAMissingBucketIsNoSuchBucket() {
    assertS3Error(
        404, "NoSuchBucket", () -> setStatus("no-such-bucket", BucketVersioningStatus.ENABLED));
    assertS3Error(404, "NoSuchBucket", () -> status("no-such-bucket"));
  }
}
