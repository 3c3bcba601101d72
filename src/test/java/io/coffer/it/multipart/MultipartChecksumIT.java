package io.coffer.it.multipart;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** Multipart checksums as AWS defines them: COMPOSITE, FULL_OBJECT, and CRC64NVME always full. */
class MultipartChecksumIT {
  static final String BUCKET = "mp-checksums";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] P1 = TestData.random(5 * TestData.MIB, 40);
  static final byte[] P2 = TestData.random(77_777, 41);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  @Test
  void compositeSha256IsTheChecksumOfThePartChecksums() {
    String key = "composite";
    var sdkAlgorithm = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256;
    var created =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(sdkAlgorithm));
    assertThat(created.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    String uploadId = created.uploadId();
    var r1 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .partNumber(1)
                    .checksumAlgorithm(sdkAlgorithm),
            RequestBody.fromBytes(P1));
    var r2 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .partNumber(2)
                    .checksumAlgorithm(sdkAlgorithm),
            RequestBody.fromBytes(P2));
    assertThat(r1.checksumSHA256()).isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.SHA256, P1));
    var parts = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts();
    assertThat(parts.get(1).checksumSHA256())
        .isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.SHA256, P2));
    String expected = ExpectedChecksums.composite(ChecksumAlgorithm.SHA256, List.of(P1, P2));
    var completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
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
    assertThat(completed.checksumSHA256()).isEqualTo(expected);
    var head = s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumSHA256()).isEqualTo(expected);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
  }

  @Test
  void aPartChecksumThatDiffersFromTheUploadedOneIsInvalidPart() {
    String key = "listed-mismatch";
    var sdkAlgorithm = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C;
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(sdkAlgorithm))
            .uploadId();
    var r1 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .partNumber(1)
                    .checksumAlgorithm(sdkAlgorithm),
            RequestBody.fromBytes(P2));
    String wrong = ExpectedChecksums.of(ChecksumAlgorithm.CRC32C, P1);
    assertS3Error(
        400,
        "InvalidPart",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(
                            m ->
                                m.parts(
                                    CompletedPart.builder()
                                        .partNumber(1)
                                        .eTag(r1.eTag())
                                        .checksumCRC32C(wrong)
                                        .build()))));
  }

  @Test
  void fullObjectCrc32IsTheCrcOfTheWholeObject() {
    String key = "full-crc32";
    var sdkAlgorithm = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .checksumAlgorithm(sdkAlgorithm)
                        .checksumType(ChecksumType.FULL_OBJECT))
            .uploadId();
    var r1 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .partNumber(1)
                    .checksumAlgorithm(sdkAlgorithm),
            RequestBody.fromBytes(P1));
    var r2 =
        s3.uploadPart(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .partNumber(2)
                    .checksumAlgorithm(sdkAlgorithm),
            RequestBody.fromBytes(P2));
    var completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(
                        m ->
                            m.parts(
                                p -> p.partNumber(1).eTag(r1.eTag()),
                                p -> p.partNumber(2).eTag(r2.eTag()))));
    String expected = ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P1, P2);
    assertThat(completed.checksumCRC32()).isEqualTo(expected);
    assertThat(completed.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    // the SDK validates a full-object checksum against the body it reads
    var got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    assertThat(got.response().checksumCRC32()).isEqualTo(expected);
    assertThat(got.asByteArray()).isEqualTo(TestData.concat(P1, P2));
  }

  @Test
  void crc64nvmeIsAlwaysFullObjectCombinedFromThePartCrcs() throws Exception {
    String key = "full-crc64";
    var created =
        s3.createMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .checksumAlgorithm(
                        software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME));
    assertThat(created.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    String uploadId = created.uploadId();
    String[] etags = new String[2];
    byte[][] parts = {P1, P2};
    for (int i = 0; i < 2; i++) {
      var put =
          SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
              .query("partNumber", Integer.toString(i + 1))
              .query("uploadId", uploadId)
              .header(
                  "x-amz-checksum-crc64nvme",
                  ExpectedChecksums.of(ChecksumAlgorithm.CRC64NVME, parts[i]))
              .body(parts[i])
              .send();
      assertThat(put.statusCode()).isEqualTo(200);
      etags[i] = put.headers().firstValue("ETag").orElseThrow();
    }
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(
                    m ->
                        m.parts(
                            p -> p.partNumber(1).eTag(etags[0]),
                            p -> p.partNumber(2).eTag(etags[1]))));
    var head =
        SignedHttp.request(coffer.s3Uri(), "HEAD", BUCKET, key)
            .header("x-amz-checksum-mode", "ENABLED")
            .send();
    assertThat(head.headers().firstValue("x-amz-checksum-crc64nvme"))
        .hasValue(ExpectedChecksums.of(ChecksumAlgorithm.CRC64NVME, P1, P2));
    assertThat(head.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .checksumAlgorithm(
                            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME)
                        .checksumType(ChecksumType.COMPOSITE)));
  }

  @Test
  void aPartWithAWrongChecksumIsBadDigest() throws Exception {
    String key = "bad-part";
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    var put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
            .query("partNumber", "1")
            .query("uploadId", uploadId)
            .header("x-amz-checksum-sha1", ExpectedChecksums.of(ChecksumAlgorithm.SHA1, P1))
            .body(P2)
            .send();
    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(put)).isEqualTo("BadDigest");
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts()).isEmpty();
  }
}
