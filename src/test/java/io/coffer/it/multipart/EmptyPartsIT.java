package io.coffer.it.multipart;

import static io.coffer.it.multipart.Uploads.EMPTY_MD5;
import static io.coffer.it.multipart.Uploads.P1;
import static io.coffer.it.multipart.Uploads.P2;
import static io.coffer.it.multipart.Uploads.md5Hex;
import static io.coffer.it.multipart.Uploads.multipartEtag;
import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Empty parts as clients send them (issue 12): UploadPart with an empty body and UploadPartCopy
 * from an empty object are parts like any other, allowed as the last one.
 */
class EmptyPartsIT {
  static final String BUCKET = "empty-parts";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;
  static Uploads uploads;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    uploads = new Uploads(s3, BUCKET);
  }

  @Test
  void uploadPartWithAnEmptyBodyIsAcceptedAsTheLastPart() {
    String key = "empty-last-part";
    String uploadId = uploads.create(key);
    CompletedPart first = uploads.part(key, uploadId, 1, P1);
    CompletedPart empty = uploads.part(key, uploadId, 2, new byte[0]);
    assertThat(empty.eTag()).isEqualTo("\"" + EMPTY_MD5 + "\"");
    var listed = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts();
    assertThat(listed).extracting(p -> p.size()).containsExactly((long) P1.length, 0L);
    var done = uploads.complete(key, uploadId, first, empty);
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
    String uploadId = uploads.create(key);
    var done = uploads.complete(key, uploadId, uploads.part(key, uploadId, 1, new byte[0]));
    assertThat(done.eTag()).isEqualTo(multipartEtag(EMPTY_MD5));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEmpty();
  }

  @Test
  void anEmptyPartThatIsNotTheLastIsEntityTooSmallAtCompletion() {
    String key = "empty-middle-part";
    String uploadId = uploads.create(key);
    CompletedPart empty = uploads.part(key, uploadId, 1, new byte[0]);
    CompletedPart second = uploads.part(key, uploadId, 2, P2);
    assertS3Error(400, "EntityTooSmall", () -> uploads.complete(key, uploadId, empty, second));
    // the upload is intact and completes without the empty part
    uploads.complete(key, uploadId, second);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(P2);
  }

  @Test
  void uploadPartCopyFromAnEmptyObjectIsAnEmptyPart() {
    s3.putObject(b -> b.bucket(BUCKET).key("empty-source"), RequestBody.fromBytes(new byte[0]));
    String key = "copied-empty-part";
    String uploadId = uploads.create(key);
    CompletedPart first = uploads.part(key, uploadId, 1, P1);
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
        uploads.complete(
            key,
            uploadId,
            first,
            CompletedPart.builder().partNumber(2).eTag(copied.copyPartResult().eTag()).build());
    assertThat(done.eTag()).isEqualTo(multipartEtag(md5Hex(P1), EMPTY_MD5));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(P1);
  }
}
