package io.coffer.it.multipart;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * UploadPartCopy with a copy source range past the source's end or in the wrong syntax (issue 12).
 */
class CopySourceRangeIT {
  static final String BUCKET = "copy-range";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static Uploads uploads;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    uploads = new Uploads(s3, BUCKET);
  }

  @Test
  void uploadPartCopyWithARangeBeyondTheSourceIsInvalidArgument() {
    s3.putObject(b -> b.bucket(BUCKET).key("ten-bytes"), RequestBody.fromString("0123456789"));
    String key = "range-beyond";
    String uploadId = uploads.create(key);
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
    uploads.complete(
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
    String uploadId = uploads.create(key);
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
}
