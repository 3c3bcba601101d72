package io.coffer.it.multipart;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static io.coffer.it.support.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Multipart uploads as clients met them (issue 12): empty parts, the object's checksum on
 * CompleteMultipartUpload, retried completions, and copy source ranges past the source's end.
 */
class MultipartHardeningIT {
  static final String BUCKET = "hardening";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] P1 = TestData.random(5 * MIB, 121);
  static final byte[] P2 = TestData.random(54_321, 122);
  static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String create(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
  }

  static CompletedPart part(String key, String uploadId, int number, byte[] data) {
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data))
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  static CompleteMultipartUploadResponse complete(
      String key, String uploadId, CompletedPart... parts) {
    return s3.completeMultipartUpload(
        b -> b.bucket(BUCKET).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
  }

  static String md5Hex(byte[]... parts) {
    return HexFormat.of().formatHex(TestData.digest("MD5", parts));
  }

  /**
   * The multipart ETag of parts with these MD5s: the MD5 of the concatenated binary MD5s, then -N.
   */
  static String multipartEtag(String... partMd5s) {
    byte[][] raw = new byte[partMd5s.length][];
    for (int i = 0; i < partMd5s.length; i++) {
      raw[i] = HexFormat.of().parseHex(partMd5s[i]);
    }
    return "\"" + md5Hex(raw) + "-" + partMd5s.length + "\"";
  }

  // ---- UploadPart with an empty body, and UploadPartCopy from an empty object ----

  @Test
  void uploadPartWithAnEmptyBodyIsAcceptedAsTheLastPart() {
    String key = "empty-last-part";
    String uploadId = create(key);
    CompletedPart first = part(key, uploadId, 1, P1);
    CompletedPart empty = part(key, uploadId, 2, new byte[0]);
    assertThat(empty.eTag()).isEqualTo("\"" + EMPTY_MD5 + "\"");
    var listed = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts();
    assertThat(listed).extracting(p -> p.size()).containsExactly((long) P1.length, 0L);
    var done = complete(key, uploadId, first, empty);
    assertThat(done.eTag()).isEqualTo(multipartEtag(md5Hex(P1), EMPTY_MD5));
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertThat(got.asByteArray()).isEqualTo(P1);
    assertThat(got.response().eTag()).isEqualTo(done.eTag());
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).contentLength()).isEqualTo(P1.length);
    // a ranged read that ends in the last full part does not trip over the empty one
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).range("bytes=-10")).asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(P1, P1.length - 10, P1.length));
  }

  @Test
  void uploadPartWithAnEmptyBodyAsTheOnlyPartMakesAnEmptyObject() {
    String key = "empty-only-part";
    String uploadId = create(key);
    var done = complete(key, uploadId, part(key, uploadId, 1, new byte[0]));
    assertThat(done.eTag()).isEqualTo(multipartEtag(EMPTY_MD5));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEmpty();
  }

  @Test
  void anEmptyPartThatIsNotTheLastIsEntityTooSmallAtCompletion() {
    String key = "empty-middle-part";
    String uploadId = create(key);
    CompletedPart empty = part(key, uploadId, 1, new byte[0]);
    CompletedPart second = part(key, uploadId, 2, P2);
    assertS3Error(400, "EntityTooSmall", () -> complete(key, uploadId, empty, second));
    // the upload is intact and completes without the empty part
    complete(key, uploadId, second);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(P2);
  }

  @Test
  void uploadPartCopyFromAnEmptyObjectIsAnEmptyPart() {
    s3.putObject(b -> b.bucket(BUCKET).key("empty-source"), RequestBody.fromBytes(new byte[0]));
    String key = "copied-empty-part";
    String uploadId = create(key);
    CompletedPart first = part(key, uploadId, 1, P1);
    var copied =
        s3.uploadPartCopy(
            c ->
                c.sourceBucket(BUCKET)
                    .sourceKey("empty-source")
                    .destinationBucket(BUCKET)
                    .destinationKey(key)
                    .uploadId(uploadId)
                    .partNumber(2));
    assertThat(copied.copyPartResult().eTag()).isEqualTo("\"" + EMPTY_MD5 + "\"");
    var done =
        complete(
            key,
            uploadId,
            first,
            CompletedPart.builder().partNumber(2).eTag(copied.copyPartResult().eTag()).build());
    assertThat(done.eTag()).isEqualTo(multipartEtag(md5Hex(P1), EMPTY_MD5));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(P1);
  }

  // ---- CompleteMultipartUpload: x-amz-checksum-* is the expected checksum of the whole object
  // ----

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
    String uploadId = create(key);
    CompletedPart listed = part(key, uploadId, 1, P2);
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
    complete(key, uploadId, listed);
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
    String uploadId = create(key);
    CompletedPart listed = part(key, uploadId, 1, P2);
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

  // ---- a retried CompleteMultipartUpload answers the same result ----

  @Test
  void aRetriedCompleteMultipartUploadAnswersTheSameResult() throws Exception {
    String key = "retried";
    var crc32 = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    long uploadsBefore = activeUploads();
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).checksumAlgorithm(crc32))
            .uploadId();
    assertThat(activeUploads()).isEqualTo(uploadsBefore + 1);
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
    CompletedPart[] parts = {
      CompletedPart.builder()
          .partNumber(1)
          .eTag(r1.eTag())
          .checksumCRC32(r1.checksumCRC32())
          .build(),
      CompletedPart.builder()
          .partNumber(2)
          .eTag(r2.eTag())
          .checksumCRC32(r2.checksumCRC32())
          .build()
    };
    var first = complete(key, uploadId, parts);
    assertThat(activeUploads()).isEqualTo(uploadsBefore);
    var again = complete(key, uploadId, parts);
    assertThat(again.eTag()).isEqualTo(first.eTag());
    assertThat(again.location()).isEqualTo(first.location());
    assertThat(again.bucket()).isEqualTo(BUCKET);
    assertThat(again.key()).isEqualTo(key);
    assertThat(again.checksumCRC32()).isEqualTo(first.checksumCRC32()).isNotNull();
    assertThat(again.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(activeUploads()).as("a retry creates no upload").isEqualTo(uploadsBefore);
    // with the preconditions of the first attempt, which the object now fails: still its answer
    var conditional =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(parts)));
    assertThat(conditional.eTag()).isEqualTo(first.eTag());
    // the object was overwritten meanwhile: S3 still answers the completion it remembers
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("overwritten"));
    assertThat(complete(key, uploadId, parts).eTag()).isEqualTo(first.eTag());
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String())
        .isEqualTo("overwritten");
    // another part list, or the upload ID under another key, is an upload that no longer exists
    assertS3Error(404, "NoSuchUpload", () -> complete(key, uploadId, parts[0]));
    assertS3Error(404, "NoSuchUpload", () -> complete("elsewhere", uploadId, parts));
    // other operations on the upload find it gone
    assertS3Error(
        404, "NoSuchUpload", () -> s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)));
    assertS3Error(
        404,
        "NoSuchUpload",
        () -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)));
    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(key)).uploads()).isEmpty();
  }

  @Test
  void aRetriedCompleteMultipartUploadIsCheckedAgainstItsObjectChecksumHeader() {
    String key = "retried-checksum";
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
    String whole = ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P2);
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key(key)
                .uploadId(uploadId)
                .checksumCRC32(whole)
                .multipartUpload(m -> m.parts(listed)));
    var again =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key(key)
                    .uploadId(uploadId)
                    .checksumCRC32(whole)
                    .multipartUpload(m -> m.parts(listed)));
    assertThat(again.checksumCRC32()).isEqualTo(whole);
    assertS3Error(
        400,
        "BadDigest",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .uploadId(uploadId)
                        .checksumCRC32(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, P1))
                        .multipartUpload(m -> m.parts(listed))));
  }

  // ---- UploadPartCopy: a copy source range past the source's end, or in the wrong syntax ----

  @Test
  void uploadPartCopyWithARangeBeyondTheSourceIsInvalidArgument() {
    s3.putObject(b -> b.bucket(BUCKET).key("ten-bytes"), RequestBody.fromString("0123456789"));
    String key = "range-beyond";
    String uploadId = create(key);
    for (String range : List.of("bytes=0-10", "bytes=5-100", "bytes=9-10")) {
      S3Exception e =
          assertS3Error(
              400,
              "InvalidArgument",
              () ->
                  s3.uploadPartCopy(
                      c ->
                          c.sourceBucket(BUCKET)
                              .sourceKey("ten-bytes")
                              .destinationBucket(BUCKET)
                              .destinationKey(key)
                              .uploadId(uploadId)
                              .partNumber(1)
                              .copySourceRange(range)));
      assertThat(e.awsErrorDetails().errorMessage())
          .as(range)
          .isEqualTo("Range specified is not valid for source object of size: 10");
    }
    // one that starts past the end is refused as a request, as S3 does
    for (String range : List.of("bytes=10-10", "bytes=20-30")) {
      S3Exception e =
          assertS3Error(
              400,
              "InvalidRequest",
              () ->
                  s3.uploadPartCopy(
                      c ->
                          c.sourceBucket(BUCKET)
                              .sourceKey("ten-bytes")
                              .destinationBucket(BUCKET)
                              .destinationKey(key)
                              .uploadId(uploadId)
                              .partNumber(1)
                              .copySourceRange(range)));
      assertThat(e.awsErrorDetails().errorMessage())
          .as(range)
          .isEqualTo("The specified copy range is invalid for the source object size");
    }
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts())
        .as("no part stored")
        .isEmpty();
    // the last byte is still in range
    var copied =
        s3.uploadPartCopy(
            c ->
                c.sourceBucket(BUCKET)
                    .sourceKey("ten-bytes")
                    .destinationBucket(BUCKET)
                    .destinationKey(key)
                    .uploadId(uploadId)
                    .partNumber(1)
                    .copySourceRange("bytes=3-9"));
    complete(
        key,
        uploadId,
        CompletedPart.builder().partNumber(1).eTag(copied.copyPartResult().eTag()).build());
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String())
        .isEqualTo("3456789");
  }

  @Test
  void uploadPartCopyWithARangeInTheWrongSyntaxIsInvalidArgument() {
    s3.putObject(b -> b.bucket(BUCKET).key("ten-bytes-2"), RequestBody.fromString("0123456789"));
    String key = "range-syntax";
    String uploadId = create(key);
    for (String range :
        List.of(
            "bytes=3-",
            "bytes=-3",
            "bytes=0-1,3-4",
            "bytes=4-2",
            "0-4",
            "items=0-4",
            "bytes= 0-4",
            "bytes=0 - 4",
            "bytes=0x1-4")) {
      S3Exception e =
          assertS3Error(
              400,
              "InvalidArgument",
              () ->
                  s3.uploadPartCopy(
                      c ->
                          c.sourceBucket(BUCKET)
                              .sourceKey("ten-bytes-2")
                              .destinationBucket(BUCKET)
                              .destinationKey(key)
                              .uploadId(uploadId)
                              .partNumber(1)
                              .copySourceRange(range)));
      assertThat(e.awsErrorDetails().errorMessage())
          .as(range)
          .startsWith("The x-amz-copy-source-range value must be of the form bytes=first-last");
    }
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts()).isEmpty();
  }

  /** active_multipart_uploads from the management API's stats. */
  static long activeUploads() throws Exception {
    HttpResponse<String> stats =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(coffer.apiUri() + "/stats"))
                    .header("X-API-Key", CofferTestServer.API_KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"active_multipart_uploads\":(\\d+)").matcher(stats.body());
    assertThat(m.find()).as(stats.body()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
