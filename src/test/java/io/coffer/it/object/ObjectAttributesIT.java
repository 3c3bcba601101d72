package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.TestData;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** GetObjectAttributes with the AWS SDK: every attribute, parts paging, versions, errors. */
class ObjectAttributesIT {
  static final String BUCKET = "attributes";
  static final String VERSIONED = "attributes-versioned";
  static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET, VERSIONED);

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.putBucketVersioning(
        b -> b.bucket(VERSIONED).versioningConfiguration(v -> v.status("Enabled")));
  }

  static GetObjectAttributesResponse attributes(
      String bucket, String key, String versionId, ObjectAttributes... asked) {
    return s3.getObjectAttributes(
        b -> b.bucket(bucket).key(key).versionId(versionId).objectAttributes(asked));
  }

  @Test
  void anObjectInOnePieceAnswersEveryAttributeButParts() {
    byte[] data = TestData.random(1000, 1);
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("one")
                .checksumAlgorithm(
                    software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
        RequestBody.fromBytes(data));
    GetObjectAttributesResponse got =
        attributes(
            BUCKET, "one", null, ObjectAttributes.knownValues().toArray(new ObjectAttributes[0]));
    assertThat(got.eTag()).isEqualTo(TestData.md5Hex(data));
    assertThat(got.checksum().checksumCRC32())
        .isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, data));
    assertThat(got.checksum().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
    assertThat(got.objectParts()).isNull();
    assertThat(got.storageClass()).isEqualTo(StorageClass.STANDARD);
    assertThat(got.objectSize()).isEqualTo(1000);
    assertThat(got.lastModified()).isNotNull();
    assertThat(got.versionId()).isNull(); // never versioned: no x-amz-version-id

    GetObjectAttributesResponse sizeOnly =
        attributes(BUCKET, "one", null, ObjectAttributes.OBJECT_SIZE);
    assertThat(sizeOnly.objectSize()).isEqualTo(1000);
    assertThat(sizeOnly.eTag()).isNull();
    assertThat(sizeOnly.checksum()).isNull();
    assertThat(sizeOnly.storageClass()).isNull();
  }

  @Test
  void aCompositeMultipartObjectPagesThroughItsPartsWithTheirChecksums() {
    software.amazon.awssdk.services.s3.model.ChecksumAlgorithm crc32 =
        software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("parts").checksumAlgorithm(crc32))
            .uploadId();
    List<byte[]> datas =
        List.of(TestData.random(5 * MIB, 2), TestData.random(5 * MIB, 3), TestData.random(7, 4));
    CompletedPart[] completed = new CompletedPart[3];
    for (int i = 0; i < 3; i++) {
      int number = i + 1;
      byte[] data = datas.get(i);
      var part =
          s3.uploadPart(
              b ->
                  b.bucket(BUCKET)
                      .key("parts")
                      .uploadId(uploadId)
                      .partNumber(number)
                      .checksumAlgorithm(crc32),
              RequestBody.fromBytes(data));
      completed[i] =
          CompletedPart.builder()
              .partNumber(number)
              .eTag(part.eTag())
              .checksumCRC32(part.checksumCRC32())
              .build();
    }
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("parts")
                .uploadId(uploadId)
                .multipartUpload(u -> u.parts(completed)));

    GetObjectAttributesResponse first =
        s3.getObjectAttributes(
            b ->
                b.bucket(BUCKET)
                    .key("parts")
                    .maxParts(2)
                    .objectAttributes(
                        ObjectAttributes.OBJECT_PARTS,
                        ObjectAttributes.CHECKSUM,
                        ObjectAttributes.E_TAG));
    assertThat(first.eTag())
        .isEqualTo(TestData.multipartETag(datas.toArray(new byte[0][])).replace("\"", ""));
    String composite = ExpectedChecksums.composite(ChecksumAlgorithm.CRC32, datas);
    assertThat(first.checksum().checksumCRC32())
        .isEqualTo(composite.substring(0, composite.lastIndexOf('-')));
    assertThat(first.checksum().checksumTypeAsString()).isEqualTo("COMPOSITE");
    assertThat(first.objectParts().totalPartsCount()).isEqualTo(3);
    assertThat(first.objectParts().maxParts()).isEqualTo(2);
    assertThat(first.objectParts().isTruncated()).isTrue();
    assertThat(first.objectParts().nextPartNumberMarker()).isEqualTo(2);
    assertThat(first.objectParts().parts())
        .extracting(ObjectPart::partNumber)
        .containsExactly(1, 2);
    assertThat(first.objectParts().parts().get(1).size()).isEqualTo(5L * MIB);
    assertThat(first.objectParts().parts().get(1).checksumCRC32())
        .isEqualTo(completed[1].checksumCRC32());

    GetObjectAttributesResponse rest =
        s3.getObjectAttributes(
            b ->
                b.bucket(BUCKET)
                    .key("parts")
                    .maxParts(2)
                    .partNumberMarker(2)
                    .objectAttributes(ObjectAttributes.OBJECT_PARTS));
    assertThat(rest.objectParts().isTruncated()).isFalse();
    assertThat(rest.objectParts().partNumberMarker()).isEqualTo(2);
    assertThat(rest.objectParts().parts()).extracting(ObjectPart::partNumber).containsExactly(3);
    assertThat(rest.objectParts().parts().get(0).size()).isEqualTo(7);
  }

  @Test
  void aMultipartObjectWithoutChecksumsCountsItsPartsWithoutListingThem() {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("plain-parts")).uploadId();
    var part =
        s3.uploadPart(
            b -> b.bucket(BUCKET).key("plain-parts").uploadId(uploadId).partNumber(1),
            RequestBody.fromString("only part"));
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("plain-parts")
                .uploadId(uploadId)
                .multipartUpload(
                    u -> u.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
    GetObjectAttributesResponse got =
        attributes(
            BUCKET, "plain-parts", null, ObjectAttributes.OBJECT_PARTS, ObjectAttributes.CHECKSUM);
    assertThat(got.checksum()).isNull();
    assertThat(got.objectParts().totalPartsCount()).isEqualTo(1);
    assertThat(got.objectParts().parts()).isEmpty();
  }

  @Test
  void eachVersionAnswersForItselfAndDeleteMarkersAnswerAsForGetObject() {
    String first =
        s3.putObject(b -> b.bucket(VERSIONED).key("v"), RequestBody.fromString("first"))
            .versionId();
    String second =
        s3.putObject(b -> b.bucket(VERSIONED).key("v"), RequestBody.fromString("second!"))
            .versionId();
    GetObjectAttributesResponse current =
        attributes(VERSIONED, "v", null, ObjectAttributes.OBJECT_SIZE);
    assertThat(current.objectSize()).isEqualTo(7);
    assertThat(current.versionId()).isEqualTo(second);
    GetObjectAttributesResponse old =
        attributes(VERSIONED, "v", first, ObjectAttributes.OBJECT_SIZE);
    assertThat(old.objectSize()).isEqualTo(5);
    assertThat(old.versionId()).isEqualTo(first);

    String marker = s3.deleteObject(b -> b.bucket(VERSIONED).key("v")).versionId();
    S3Exception hidden =
        assertS3Error(
            404, "NoSuchKey", () -> attributes(VERSIONED, "v", null, ObjectAttributes.OBJECT_SIZE));
    assertThat(
            hidden.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker"))
        .hasValue("true");
    S3Exception named =
        assertS3Error(
            405,
            "MethodNotAllowed",
            () -> attributes(VERSIONED, "v", marker, ObjectAttributes.OBJECT_SIZE));
    assertThat(named.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker"))
        .hasValue("true");
    assertS3Error(
        404,
        "NoSuchVersion",
        () ->
            attributes(
                VERSIONED, "v", "0000000000000000ffffffffffffffff", ObjectAttributes.OBJECT_SIZE));
    assertS3Error(
        404, "NoSuchKey", () -> attributes(BUCKET, "absent", null, ObjectAttributes.E_TAG));
  }

  /** An unsigned GetObjectAttributes of the object's size. */
  static HttpResponse<String> anonymousSize(String key) throws Exception {
    return RawS3.HTTP.send(
        HttpRequest.newBuilder(coffer.s3Uri().resolve("/" + BUCKET + "/" + key + "?attributes"))
            .header("x-amz-object-attributes", "ObjectSize")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aReadGrantInTheObjectsAclAllowsItsAttributes() throws Exception {
    s3.putObject(
        b -> b.bucket(BUCKET).key("public.txt").acl("public-read"), RequestBody.fromString("hi"));
    s3.putObject(b -> b.bucket(BUCKET).key("private.txt"), RequestBody.fromString("hi"));
    HttpResponse<String> allowed = anonymousSize("public.txt");
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    assertThat(allowed.body()).contains("<ObjectSize>2</ObjectSize>");
    HttpResponse<String> refused = anonymousSize("private.txt");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(refused)).isEqualTo("AccessDenied");
  }

  @Test
  void theAttributesHeaderIsRequiredAndItsNamesChecked() throws Exception {
    s3.putObject(b -> b.bucket(BUCKET).key("raw"), RequestBody.fromString("raw"));
    HttpResponse<String> missing =
        RawS3.request(coffer.s3Uri(), "GET", "/" + BUCKET + "/raw")
            .query("attributes", "")
            .send(new byte[0]);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(missing)).isEqualTo("InvalidRequest");
    HttpResponse<String> unknown =
        RawS3.request(coffer.s3Uri(), "GET", "/" + BUCKET + "/raw")
            .query("attributes", "")
            .header("x-amz-object-attributes", "ETag,Size")
            .send(new byte[0]);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(unknown)).isEqualTo("InvalidArgument");
    assertThat(unknown.body()).contains("<ArgumentValue>Size</ArgumentValue>");
  }
}
