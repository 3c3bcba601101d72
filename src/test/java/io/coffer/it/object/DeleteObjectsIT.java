package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** DeleteObjects: many keys, Quiet mode, per-key errors, checksum or Content-MD5 or neither. */
class DeleteObjectsIT {
  static final String BUCKET = "deletes";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static void put(String... keys) {
    for (String key : keys) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
  }

  static List<String> listed(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  static ObjectIdentifier id(String key) {
    return ObjectIdentifier.builder().key(key).build();
  }

  @Test
  void deletesExistingAndReportsAbsentKeysAsDeleted() {
    put("v/a", "v/b", "v/c");
    // The SDK sends an x-amz-checksum-crc32 header here, not Content-MD5.
    DeleteObjectsResponse response =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(d -> d.objects(id("v/a"), id("v/c"), id("v/never-existed"))));
    assertThat(response.deleted())
        .extracting(DeletedObject::key)
        .containsExactlyInAnyOrder("v/a", "v/c", "v/never-existed");
    assertThat(response.errors()).isEmpty();
    assertThat(listed("v/")).containsExactly("v/b");
  }

  @Test
  void quietModeReportsNothingButErrors() {
    put("q/a", "q/b");
    DeleteObjectsResponse response =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.quiet(true)
                                .objects(
                                    id("q/a"),
                                    id("q/b"),
                                    ObjectIdentifier.builder()
                                        .key("q/versioned")
                                        .versionId("3HL4kqtJlcpXroDTDmJ")
                                        .build())));
    assertThat(response.deleted()).isEmpty();
    assertThat(response.errors()).hasSize(1);
    assertThat(response.errors().get(0).key()).isEqualTo("q/versioned");
    assertThat(response.errors().get(0).code()).isEqualTo("InvalidArgument");
    assertThat(listed("q/")).isEmpty();
  }

  @Test
  void versionIdNullIsTheCurrentObject() {
    put("n/a");
    DeleteObjectsResponse response =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder().key("n/a").versionId("null").build())));
    assertThat(response.deleted())
        .singleElement()
        .satisfies(d -> assertThat(d.versionId()).isEqualTo("null"));
    assertThat(listed("n/")).isEmpty();
  }

  @Test
  void aThousandKeysAreAllowedAndMoreAreMalformedXml() {
    List<ObjectIdentifier> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(id("t/" + i));
    }
    put("t/1", "t/999");
    DeleteObjectsResponse response =
        s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(ids)));
    assertThat(response.deleted()).hasSize(1000);
    assertThat(listed("t/")).isEmpty();
    ids.add(id("t/1000"));
    assertS3Error(
        400,
        "MalformedXML",
        () -> s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(ids))));
  }

  @Test
  void contentMd5IsCheckedWhenSentAndNoDigestIsRequired() throws Exception {
    put("m/a", "m/b");
    String xml = "<Delete><Object><Key>m/a</Key></Object></Delete>";
    var wrongMd5 =
        SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, null)
            .query("delete", "")
            .header("Content-MD5", TestData.base64(new byte[16]))
            .body(xml)
            .send();
    assertThat(wrongMd5.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(wrongMd5)).isEqualTo("BadDigest");
    assertThat(listed("m/")).containsExactly("m/a", "m/b");

    var rightMd5 =
        SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, null)
            .query("delete", "")
            .header("Content-MD5", TestData.base64(TestData.digest("MD5", xml.getBytes())))
            .body(xml)
            .send();
    assertThat(rightMd5.statusCode()).isEqualTo(200);
    assertThat(SignedHttp.text(rightMd5)).contains("<Deleted><Key>m/a</Key></Deleted>");

    String second = "<Delete><Object><Key>m/b</Key></Object></Delete>";
    var neither =
        SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, null)
            .query("delete", "")
            .body(second)
            .send();
    assertThat(neither.statusCode()).isEqualTo(200);
    assertThat(listed("m/")).isEmpty();

    var malformed =
        SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, null)
            .query("delete", "")
            .body("<Delete>")
            .send();
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(malformed)).isEqualTo("MalformedXML");
  }
}
