package io.coffer.it.multipart;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static io.coffer.it.support.TestData.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.StoredFiles;
import io.coffer.it.support.TestData;
import io.coffer.it.support.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload and their
 * errors.
 */
class MultipartIT {
  static final String BUCKET = "multipart";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] BIG = TestData.random(5 * MIB, 1);
  static final byte[] SMALL = TestData.random(123_456, 2);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String create(String key) {
    return s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
  }

  static CompletedPart upload(String key, String uploadId, int number, byte[] data) {
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data))
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  static String complete(String key, String uploadId, CompletedPart... parts) {
    return s3.completeMultipartUpload(
            b -> b.bucket(BUCKET).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)))
        .eTag();
  }

  /** Uploads BIG and SMALL as parts 1 and 2 and completes. */
  static String twoPartObject(String key) {
    String uploadId = create(key);
    return complete(key, uploadId, upload(key, uploadId, 1, BIG), upload(key, uploadId, 2, SMALL));
  }

  /**
   * The bucket's file count once released files are gone: at once on SQLite; the PostgreSQL store
   * deletes them after its grace period (a second in tests), so there it waits until the count has
   * stayed put for longer than that.
   */
  long settledFiles() {
    long count = TestData.countFiles(blobDir());
    if (!TestStore.postgres()) {
      return count;
    }
    long stableSince = System.nanoTime();
    while (System.nanoTime() - stableSince < Duration.ofMillis(2500).toNanos()) {
      sleep(100);
      long now = TestData.countFiles(blobDir());
      if (now != count) {
        count = now;
        stableSince = System.nanoTime();
      }
    }
    return count;
  }

  /** The bucket holds {@code expected} files, within 10 s (PostgreSQL defers deletions). */
  void assertFiles(long expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (TestData.countFiles(blobDir()) != expected && System.nanoTime() < deadline) {
      sleep(100);
    }
    assertThat(TestData.countFiles(blobDir())).isEqualTo(expected);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Path blobDir() {
    return StoredFiles.bucketFolder(coffer.dataDir(), BUCKET);
  }

  @Test
  void completedUploadIsTheConcatenationWithTheMultipartETag() {
    String key = "docs/assembled.bin";
    String uploadId =
        s3.createMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key(key)
                        .contentType("application/x-assembled")
                        .metadata(Map.of("origin", "mp")))
            .uploadId();
    CompletedPart p1 = upload(key, uploadId, 1, BIG);
    CompletedPart p2 = upload(key, uploadId, 2, SMALL);
    assertThat(p1.eTag()).isEqualTo("\"" + TestData.md5Hex(BIG) + "\"");
    String etag = complete(key, uploadId, p1, p2);
    assertThat(etag).isEqualTo(TestData.multipartETag(BIG, SMALL));

    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertThat(got.asByteArray()).isEqualTo(TestData.concat(BIG, SMALL));
    assertThat(got.response().eTag()).isEqualTo(etag);
    assertThat(got.response().contentType()).isEqualTo("application/x-assembled");
    assertThat(got.response().metadata()).containsEntry("origin", "mp");
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
    assertThat(head.contentLength()).isEqualTo(BIG.length + SMALL.length);
    assertThat(head.partsCount()).isEqualTo(2);
  }

  @Test
  void rangedAndPartNumberGetsSeekIntoTheRightPart() {
    String key = "ranged";
    twoPartObject(key);
    byte[] whole = TestData.concat(BIG, SMALL);
    int from = BIG.length - 10;
    int to = BIG.length + 20;
    var across =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).range("bytes=" + from + "-" + to));
    assertThat(across.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(whole, from, to + 1));
    assertThat(across.response().contentRange())
        .isEqualTo("bytes " + from + "-" + to + "/" + whole.length);
    var inSecond = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).range("bytes=-100"));
    assertThat(inSecond.asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 100, whole.length));

    var part2 = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).partNumber(2));
    assertThat(part2.asByteArray()).isEqualTo(SMALL);
    assertThat(part2.response().partsCount()).isEqualTo(2);
    assertThat(part2.response().contentRange())
        .isEqualTo("bytes " + BIG.length + "-" + (whole.length - 1) + "/" + whole.length);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).partNumber(1)).asByteArray())
        .isEqualTo(BIG);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key).partNumber(1)).contentLength())
        .isEqualTo(BIG.length);
    assertS3Error(
        416, "InvalidPartNumber", () -> s3.getObject(b -> b.bucket(BUCKET).key(key).partNumber(3)));
  }

  @Test
  void reuploadingAPartNumberReplacesIt() {
    String key = "replaced-part";
    String uploadId = create(key);
    CompletedPart first = upload(key, uploadId, 1, TestData.random(1000, 3));
    long filesBefore = settledFiles();
    CompletedPart second = upload(key, uploadId, 1, SMALL);
    assertFiles(filesBefore); // the replaced part's file is deleted
    var parts = s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts();
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).eTag()).isEqualTo(second.eTag());
    assertThat(parts.get(0).size()).isEqualTo(SMALL.length);
    assertS3Error(400, "InvalidPart", () -> complete(key, uploadId, first));
    complete(key, uploadId, second);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(SMALL);
  }

  @Test
  void completeRejectsUnknownPartsWrongETagsAndBadOrder() {
    String key = "bad-complete";
    String uploadId = create(key);
    CompletedPart p1 = upload(key, uploadId, 1, BIG);
    CompletedPart p2 = upload(key, uploadId, 2, SMALL);
    CompletedPart unknown = CompletedPart.builder().partNumber(3).eTag(p2.eTag()).build();
    CompletedPart wrongEtag =
        CompletedPart.builder().partNumber(2).eTag("\"" + "0".repeat(32) + "\"").build();
    assertS3Error(400, "InvalidPart", () -> complete(key, uploadId, p1, unknown));
    assertS3Error(400, "InvalidPart", () -> complete(key, uploadId, p1, wrongEtag));
    assertS3Error(400, "InvalidPartOrder", () -> complete(key, uploadId, p2, p1));
    assertS3Error(400, "InvalidPartOrder", () -> complete(key, uploadId, p1, p1));
    // none of the failures consumed the upload
    assertThat(complete(key, uploadId, p1, p2)).isEqualTo(TestData.multipartETag(BIG, SMALL));
  }

  @Test
  void aNonLastPartUnderFiveMebibytesIsEntityTooSmall() {
    String key = "too-small";
    String uploadId = create(key);
    CompletedPart p1 = upload(key, uploadId, 1, SMALL);
    CompletedPart p2 = upload(key, uploadId, 2, SMALL);
    assertS3Error(400, "EntityTooSmall", () -> complete(key, uploadId, p1, p2));
    // a small part is fine as the last (here: only) part
    complete(key, uploadId, p1);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(SMALL);
  }

  @Test
  void aMalformedPartListIsMalformedXml() throws Exception {
    String key = "malformed";
    String uploadId = create(key);
    upload(key, uploadId, 1, SMALL);
    for (String body :
        List.of(
            "<CompleteMultipartUpload><Part>",
            "not xml at all",
            "",
            "<CompleteMultipartUpload></CompleteMultipartUpload>")) {
      var response =
          SignedHttp.request(coffer.s3Uri(), "POST", BUCKET, key)
              .query("uploadId", uploadId)
              .body(body)
              .send();
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(SignedHttp.errorCode(response)).as(body).isEqualTo("MalformedXML");
    }
  }

  @Test
  void abortedUploadsAreGoneAndLeaveNoFiles() {
    String key = "aborted";
    long filesBefore = settledFiles();
    String uploadId = create(key);
    CompletedPart p1 = upload(key, uploadId, 1, SMALL);
    upload(key, uploadId, 2, SMALL);
    assertFiles(filesBefore + 2);
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
    assertFiles(filesBefore);
    assertS3Error(
        404,
        "NoSuchUpload",
        () -> s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)));
    assertS3Error(404, "NoSuchUpload", () -> upload(key, uploadId, 3, SMALL));
    assertS3Error(
        404, "NoSuchUpload", () -> s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)));
    assertS3Error(404, "NoSuchUpload", () -> complete(key, uploadId, p1));
    assertS3Error(404, "NoSuchUpload", () -> upload(key, "no-such-upload-id", 1, SMALL));
    assertS3Error(404, "NoSuchUpload", () -> upload("other-key", create(key), 1, SMALL));
  }

  @Test
  void anUploadsPartsShareOneFolder() throws Exception {
    String key = "one-folder";
    s3.putObject(b -> b.bucket(BUCKET).key("one-folder-source"), RequestBody.fromBytes(SMALL));
    // Files that earlier tests released may still be going (deletions run after the reply), so
    // the parts are told by name, not by a count.
    Set<Path> before = Set.copyOf(StoredFiles.files(blobDir()));
    String uploadId = create(key);
    for (int part = 1; part <= 3; part++) {
      upload(key, uploadId, part, SMALL);
    }
    copyWholePart("one-folder-source", key, uploadId, 4);
    List<Path> parts =
        StoredFiles.files(blobDir()).stream().filter(f -> !before.contains(f)).toList();
    assertThat(parts).hasSize(4);
    // Uploaded and copied parts alike: one folder for the upload, not one (or two) per part.
    assertThat(parts.stream().map(Path::getParent).distinct()).hasSize(1);
    s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (parts.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
      sleep(100);
    }
    assertThat(parts).noneMatch(Files::exists);
  }

  static UploadPartCopyResponse copyWholePart(
      String sourceKey, String key, String uploadId, int number) {
    return s3.uploadPartCopy(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey(sourceKey)
                .destinationBucket(BUCKET)
                .destinationKey(key)
                .uploadId(uploadId)
                .partNumber(number));
  }

  @Test
  void completingWritesNoDataAndDeletingTheObjectFreesItsParts() {
    String key = "no-copy";
    long filesBefore = settledFiles();
    long bytesBefore = TestData.sizeOfFiles(blobDir());
    String uploadId = create(key);
    CompletedPart p1 = upload(key, uploadId, 1, BIG);
    CompletedPart p2 = upload(key, uploadId, 2, SMALL);
    upload(key, uploadId, 3, SMALL); // uploaded but not listed: freed by completion
    complete(key, uploadId, p1, p2);
    assertFiles(filesBefore + 2);
    assertThat(TestData.sizeOfFiles(blobDir())).isEqualTo(bytesBefore + BIG.length + SMALL.length);
    assertS3Error(404, "NoSuchUpload", () -> upload(key, uploadId, 4, SMALL));

    s3.putObject(
        b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(SMALL)); // overwrite frees the parts
    assertFiles(filesBefore + 1);
    s3.deleteObject(b -> b.bucket(BUCKET).key(key));
    assertFiles(filesBefore);
  }

  @Test
  void aPartWithAWrongContentMd5IsBadDigestAndNotStored() {
    String key = "md5-part";
    String uploadId = create(key);
    String wrong = TestData.base64(TestData.digest("MD5", BIG));
    assertS3Error(
        400,
        "BadDigest",
        () ->
            s3.uploadPart(
                b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1).contentMD5(wrong),
                RequestBody.fromBytes(SMALL)));
    assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts()).isEmpty();
  }

  @Test
  void partNumbersOutsideOneToTenThousandAreInvalidArgument() {
    String key = "part-numbers";
    String uploadId = create(key);
    for (String number : List.of("0", "10001", "-1", "abc")) {
      try {
        var response =
            SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
                .query("partNumber", number)
                .query("uploadId", uploadId)
                .body("x")
                .send();
        assertThat(response.statusCode()).as(number).isEqualTo(400);
        assertThat(SignedHttp.errorCode(response)).as(number).isEqualTo("InvalidArgument");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    upload(key, uploadId, 10_000, SMALL);
    assertThat(
            s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId))
                .parts()
                .get(0)
                .partNumber())
        .isEqualTo(10_000);
  }

  @Test
  void uploadPartCopyCopiesWholeObjectsAndRanges() {
    byte[] source = TestData.concat(BIG, SMALL);
    s3.putObject(b -> b.bucket(BUCKET).key("copy-source"), RequestBody.fromBytes(source));
    String key = "copied-parts";
    String uploadId = create(key);
    int split = 5 * MIB + 7;
    var first =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-source")
                    .copySourceRange("bytes=0-" + (split - 1))
                    .destinationBucket(BUCKET)
                    .destinationKey(key)
                    .uploadId(uploadId)
                    .partNumber(1));
    var whole = copyWholePart("copy-source", key, uploadId, 2);
    var rest =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-source")
                    .copySourceRange("bytes=" + split + "-" + (source.length - 1))
                    .destinationBucket(BUCKET)
                    .destinationKey(key)
                    .uploadId(uploadId)
                    .partNumber(3));
    assertThat(first.copyPartResult().eTag())
        .isEqualTo("\"" + TestData.md5Hex(java.util.Arrays.copyOf(source, split)) + "\"");
    complete(
        key,
        uploadId,
        CompletedPart.builder().partNumber(1).eTag(first.copyPartResult().eTag()).build(),
        CompletedPart.builder().partNumber(2).eTag(whole.copyPartResult().eTag()).build(),
        CompletedPart.builder().partNumber(3).eTag(rest.copyPartResult().eTag()).build());
    byte[] expected =
        TestData.concat(
            java.util.Arrays.copyOf(source, split),
            source,
            java.util.Arrays.copyOfRange(source, split, source.length));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray())
        .isEqualTo(expected);
    // a copy range that starts past the source's end (CopySourceRangeIT has the rest)
    assertS3Error(
        400,
        "InvalidRequest",
        () ->
            s3.uploadPartCopy(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("copy-source")
                        .copySourceRange("bytes=" + source.length + "-" + (source.length + 5))
                        .destinationBucket(BUCKET)
                        .destinationKey(key)
                        .uploadId(create(key))
                        .partNumber(1)));
  }
}
