package io.coffer.it.compat;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.SignedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Never pretend: a request that asks for a feature Coffer does not have (dual-layer encryption,
 * SSE-C keys over plain HTTP, public ACLs, object lock, tags, other storage classes, unsigned form
 * policies) is refused before anything is stored, with the AWS SDK for Java v2 as the client; what
 * Coffer does (STANDARD, a private ACL on a bucket with ACLs disabled) is still accepted.
 */
class NeverPretendIT {
  static final String BUCKET = "never-pretend";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final String KEY_MATERIAL = "0123456789abcdef0123456789abcdef";

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String customerKey() {
    return Base64.getEncoder().encodeToString(KEY_MATERIAL.getBytes(StandardCharsets.US_ASCII));
  }

  static String customerKeyMd5() throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("MD5")
                .digest(KEY_MATERIAL.getBytes(StandardCharsets.US_ASCII)));
  }

  boolean exists(String key) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).keyCount() > 0;
  }

  /**
   * As AWS: an SSE-C key sent over plain HTTP is refused (the server here runs without
   * --allow-sse-c-over-http), and nothing is stored or read.
   */
  @Test
  void anSseCKeyOverPlainHttpIsRefusedAndNothingIsStored() throws Exception {
    String md5 = customerKeyMd5();
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObject(
                b ->
                    b.bucket(BUCKET)
                        .key("secret")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(customerKey())
                        .sseCustomerKeyMD5(md5),
                RequestBody.fromString("plaintext that must not be stored as if encrypted")));
    assertThat(exists("secret")).isFalse();
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString("plain"));
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.getObjectAsBytes(
                b ->
                    b.bucket(BUCKET)
                        .key("plain")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(customerKey())
                        .sseCustomerKeyMD5(md5)));
  }

  /**
   * Encryption Coffer does not have is refused before anything is stored: dual-layer SSE-KMS, an
   * unknown algorithm; and an encryption header on a read, as AWS refuses it.
   */
  @Test
  void unsupportedEncryptionIsRefusedOnPutCopyAndCreateMultipartUpload() {
    s3.putObject(b -> b.bucket(BUCKET).key("source"), RequestBody.fromString("source"));
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            s3.putObject(
                b ->
                    b.bucket(BUCKET)
                        .key("sse")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("source")
                        .destinationBucket(BUCKET)
                        .destinationKey("sse-copy")
                        .serverSideEncryption("AES128")));
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("sse-upload")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE)));
    assertThat(exists("sse")).isFalse();
    assertThat(exists("sse-copy")).isFalse();
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  void aclsOtherThanTheOwnersAreRefusedOnABucketWithAclsDisabled() {
    s3.createBucket(
        b -> b.bucket("acls-disabled").objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
    assertS3Error(
        400,
        "AccessControlListNotSupported",
        () ->
            s3.putObject(
                b -> b.bucket("acls-disabled").key("public").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "AccessControlListNotSupported",
        () ->
            s3.putObject(
                b ->
                    b.bucket("acls-disabled")
                        .key("granted")
                        .grantRead("uri=http://acs.amazonaws.com/groups/global/AllUsers"),
                RequestBody.fromString("x")));
    assertThat(s3.listObjectsV2(b -> b.bucket("acls-disabled")).contents()).isEmpty();
    s3.putObject(
        b -> b.bucket("acls-disabled").key("private").acl(ObjectCannedACL.PRIVATE),
        RequestBody.fromString("x"));
    s3.putObject(
        b ->
            b.bucket("acls-disabled")
                .key("owner-full")
                .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
        RequestBody.fromString("x"));
    assertThat(s3.listObjectsV2(b -> b.bucket("acls-disabled")).contents()).hasSize(2);
  }

  @Test
  void objectLockTagsRedirectsAndOtherStorageClassesAreRefused() {
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObject(
                b ->
                    b.bucket(BUCKET)
                        .key("locked")
                        .objectLockMode(ObjectLockMode.COMPLIANCE)
                        .objectLockRetainUntilDate(java.time.Instant.parse("2099-01-01T00:00:00Z")),
                RequestBody.fromString("x")));
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("cold").storageClass(StorageClass.GLACIER),
                RequestBody.fromString("x")));
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("moved").websiteRedirectLocation("/elsewhere"),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "InvalidStorageClass",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("odd").storageClass("FASTEST"),
                RequestBody.fromString("x")));
    for (String key : new String[] {"locked", "tagged", "cold", "moved", "odd"}) {
      assertThat(exists(key)).as(key).isFalse();
    }
    s3.putObject(
        b -> b.bucket(BUCKET).key("standard").storageClass(StorageClass.STANDARD),
        RequestBody.fromString("x"));
    assertThat(exists("standard")).isTrue();
  }

  @Test
  void createBucketWithAPublicAclAndAclsDisabledIsRefusedAndCreatesNothing() {
    assertS3Error(
        400,
        "InvalidBucketAclWithObjectOwnership",
        () ->
            s3.createBucket(
                b ->
                    b.bucket("public-bucket")
                        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                        .acl("public-read")));
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.createBucket(b -> b.bucket("odd-owned").objectOwnership("Whoever")));
    assertThat(s3.listBuckets().buckets())
        .extracting(b -> b.name())
        .doesNotContain("public-bucket", "odd-owned");
    s3.createBucket(
        b ->
            b.bucket("enforced")
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .acl("private"));
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("enforced");
  }

  @Test
  void anExpectedBucketOwnerOtherThanTheCallerIsDenied() {
    String owner = s3.listBuckets().owner().id();
    s3.headBucket(b -> b.bucket(BUCKET).expectedBucketOwner(owner));
    assertS3Error(
        403,
        "AccessDenied",
        () -> s3.headBucket(b -> b.bucket(BUCKET).expectedBucketOwner("111122223333")));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("expected").expectedBucketOwner("111122223333"),
                RequestBody.fromString("x")));
    assertThat(exists("expected")).isFalse();
  }

  /**
   * Presigners that hoist x-amz-* headers into the URL (SigV2, the JavaScript SDK v3) ask the same:
   * what Coffer does is done (an ACL), what it does not is refused (a storage class).
   */
  @Test
  void aFeatureAskedForInAPresignedUrlsQueryIsHonouredOrRefused() throws Exception {
    String publicRead =
        io.coffer.s3.auth.SigV4Signer.presign(
            "PUT",
            coffer.s3Uri().toString(),
            BUCKET,
            "presigned-public",
            java.util.Map.of("x-amz-acl", "public-read"),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            java.time.Instant.now(),
            300);
    HttpResponse<String> stored =
        RawS3.sendUrl("PUT", publicRead, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    HttpResponse<String> anonymous =
        RawS3.sendUrl("GET", coffer.s3Uri() + "/" + BUCKET + "/presigned-public", new byte[0]);
    assertThat(anonymous.statusCode()).as("public-read from the URL's query").isEqualTo(200);
    String glacier =
        io.coffer.s3.auth.SigV4Signer.presign(
            "PUT",
            coffer.s3Uri().toString(),
            BUCKET,
            "presigned-glacier",
            java.util.Map.of("x-amz-storage-class", "GLACIER"),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            java.time.Instant.now(),
            300);
    HttpResponse<String> refused =
        RawS3.sendUrl("PUT", glacier, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(501);
    assertThat(refused.body()).contains("<Code>NotImplemented</Code>");
    assertThat(exists("presigned-glacier")).isFalse();
    String standard =
        io.coffer.s3.auth.SigV4Signer.presign(
            "PUT",
            coffer.s3Uri().toString(),
            BUCKET,
            "presigned-standard",
            java.util.Map.of("x-amz-storage-class", "STANDARD"),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            java.time.Instant.now(),
            300);
    assertThat(RawS3.sendUrl("PUT", standard, "x".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(200);
    assertThat(exists("presigned-standard")).isTrue();
  }

  /**
   * A browser form upload carries its own policy signature: a policy that nobody signed is refused
   * (AWS's InvalidArgument naming the missing field), whether or not the request itself is signed,
   * and nothing is stored. PostObjectIT has the uploads that work.
   */
  @Test
  void aBrowserFormUploadWithAnUnsignedPolicyIsRefused() throws Exception {
    String boundary = "----coffer-form-boundary";
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nform-upload\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"policy\"\r\n\r\n"
            + "eyJleHBpcmF0aW9uIjoiMjA5OS0wMS0wMVQwMDowMDowMFoifQ==\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(coffer.s3Uri() + "/" + BUCKET))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>InvalidArgument</Code>")
        .contains("<ArgumentName>AWSAccessKeyId</ArgumentName>");
    HttpResponse<byte[]> signed =
        SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, null)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .body(form)
            .send();
    assertThat(signed.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(signed)).isEqualTo("InvalidArgument");
    assertThat(exists("form-upload")).isFalse();
  }
}
