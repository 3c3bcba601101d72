package io.coffer.it.tagging;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Object and bucket tags as AWS defines them: per version, set with PutObjectTagging or at write
 * time (x-amz-tagging on PutObject and CreateMultipartUpload, CopyObject's tagging directive),
 * counted in x-amz-tagging-count, with AWS's limits and error codes.
 */
class TaggingIT {
  static final String BUCKET = "tags";
  static final String VERSIONED = "tags-versioned";

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET, VERSIONED);

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.putBucketVersioning(
        b ->
            b.bucket(VERSIONED)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  static Map<String, String> tagsOf(String bucket, String key, String versionId) {
    GetObjectTaggingResponse response =
        s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(versionId));
    Map<String, String> tags = new LinkedHashMap<>();
    response.tagSet().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  static void put(String bucket, String key) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body"));
  }

  @Test
  void putGetAndDeleteObjectTagsKeepingTheirOrder() {
    put(BUCKET, "a");
    assertThat(tagsOf(BUCKET, "a", null)).isEmpty();
    s3.putObjectTagging(
        b ->
            b.bucket(BUCKET)
                .key("a")
                .tagging(t -> t.tagSet(tag("z", "1"), tag("team", "red blue"), tag("e", ""))));
    assertThat(tagsOf(BUCKET, "a", null))
        .containsExactly(Map.entry("z", "1"), Map.entry("team", "red blue"), Map.entry("e", ""));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("a")).tagCount()).isEqualTo(3);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("a")).response().tagCount())
        .isEqualTo(3);

    s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("a"));
    assertThat(tagsOf(BUCKET, "a", null)).isEmpty();
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("a")).tagCount()).isNull();
  }

  @Test
  void tagsBelongToEachVersion() {
    String v1 =
        s3.putObject(
                b -> b.bucket(VERSIONED).key("v").tagging("gen=1"), RequestBody.fromString("1"))
            .versionId();
    String v2 =
        s3.putObject(
                b -> b.bucket(VERSIONED).key("v").tagging("gen=2"), RequestBody.fromString("2"))
            .versionId();
    assertThat(tagsOf(VERSIONED, "v", v1)).containsExactly(Map.entry("gen", "1"));
    assertThat(tagsOf(VERSIONED, "v", null)).containsExactly(Map.entry("gen", "2"));

    var put =
        s3.putObjectTagging(
            b ->
                b.bucket(VERSIONED)
                    .key("v")
                    .versionId(v1)
                    .tagging(t -> t.tagSet(tag("old", "yes"))));
    assertThat(put.versionId()).isEqualTo(v1);
    assertThat(tagsOf(VERSIONED, "v", v1)).containsExactly(Map.entry("old", "yes"));
    assertThat(tagsOf(VERSIONED, "v", v2)).containsExactly(Map.entry("gen", "2"));
    assertThat(s3.getObjectTagging(b -> b.bucket(VERSIONED).key("v")).versionId()).isEqualTo(v2);

    var deleted = s3.deleteObjectTagging(b -> b.bucket(VERSIONED).key("v").versionId(v2));
    assertThat(deleted.versionId()).isEqualTo(v2);
    assertThat(tagsOf(VERSIONED, "v", v2)).isEmpty();
    assertThat(tagsOf(VERSIONED, "v", v1)).containsExactly(Map.entry("old", "yes"));
  }

  @Test
  void missingObjectsVersionsAndDeleteMarkers() {
    assertS3Error(404, "NoSuchKey", () -> tagsOf(BUCKET, "never", null));
    assertS3Error(404, "NoSuchBucket", () -> tagsOf("no-such-bucket", "k", null));
    put(VERSIONED, "gone");
    String marker = s3.deleteObject(b -> b.bucket(VERSIONED).key("gone")).versionId();
    assertS3Error(404, "NoSuchKey", () -> tagsOf(VERSIONED, "gone", null));
    assertS3Error(405, "MethodNotAllowed", () -> tagsOf(VERSIONED, "gone", marker));
    assertS3Error(400, "InvalidArgument", () -> tagsOf(VERSIONED, "gone", "not-a-version"));
  }

  @Test
  void xAmzTaggingOnPutObjectIsDecodedAndValidated() {
    s3.putObject(
        b -> b.bucket(BUCKET).key("h").tagging("a=1&b%20c=d%2Fe&empty="),
        RequestBody.fromString("x"));
    assertThat(tagsOf(BUCKET, "h", null))
        .containsExactly(Map.entry("a", "1"), Map.entry("b c", "d/e"), Map.entry("empty", ""));

    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("dup").tagging("a=1&a=2"), RequestBody.fromString("x")));
    StringBuilder eleven = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
    }
    assertS3Error(
        400,
        "BadRequest",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("eleven").tagging(eleven.toString()),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("reserved").tagging("aws:x=1"),
                RequestBody.fromString("x")));
    // nothing was stored for a refused request
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("eleven")));
  }

  @Test
  void putObjectTaggingLimitsAsAws() {
    put(BUCKET, "limits");
    List<Tag> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(tag("k" + i, "v"));
    }
    s3.putObjectTagging(b -> b.bucket(BUCKET).key("limits").tagging(t -> t.tagSet(ten)));
    List<Tag> eleven = new ArrayList<>(ten);
    eleven.add(tag("k10", "v"));
    assertS3Error(
        400,
        "BadRequest",
        () ->
            s3.putObjectTagging(
                b -> b.bucket(BUCKET).key("limits").tagging(t -> t.tagSet(eleven))));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putObjectTagging(
                b ->
                    b.bucket(BUCKET)
                        .key("limits")
                        .tagging(t -> t.tagSet(tag("k".repeat(129), "v")))));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putObjectTagging(
                b ->
                    b.bucket(BUCKET)
                        .key("limits")
                        .tagging(t -> t.tagSet(tag("k", "v".repeat(257))))));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putObjectTagging(
                b ->
                    b.bucket(BUCKET)
                        .key("limits")
                        .tagging(t -> t.tagSet(tag("a", "1"), tag("a", "2")))));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putObjectTagging(
                b -> b.bucket(BUCKET).key("limits").tagging(t -> t.tagSet(tag("a<b", "1")))));
    // a refused request left the tags as they were
    assertThat(tagsOf(BUCKET, "limits", null)).hasSize(10);
  }

  @Test
  void malformedTaggingDocumentsAreMalformedXml() throws Exception {
    put(BUCKET, "xml");
    HttpResponse<byte[]> response =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "xml")
            .query("tagging", "")
            .body("<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>")
            .send();
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("<Code>MalformedXML</Code>");
  }

  @Test
  void multipartUploadsGiveTheirTagsToTheCompletedObject() {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp").tagging("stage=raw&n=2"))
            .uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mp")
                .uploadId(uploadId)
                .multipartUpload(
                    m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    assertThat(tagsOf(BUCKET, "mp", null))
        .containsExactly(Map.entry("stage", "raw"), Map.entry("n", "2"));
  }

  @Test
  void copyKeepsTheSourceTagsOrReplacesThem() {
    s3.putObject(b -> b.bucket(BUCKET).key("src").tagging("from=src"), RequestBody.fromString("s"));
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("src")
                .destinationBucket(BUCKET)
                .destinationKey("copied"));
    assertThat(tagsOf(BUCKET, "copied", null)).containsExactly(Map.entry("from", "src"));

    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("src")
                .destinationBucket(BUCKET)
                .destinationKey("replaced")
                .taggingDirective(TaggingDirective.REPLACE)
                .tagging("new=1"));
    assertThat(tagsOf(BUCKET, "replaced", null)).containsExactly(Map.entry("new", "1"));

    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("src")
                .destinationBucket(BUCKET)
                .destinationKey("cleared")
                .taggingDirective(TaggingDirective.REPLACE));
    assertThat(tagsOf(BUCKET, "cleared", null)).isEmpty();
  }

  @Test
  void anUnknownTaggingDirectiveIsInvalidArgument() throws Exception {
    put(BUCKET, "d");
    HttpResponse<byte[]> response =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "d2")
            .header("x-amz-copy-source", "/" + BUCKET + "/d")
            .header("x-amz-tagging-directive", "MERGE")
            .send();
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("<Code>InvalidArgument</Code>");
  }

  @Test
  void bucketTags() {
    s3.createBucket(b -> b.bucket("bucket-tags"));
    assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(b -> b.bucket("bucket-tags")));
    s3.putBucketTagging(
        b ->
            b.bucket("bucket-tags")
                .tagging(t -> t.tagSet(tag("cost-center", "42"), tag("env", "prod"))));
    assertThat(s3.getBucketTagging(b -> b.bucket("bucket-tags")).tagSet())
        .containsExactly(tag("cost-center", "42"), tag("env", "prod"));

    List<Tag> fiftyOne = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      fiftyOne.add(tag("k" + i, "v"));
    }
    assertS3Error(
        400,
        "BadRequest",
        () -> s3.putBucketTagging(b -> b.bucket("bucket-tags").tagging(t -> t.tagSet(fiftyOne))));
    assertS3Error(
        400,
        "InvalidTag",
        () ->
            s3.putBucketTagging(
                b -> b.bucket("bucket-tags").tagging(t -> t.tagSet(tag("aws:cost", "1")))));
    s3.putBucketTagging(
        b -> b.bucket("bucket-tags").tagging(t -> t.tagSet(fiftyOne.subList(0, 50))));
    assertThat(s3.getBucketTagging(b -> b.bucket("bucket-tags")).tagSet()).hasSize(50);

    s3.deleteBucketTagging(b -> b.bucket("bucket-tags"));
    assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(b -> b.bucket("bucket-tags")));
    assertS3Error(404, "NoSuchBucket", () -> s3.getBucketTagging(b -> b.bucket("no-bucket")));
  }
}
