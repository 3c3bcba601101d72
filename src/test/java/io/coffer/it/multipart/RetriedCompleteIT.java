package io.coffer.it.multipart;

import static io.coffer.it.multipart.Uploads.P1;
import static io.coffer.it.multipart.Uploads.P2;
import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A retried CompleteMultipartUpload (issue 12): clients retry after a timeout, and the same part
 * list gets the same answer.
 */
class RetriedCompleteIT {
  static final String BUCKET = "retried-complete";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static Uploads uploads;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    uploads = new Uploads(s3, BUCKET);
  }

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
    var first = uploads.complete(key, uploadId, parts);
    assertThat(activeUploads()).isEqualTo(uploadsBefore);
    var again = uploads.complete(key, uploadId, parts);
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
    assertThat(uploads.complete(key, uploadId, parts).eTag()).isEqualTo(first.eTag());
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String())
        .isEqualTo("overwritten");
    // another part list, or the upload ID under another key, is an upload that no longer exists
    assertS3Error(404, "NoSuchUpload", () -> uploads.complete(key, uploadId, parts[0]));
    assertS3Error(404, "NoSuchUpload", () -> uploads.complete("elsewhere", uploadId, parts));
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
