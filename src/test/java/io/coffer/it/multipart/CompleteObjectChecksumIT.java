package io.coffer.it.multipart;

import static io.coffer.it.multipart.Uploads.P1;
import static io.coffer.it.multipart.Uploads.P2;
import static io.coffer.it.support.S3Assertions.assertS3Error;
import static io.coffer.it.support.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CompleteMultipartUpload checks the object it makes (issue 12): an x-amz-checksum-* header there
 * is the expected checksum of the whole object (full-object or composite), x-amz-mp-object-size its
 * size.
 */
class CompleteObjectChecksumIT {
  static final String BUCKET = "object-checksum";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static Uploads uploads;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    uploads = new Uploads(s3, BUCKET);
  }

  @Test
  void completeMultipartUploadAcceptsTheFullObjectCrc32OfTheWholeObject() {
    String key = "full-object-crc32";
    var crc32 = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .checksumAlgorithm(crc32)
                        .checksumType(ChecksumType.FULL_OBJECT))
            .uploadId();
    var r1 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1).checksumAlgorithm(crc32),
            RequestBody.fromBytes(P1));
    var r2 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(2).checksumAlgorithm(crc32),
            RequestBody.fromBytes(P2));
    String whole = ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P1, P2);
    var done =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .checksumCRC32(whole)
                    .checksumType(ChecksumType.FULL_OBJECT)
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder()
                                    .partNumber(1)
                                    .eTag(r1.eTag())
                                    .checksumCRC32(r1.checksumCRC32())
                                    .build(),
                                CompletedPart.builder()
                                    .partNumber(2)
                                    .eTag(r2.eTag())
                                    .checksumCRC32(r2.checksumCRC32())
                                    .build())));
    assertThat(done.checksumCRC32()).isEqualTo(whole);
    assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    var got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertThat(got.response().checksumCRC32()).isEqualTo(whole);
    assertThat(got.asByteArray()).isEqualTo(TestData.concat(P1, P2));
  }

  @Test
  void completeMultipartUploadAcceptsTheCompositeSha256WithOrWithoutItsPartCount() {
    var sha256 = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256;
    String composite = ExpectedChecksums.composite(ChecksumAlgorithm.SHA256, List.of(P1, P2));
    for (String sent : List.of(composite, composite.substring(0, composite.lastIndexOf('-')))) {
      String key = "composite-sha256-" + sent.length();
      String uploadId =
          s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(sha256))
              .uploadId();
      var r1 =
          s3.uploadPart(
              b ->
                  b.bucket(BUCKET)
                      .key(key)
                      .uploadId(uploadId)
                      .partNumber(1)
                      .checksumAlgorithm(sha256),
              RequestBody.fromBytes(P1));
      var r2 =
          s3.uploadPart(
              b ->
                  b.bucket(BUCKET)
                      .key(key)
                      .uploadId(uploadId)
                      .partNumber(2)
                      .checksumAlgorithm(sha256),
              RequestBody.fromBytes(P2));
      var done =
          s3.completeMultipartUpload(
              b ->
                  b.bucket(BUCKET)
                      .key(key)
                      .uploadId(uploadId)
                      .checksumSHA256(sent)
                      .checksumType(ChecksumType.COMPOSITE)
                      .multipartUpload(
                          m ->
                              m.parts(
                                  CompletedPart.builder()
                                      .partNumber(1)
                                      .eTag(r1.eTag())
                                      .checksumSHA256(r1.checksumSHA256())
                                      .build(),
                                  CompletedPart.builder()
                                      .partNumber(2)
                                      .eTag(r2.eTag())
                                      .checksumSHA256(r2.checksumSHA256())
                                      .build())));
      assertThat(done.checksumSHA256()).as("sent %s", sent).isEqualTo(composite);
    }
  }

  @Test
  void completeMultipartUploadWithAWrongObjectChecksumIsBadDigestAndLeavesTheUploadIntact() {
    String key = "wrong-object-crc32";
    var crc32 = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .checksumAlgorithm(crc32)
                        .checksumType(ChecksumType.FULL_OBJECT))
            .uploadId();
    var r1 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1).checksumAlgorithm(crc32),
            RequestBody.fromBytes(P2));
    CompletedPart listed = CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build();
    String wrong = ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P1);
    S3Exception e =
        assertS3Error(
            400,
            "BadDigest",
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(BUCKET)
                            .key(key)
                            .uploadId(uploadId)
                            .checksumCRC32(wrong)
                            .multipartUpload(m -> m.parts(listed))));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The CRC32 you specified did not match the calculated checksum.");
    // the composite form of a full-object upload's checksum is wrong too
    assertS3Error(
        400,
        "BadDigest",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .checksumCRC32(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P2) + "-1")
                        .multipartUpload(m -> m.parts(listed))));
    // another checksum type than the upload's, another algorithm, or a malformed value
    S3Exception mode =
        assertS3Error(
            400,
            "InvalidRequest",
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(BUCKET)
                            .key(key)
                            .uploadId(uploadId)
                            .checksumType(ChecksumType.COMPOSITE)
                            .multipartUpload(m -> m.parts(listed))));
    assertThat(mode.awsErrorDetails().errorMessage())
        .isEqualTo(
            "The upload was created using the FULL_OBJECT checksum mode. The complete request must"
                + " use the same checksum mode.");
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .checksumSHA256(ExpectedChecksums.of(ChecksumAlgorithm.SHA256, P2))
                        .multipartUpload(m -> m.parts(listed))));
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .checksumCRC32("not base64!")
                        .multipartUpload(m -> m.parts(listed))));
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key(key)));
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts()).hasSize(1);
    var done =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .checksumCRC32(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P2))
                    .checksumType(ChecksumType.FULL_OBJECT)
                    .multipartUpload(m -> m.parts(listed)));
    assertThat(done.checksumCRC32()).isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P2));
  }

  @Test
  void completeMultipartUploadOfAnUploadWithoutChecksumRefusesAnObjectChecksum() {
    String key = "no-algorithm";
    String uploadId = uploads.create(key);
    CompletedPart listed = uploads.part(key, uploadId, 1, P2);
    // it cannot be checked, so it is refused rather than ignored
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .checksumCRC32(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P2))
                        .multipartUpload(m -> m.parts(listed))));
    uploads.complete(key, uploadId, listed);
  }

  @Test
  void theSdkMultipartClientCompletesWithTheFullObjectCrc32AndTheObjectSize() {
    String key = "sdk-multipart-crc32";
    byte[] body = TestData.random(12 * MIB, 123);
    String whole = ExpectedChecksums.of(ChecksumAlgorithm.CRC32, body);
    try (S3AsyncClient async =
        S3AsyncClient.builder()
            .endpointOverride(coffer.s3Uri())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY)))
            .forcePathStyle(true)
            .multipartEnabled(true)
            .multipartConfiguration(
                c -> c.thresholdInBytes(8L * MIB).minimumPartSizeInBytes(5L * MIB))
            .build()) {
      // the client sends the whole body's CRC32 and x-amz-mp-object-size with
      // CompleteMultipartUpload
      var put =
          async
              .putObject(
                  b -> b.bucket(BUCKET).key(key).checksumCRC32(whole),
                  AsyncRequestBody.fromBytes(body))
              .join();
      assertThat(put.checksumCRC32()).isEqualTo(whole);
    }
    var head = s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertThat(head.partsCount()).as("uploaded in parts").isGreaterThan(1);
    assertThat(head.checksumCRC32()).isEqualTo(whole);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  void completeMultipartUploadChecksTheObjectSizeHeader() {
    String key = "object-size";
    String uploadId = uploads.create(key);
    CompletedPart listed = uploads.part(key, uploadId, 1, P2);
    S3Exception e =
        assertS3Error(
            400,
            "InvalidRequest",
            () ->
                s3.completeMultipartUpload(
                    b ->
                        b.bucket(BUCKET)
                            .key(key)
                            .uploadId(uploadId)
                            .mpuObjectSize(P2.length + 1L)
                            .multipartUpload(m -> m.parts(listed))));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "The provided 'x-amz-mp-object-size' header value "
                + (P2.length + 1)
                + " does not match what was computed: "
                + P2.length);
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .uploadId(uploadId)
                .mpuObjectSize((long) P2.length)
                .multipartUpload(m -> m.parts(listed)));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(P2);
  }
}
