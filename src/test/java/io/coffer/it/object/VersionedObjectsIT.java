package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * The object operations in a versioned bucket (one created with object lock, which AWS versions
 * from the start) and in one never versioned: version IDs, delete markers, reading and copying old
 * versions, object lock headers.
 */
class VersionedObjectsIT {
  static final String PLAIN = "plain";
  static final String VERSIONED = "versioned";
  static final String VERSION_FORMAT = "[0-9a-f]{32}";

  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(PLAIN);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.createBucket(b -> b.bucket(VERSIONED).objectLockEnabledForBucket(true));
  }

  static String put(String bucket, String key, String body) {
    return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
  }

  static ResponseBytes<GetObjectResponse> get(String key, String versionId) {
    return s3.getObjectAsBytes(b -> b.bucket(VERSIONED).key(key).versionId(versionId));
  }

  static Optional<String> header(S3Exception e, String name) {
    return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(name);
  }

  @Test
  void eachPutMakesAVersionThatCanBeReadByItsId() {
    String first = put(VERSIONED, "two-puts", "one");
    String second = put(VERSIONED, "two-puts", "two");
    assertThat(first).matches(VERSION_FORMAT);
    assertThat(second).matches(VERSION_FORMAT).isNotEqualTo(first);

    ResponseBytes<GetObjectResponse> current = get("two-puts", null);
    assertThat(current.asUtf8String()).isEqualTo("two");
    assertThat(current.response().versionId()).isEqualTo(second);
    ResponseBytes<GetObjectResponse> old = get("two-puts", first);
    assertThat(old.asUtf8String()).isEqualTo("one");
    assertThat(old.response().versionId()).isEqualTo(first);
    HeadObjectResponse head =
        s3.headObject(b -> b.bucket(VERSIONED).key("two-puts").versionId(first));
    assertThat(head.versionId()).isEqualTo(first);
    assertThat(head.contentLength()).isEqualTo(3);
  }

  @Test
  void aDeleteWithoutVersionHidesTheKeyBehindAMarker() {
    String first = put(VERSIONED, "marked", "one");
    String second = put(VERSIONED, "marked", "two");
    DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(VERSIONED).key("marked"));
    assertThat(deleted.deleteMarker()).isTrue();
    String marker = deleted.versionId();
    assertThat(marker).matches(VERSION_FORMAT).isNotIn(first, second);

    S3Exception hidden = assertS3Error(404, "NoSuchKey", () -> get("marked", null));
    assertThat(header(hidden, "x-amz-delete-marker")).hasValue("true");
    assertThat(header(hidden, "x-amz-version-id")).hasValue(marker);
    S3Exception hiddenHead =
        assertS3Error(
            404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(VERSIONED).key("marked")));
    assertThat(header(hiddenHead, "x-amz-delete-marker")).hasValue("true");
    S3Exception markerRead = assertS3Error(405, "MethodNotAllowed", () -> get("marked", marker));
    assertThat(header(markerRead, "x-amz-delete-marker")).hasValue("true");
    assertThat(header(markerRead, "Last-Modified")).isPresent();
    assertThat(get("marked", second).asUtf8String()).isEqualTo("two");

    // Removing the marker brings the key back; removing a version for good, the one before it.
    DeleteObjectResponse unmarked =
        s3.deleteObject(b -> b.bucket(VERSIONED).key("marked").versionId(marker));
    assertThat(unmarked.deleteMarker()).isTrue();
    assertThat(unmarked.versionId()).isEqualTo(marker);
    assertThat(get("marked", null).asUtf8String()).isEqualTo("two");
    DeleteObjectResponse removed =
        s3.deleteObject(b -> b.bucket(VERSIONED).key("marked").versionId(second));
    assertThat(removed.deleteMarker()).isNull();
    assertThat(removed.versionId()).isEqualTo(second);
    ResponseBytes<GetObjectResponse> current = get("marked", null);
    assertThat(current.asUtf8String()).isEqualTo("one");
    assertThat(current.response().versionId()).isEqualTo(first);
    assertS3Error(404, "NoSuchVersion", () -> get("marked", second));
  }

  @Test
  void anOldVersionCanBeCopiedWholeOrAsAPart() {
    String first = put(VERSIONED, "source", "old bytes");
    put(VERSIONED, "source", "new bytes");
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(VERSIONED)
                    .sourceKey("source")
                    .sourceVersionId(first)
                    .destinationBucket(VERSIONED)
                    .destinationKey("copy"));
    assertThat(copied.copySourceVersionId()).isEqualTo(first);
    assertThat(copied.versionId()).matches(VERSION_FORMAT);
    assertThat(get("copy", null).asUtf8String()).isEqualTo("old bytes");

    String upload = s3.createMultipartUpload(b -> b.bucket(VERSIONED).key("assembled")).uploadId();
    UploadPartCopyResponse part =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(VERSIONED)
                    .sourceKey("source")
                    .sourceVersionId(first)
                    .destinationBucket(VERSIONED)
                    .destinationKey("assembled")
                    .uploadId(upload)
                    .partNumber(1));
    assertThat(part.copySourceVersionId()).isEqualTo(first);
    CompleteMultipartUploadResponse completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(VERSIONED)
                    .key("assembled")
                    .uploadId(upload)
                    .multipartUpload(
                        m -> m.parts(p -> p.partNumber(1).eTag(part.copyPartResult().eTag()))));
    assertThat(completed.versionId()).matches(VERSION_FORMAT);
    assertThat(get("assembled", completed.versionId()).asUtf8String()).isEqualTo("old bytes");

    assertS3Error(
        404,
        "NoSuchVersion",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(VERSIONED)
                        .sourceKey("source")
                        .sourceVersionId("0123456789abcdef0123456789abcdef")
                        .destinationBucket(VERSIONED)
                        .destinationKey("copy")));
  }

  @Test
  void aMalformedVersionIdIsInvalidAndAnUnknownOneDoesNotExist() {
    put(VERSIONED, "asked", "x");
    assertS3Error(400, "InvalidArgument", () -> get("asked", "3HL4kqtJlcpXroDTDmJ"));
    assertS3Error(
        400,
        "InvalidArgument",
        () -> s3.deleteObject(b -> b.bucket(VERSIONED).key("asked").versionId("not-a-version")));
    assertS3Error(404, "NoSuchVersion", () -> get("asked", "0123456789abcdef0123456789abcdef"));
  }

  @Test
  void aBucketNeverVersionedSendsNoVersionIds() {
    PutObjectResponse put =
        s3.putObject(b -> b.bucket(PLAIN).key("k"), RequestBody.fromString("plain"));
    assertThat(put.versionId()).isNull();
    assertThat(put.sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).isEmpty();
    GetObjectResponse got = s3.getObjectAsBytes(b -> b.bucket(PLAIN).key("k")).response();
    assertThat(got.versionId()).isNull();
    assertThat(s3.headObject(b -> b.bucket(PLAIN).key("k")).versionId()).isNull();
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(PLAIN).sourceKey("k").destinationBucket(PLAIN).destinationKey("k2"));
    assertThat(copied.versionId()).isNull();
    assertThat(copied.copySourceVersionId()).isNull();
    DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(PLAIN).key("k"));
    assertThat(deleted.versionId()).isNull();
    assertThat(deleted.deleteMarker()).isNull();
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(PLAIN).key("k")));
  }

  @Test
  void deleteObjectsRemovesVersionsAndReportsMarkers() {
    String first = put(VERSIONED, "batch/a", "a1");
    put(VERSIONED, "batch/a", "a2");
    put(VERSIONED, "batch/b", "b");
    DeleteObjectsResponse response =
        s3.deleteObjects(
            b ->
                b.bucket(VERSIONED)
                    .delete(
                        d ->
                            d.objects(
                                ObjectIdentifier.builder().key("batch/a").versionId(first).build(),
                                ObjectIdentifier.builder().key("batch/b").build(),
                                ObjectIdentifier.builder()
                                    .key("batch/c")
                                    .versionId("bad-version")
                                    .build())));
    Map<String, DeletedObject> deleted =
        response.deleted().stream()
            .collect(java.util.stream.Collectors.toMap(DeletedObject::key, d -> d));
    assertThat(deleted).containsOnlyKeys("batch/a", "batch/b");
    assertThat(deleted.get("batch/a").versionId()).isEqualTo(first);
    assertThat(deleted.get("batch/a").deleteMarker()).isNull();
    assertThat(deleted.get("batch/b").versionId()).isNull();
    assertThat(deleted.get("batch/b").deleteMarker()).isTrue();
    assertThat(deleted.get("batch/b").deleteMarkerVersionId()).matches(VERSION_FORMAT);
    assertThat(response.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.key()).isEqualTo("batch/c");
              assertThat(e.code()).isEqualTo("InvalidArgument");
            });
    assertThat(get("batch/a", null).asUtf8String()).isEqualTo("a2");
    assertS3Error(404, "NoSuchVersion", () -> get("batch/a", first));
    assertS3Error(404, "NoSuchKey", () -> get("batch/b", null));
  }

  @Test
  void aLockedVersionShowsItsLockAndResistsDeletion() {
    Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String locked =
        s3.putObject(
                b ->
                    b.bucket(VERSIONED)
                        .key("locked")
                        .objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(until),
                RequestBody.fromString("kept"))
            .versionId();
    GetObjectResponse got = get("locked", null).response();
    assertThat(got.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
    assertThat(got.objectLockRetainUntilDate()).isEqualTo(until);
    HeadObjectResponse head = s3.headObject(b -> b.bucket(VERSIONED).key("locked"));
    assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
    assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
    assertThat(head.objectLockLegalHoldStatus()).isNull();

    assertS3Error(
        403,
        "AccessDenied",
        () -> s3.deleteObject(b -> b.bucket(VERSIONED).key("locked").versionId(locked)));
    DeleteObjectResponse bypassed =
        s3.deleteObject(
            b ->
                b.bucket(VERSIONED)
                    .key("locked")
                    .versionId(locked)
                    .bypassGovernanceRetention(true));
    assertThat(bypassed.sdkHttpResponse().statusCode()).isEqualTo(204);
    assertS3Error(404, "NoSuchKey", () -> get("locked", null));

    String held =
        s3.putObject(
                b ->
                    b.bucket(VERSIONED)
                        .key("held")
                        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("held"))
            .versionId();
    assertThat(s3.headObject(b -> b.bucket(VERSIONED).key("held")).objectLockLegalHoldStatus())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.deleteObject(
                b ->
                    b.bucket(VERSIONED)
                        .key("held")
                        .versionId(held)
                        .bypassGovernanceRetention(true)));
  }

  @Test
  void anUploadCarriesItsLockToTheObject() {
    Instant until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String upload =
        s3.createMultipartUpload(
                b ->
                    b.bucket(VERSIONED)
                        .key("locked-upload")
                        .objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(until))
            .uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(VERSIONED).key("locked-upload").uploadId(upload).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(VERSIONED)
                .key("locked-upload")
                .uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    HeadObjectResponse head = s3.headObject(b -> b.bucket(VERSIONED).key("locked-upload"));
    assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
    assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
  }

  @Test
  void lockHeadersNeedALockBucketAndAnIntegrityCheck() {
    Instant until = Instant.now().plus(1, ChronoUnit.DAYS);
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObject(
                b ->
                    b.bucket(PLAIN)
                        .key("unlockable")
                        .objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(until),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.putObject(
                b -> b.bucket(PLAIN).key("unlockable").objectLockLegalHoldStatus("ON"),
                RequestBody.fromString("x")));
  }

  @Test
  void aWriteWithLockHeadersButNoChecksumIsRefused() throws Exception {
    HttpResponse<byte[]> response =
        SignedHttp.request(coffer.s3Uri(), "PUT", VERSIONED, "unchecked")
            .header("x-amz-object-lock-legal-hold", "ON")
            .body("x")
            .send();
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(response)).isEqualTo("InvalidRequest");
    assertThat(SignedHttp.text(response)).contains("Content-MD5 OR x-amz-checksum- HTTP header");

    HttpResponse<byte[]> halfLock =
        SignedHttp.request(coffer.s3Uri(), "PUT", VERSIONED, "unchecked")
            .header("x-amz-object-lock-mode", "GOVERNANCE")
            .header("Content-MD5", "ndTkYSaMgDT1yFZOFVxnpg==")
            .body("x")
            .send();
    assertThat(halfLock.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(halfLock)).isEqualTo("InvalidArgument");
  }
}
