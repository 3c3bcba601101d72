package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error304;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One clock value, one precision: a listing's LastModified equals the Last-Modified of HEAD and GET
 * for the same object (whole seconds, as AWS lists them), and a conditional GET agrees with both.
 */
class LastModifiedPrecisionIT {
  static final String BUCKET = "precision";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final int OBJECTS = 8;
  static S3Client s3;

  @BeforeAll
  static void setUp() throws Exception {
    s3 = coffer.s3();
    for (int i = 0; i < OBJECTS; i++) {
      String key = "object-" + i;
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
      Thread.sleep(37); // spread the writes over different milliseconds
    }
  }

  @Test
  void listingLastModifiedEqualsHeadLastModified() {
    Map<String, Instant> listedV2 =
        s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
            .collect(Collectors.toMap(S3Object::key, S3Object::lastModified));
    Map<String, Instant> listedV1 =
        s3.listObjects(b -> b.bucket(BUCKET)).contents().stream()
            .collect(Collectors.toMap(S3Object::key, S3Object::lastModified));
    assertThat(listedV2).hasSize(OBJECTS);
    for (Map.Entry<String, Instant> listed : listedV2.entrySet()) {
      Instant head = s3.headObject(b -> b.bucket(BUCKET).key(listed.getKey())).lastModified();
      Instant get =
          s3.getObject(b -> b.bucket(BUCKET).key(listed.getKey())).response().lastModified();
      assertThat(listed.getValue())
          .as(listed.getKey())
          .isEqualTo(head)
          .isEqualTo(get)
          .isEqualTo(listedV1.get(listed.getKey()));
      assertThat(listed.getValue().getNano()).isZero();
    }
  }

  @Test
  void aConditionalGetAgreesWithTheListedTime() {
    S3Object listed = s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().get(0);
    assertS3Error304(
        () ->
            s3.getObject(
                b -> b.bucket(BUCKET).key(listed.key()).ifModifiedSince(listed.lastModified())));
    assertThat(
            s3.getObjectAsBytes(
                    b ->
                        b.bucket(BUCKET).key(listed.key()).ifUnmodifiedSince(listed.lastModified()))
                .asUtf8String())
        .isEqualTo(listed.key());
  }
}
