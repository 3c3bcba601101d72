package io.coffer.it.encryption;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.EncryptionSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * SSE-C with the AWS SDK for Java: the customer's key encrypts, and only that key reads, over plain
 * HTTP on a server started with --allow-sse-c-over-http (as behind a TLS-terminating proxy).
 */
class SseCIT {
  static final String BUCKET = "sse-c";

  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets(BUCKET)
          .configured(c -> c.withEncryption(new EncryptionSettings(true, null)));

  static final CustomerKeys KEY = CustomerKeys.of("the customer's own key");
  static final CustomerKeys OTHER = CustomerKeys.of("somebody else's key");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static PutObjectResponse put(String key, byte[] body, CustomerKeys sse) {
    return s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .sseCustomerAlgorithm("AES256")
                .sseCustomerKey(sse.key())
                .sseCustomerKeyMD5(sse.md5()),
        RequestBody.fromBytes(body));
  }

  static ResponseBytes<GetObjectResponse> get(String key, CustomerKeys sse) {
    return s3.getObjectAsBytes(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .sseCustomerAlgorithm("AES256")
                .sseCustomerKey(sse.key())
                .sseCustomerKeyMD5(sse.md5()));
  }

  @Test
  void theKeyWritesAndReadsAndTheDiskHoldsNoPlaintext() throws Exception {
    byte[] body = TestData.random(300_000, 1);
    PutObjectResponse put = put("photo", body, KEY);
    assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
    assertThat(put.sseCustomerKeyMD5()).isEqualTo(KEY.md5());
    // As AWS documents: the ETag of an SSE-C object is not the MD5 of its plaintext.
    assertThat(put.eTag())
        .isNotEqualTo("\"" + TestData.md5Hex(body) + "\"")
        .matches("\"[0-9a-f]{32}\"");

    ResponseBytes<GetObjectResponse> got = get("photo", KEY);
    assertThat(got.asByteArray()).isEqualTo(body);
    assertThat(got.response().sseCustomerAlgorithm()).isEqualTo("AES256");
    assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(KEY.md5());
    assertThat(got.response().contentLength()).isEqualTo(body.length);
    assertThat(got.response().eTag()).isEqualTo(put.eTag());

    HeadObjectResponse head =
        s3.headObject(
            b ->
                b.bucket(BUCKET)
                    .key("photo")
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(KEY.key())
                    .sseCustomerKeyMD5(KEY.md5()));
    assertThat(head.contentLength()).isEqualTo(body.length);
    assertThat(head.sseCustomerKeyMD5()).isEqualTo(KEY.md5());

    EncryptedFiles.assertNowhereOnDisk(
        coffer.dataDir(), BUCKET, java.util.Arrays.copyOfRange(body, 1000, 1032));
  }

  @Test
  void withoutTheKeyOrWithAnotherNothingIsServed() {
    byte[] body = TestData.random(5000, 2);
    put("locked", body, KEY);
    assertS3Error(
        400, "InvalidRequest", () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("locked")));
    assertS3Error(400, "InvalidRequest", () -> s3.headObject(b -> b.bucket(BUCKET).key("locked")));
    assertS3Error(403, "AccessDenied", () -> get("locked", OTHER));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.headObject(
                b ->
                    b.bucket(BUCKET)
                        .key("locked")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(OTHER.key())
                        .sseCustomerKeyMD5(OTHER.md5())));
    // A key the headers' MD5 does not match is refused before anything is looked up.
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            s3.getObjectAsBytes(
                b ->
                    b.bucket(BUCKET)
                        .key("locked")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(KEY.key())
                        .sseCustomerKeyMD5(OTHER.md5())));
  }

  @Test
  void aKeyForAnObjectWithoutSseCIsRefused() {
    s3.putObject(b -> b.bucket(BUCKET).key("plain"), RequestBody.fromString("plain"));
    assertS3Error(400, "InvalidRequest", () -> get("plain", KEY));
  }

  @Test
  void rangedGetsDecryptOnlyWhatIsAsked() {
    byte[] body = TestData.random(200_000, 3);
    put("ranged", body, KEY);
    for (long[] range : new long[][] {{0, 0}, {65_530, 65_545}, {131_072, 199_999}, {5, 70_000}}) {
      ResponseBytes<GetObjectResponse> got =
          s3.getObjectAsBytes(
              b ->
                  b.bucket(BUCKET)
                      .key("ranged")
                      .range("bytes=" + range[0] + "-" + range[1])
                      .sseCustomerAlgorithm("AES256")
                      .sseCustomerKey(KEY.key())
                      .sseCustomerKeyMD5(KEY.md5()));
      assertThat(got.asByteArray())
          .isEqualTo(java.util.Arrays.copyOfRange(body, (int) range[0], (int) range[1] + 1));
    }
  }

  @Test
  void getObjectAttributesNeedsTheKey() {
    byte[] body = TestData.random(1000, 4);
    put("attributes", body, KEY);
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.getObjectAttributes(
                b ->
                    b.bucket(BUCKET)
                        .key("attributes")
                        .objectAttributes(ObjectAttributes.OBJECT_SIZE)));
    GetObjectAttributesResponse attributes =
        s3.getObjectAttributes(
            b ->
                b.bucket(BUCKET)
                    .key("attributes")
                    .objectAttributes(ObjectAttributes.OBJECT_SIZE)
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(KEY.key())
                    .sseCustomerKeyMD5(KEY.md5()));
    assertThat(attributes.objectSize()).isEqualTo(1000L);
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.getObjectAttributes(
                b ->
                    b.bucket(BUCKET)
                        .key("attributes")
                        .objectAttributes(ObjectAttributes.OBJECT_SIZE)
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(OTHER.key())
                        .sseCustomerKeyMD5(OTHER.md5())));
  }

  @Test
  void multipartPartsMustSendTheUploadsKey() {
    byte[] part1 = TestData.random(5 * TestData.MIB, 5);
    byte[] part2 = TestData.random(70_000, 6);
    CreateMultipartUploadResponse upload =
        s3.createMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key("parts")
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(KEY.key())
                    .sseCustomerKeyMD5(KEY.md5()));
    assertThat(upload.sseCustomerAlgorithm()).isEqualTo("AES256");
    assertThat(upload.sseCustomerKeyMD5()).isEqualTo(KEY.md5());
    String id = upload.uploadId();
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.uploadPart(
                b -> b.bucket(BUCKET).key("parts").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1)));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.uploadPart(
                b ->
                    b.bucket(BUCKET)
                        .key("parts")
                        .uploadId(id)
                        .partNumber(1)
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(OTHER.key())
                        .sseCustomerKeyMD5(OTHER.md5()),
                RequestBody.fromBytes(part1)));
    UploadPartResponse first = uploadPart(id, 1, part1);
    assertThat(first.sseCustomerKeyMD5()).isEqualTo(KEY.md5());
    assertThat(first.eTag()).isNotEqualTo("\"" + TestData.md5Hex(part1) + "\"");
    UploadPartResponse second = uploadPart(id, 2, part2);
    var completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key("parts")
                    .uploadId(id)
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder().partNumber(1).eTag(first.eTag()).build(),
                                CompletedPart.builder()
                                    .partNumber(2)
                                    .eTag(second.eTag())
                                    .build())));
    assertThat(completed.eTag()).endsWith("-2\"");
    byte[] whole = TestData.concat(part1, part2);
    assertThat(get("parts", KEY).asByteArray()).isEqualTo(whole);
    assertS3Error(
        400, "InvalidRequest", () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("parts")));
    ResponseBytes<GetObjectResponse> secondPart =
        s3.getObjectAsBytes(
            b ->
                b.bucket(BUCKET)
                    .key("parts")
                    .partNumber(2)
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(KEY.key())
                    .sseCustomerKeyMD5(KEY.md5()));
    assertThat(secondPart.asByteArray()).isEqualTo(part2);
  }

  private static UploadPartResponse uploadPart(String id, int number, byte[] body) {
    return s3.uploadPart(
        b ->
            b.bucket(BUCKET)
                .key("parts")
                .uploadId(id)
                .partNumber(number)
                .sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY.key())
                .sseCustomerKeyMD5(KEY.md5()),
        RequestBody.fromBytes(body));
  }

  @Test
  void copiesDecryptWithTheSourceKeyAndEncryptAsTheTargetSays() {
    byte[] body = TestData.random(100_000, 7);
    put("copy-source", body, KEY);
    // Without the source's key the copy is refused, and nothing is made.
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("copy-source")
                        .destinationBucket(BUCKET)
                        .destinationKey("copied-plain")));
    // SSE-C to plaintext.
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("copy-source")
                .destinationBucket(BUCKET)
                .destinationKey("copied-plain")
                .copySourceSSECustomerAlgorithm("AES256")
                .copySourceSSECustomerKey(KEY.key())
                .copySourceSSECustomerKeyMD5(KEY.md5()));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copied-plain")).asByteArray())
        .isEqualTo(body);
    // SSE-C with one key to SSE-C with another (a key rotation).
    var rotated =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-source")
                    .destinationBucket(BUCKET)
                    .destinationKey("copied-other")
                    .copySourceSSECustomerAlgorithm("AES256")
                    .copySourceSSECustomerKey(KEY.key())
                    .copySourceSSECustomerKeyMD5(KEY.md5())
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(OTHER.key())
                    .sseCustomerKeyMD5(OTHER.md5()));
    assertThat(rotated.sseCustomerKeyMD5()).isEqualTo(OTHER.md5());
    assertThat(get("copied-other", OTHER).asByteArray()).isEqualTo(body);
    assertS3Error(403, "AccessDenied", () -> get("copied-other", KEY));
    // Plaintext to SSE-C, and a part copied from an SSE-C source into an SSE-C upload.
    s3.putObject(b -> b.bucket(BUCKET).key("plain-source"), RequestBody.fromBytes(body));
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("plain-source")
                .destinationBucket(BUCKET)
                .destinationKey("copied-encrypted")
                .sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY.key())
                .sseCustomerKeyMD5(KEY.md5()));
    assertThat(get("copied-encrypted", KEY).asByteArray()).isEqualTo(body);
    String id =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("part-copied")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(OTHER.key())
                        .sseCustomerKeyMD5(OTHER.md5()))
            .uploadId();
    var part =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-source")
                    .destinationBucket(BUCKET)
                    .destinationKey("part-copied")
                    .uploadId(id)
                    .partNumber(1)
                    .copySourceRange("bytes=10-50009")
                    .copySourceSSECustomerAlgorithm("AES256")
                    .copySourceSSECustomerKey(KEY.key())
                    .copySourceSSECustomerKeyMD5(KEY.md5())
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(OTHER.key())
                    .sseCustomerKeyMD5(OTHER.md5()));
    assertThat(part.sseCustomerKeyMD5()).isEqualTo(OTHER.md5());
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("part-copied")
                .uploadId(id)
                .multipartUpload(
                    m ->
                        m.parts(
                            List.of(
                                CompletedPart.builder()
                                    .partNumber(1)
                                    .eTag(part.copyPartResult().eTag())
                                    .build()))));
    assertThat(get("part-copied", OTHER).asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(body, 10, 50_010));
  }
}
