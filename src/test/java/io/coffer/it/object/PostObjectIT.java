package io.coffer.it.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.FormUpload;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.S3Assertions;
import io.coffer.it.support.TestData;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Browser form uploads (POST Object) with raw multipart bodies, as a browser sends them. */
class PostObjectIT {
  static final String BUCKET = "forms";
  static final String PUBLIC = "public-drop";
  static final String REGION = "us-east-1";

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET, PUBLIC);

  static S3Client s3;
  static URI endpoint;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    endpoint = coffer.s3Uri();
  }

  private static void assertNotStored(String bucket, String key) {
    S3Assertions.assertS3Error(
        404, "NoSuchKey", () -> s3.headObject(h -> h.bucket(bucket).key(key)));
  }

  @Test
  void aSigV4FormStoresTheFileWithItsFields() throws Exception {
    byte[] file = TestData.random(300_000, 1);
    HttpResponse<String> response =
        FormUpload.fields(
                "key", "uploads/${filename}",
                "Content-Type", "image/png",
                "x-amz-meta-color", "red",
                "x-amz-meta-note", "caf\u00e9")
            .filename("photo.png")
            .signV4(
                REGION,
                Instant.now(),
                "{\"bucket\":\"forms\"},[\"starts-with\",\"$key\",\"uploads/\"],"
                    + "[\"starts-with\",\"$Content-Type\",\"image/\"],"
                    + "[\"eq\",\"$x-amz-meta-color\",\"red\"],"
                    + "[\"starts-with\",\"$x-amz-meta-note\",\"\"]")
            .after("x-amz-meta-late", "ignored, as AWS ignores fields after the file")
            .post(endpoint, BUCKET, file);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    String etag = "\"" + TestData.md5Hex(file) + "\"";
    assertThat(response.headers().firstValue("ETag")).hasValue(etag);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(endpoint.resolve("/forms/uploads/photo.png").toString());
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("uploads/photo.png"));
    assertThat(got.asByteArray()).isEqualTo(file);
    assertThat(got.response().contentType()).isEqualTo("image/png");
    // a non-ASCII value comes back as S3 returns one sent raw in a header (RFC 2047, "double
    // encoded"): the same bytes through a form or a PutObject give the same object
    assertThat(got.response().metadata())
        .containsOnly(
            java.util.Map.entry("color", "red"),
            java.util.Map.entry("note", "=?UTF-8?Q?caf=C3=83=C2=A9?="));
  }

  @Test
  void aSigV2FormAsking201GetsThePostResponseDocument() throws Exception {
    String policy =
        FormUpload.policy(
            Instant.now().plusSeconds(60),
            "{\"bucket\":\"forms\"},{\"key\":\"v2.txt\"},{\"success_action_status\":\"201\"}");
    HttpResponse<String> response =
        FormUpload.fields("key", "v2.txt", "success_action_status", "201")
            .signV2(policy)
            .post(endpoint, BUCKET, "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String etag = "&quot;" + TestData.md5Hex("hello".getBytes(StandardCharsets.UTF_8)) + "&quot;";
    assertThat(response.body())
        .contains("<PostResponse")
        .contains("<Location>" + endpoint.resolve("/forms/v2.txt") + "</Location>")
        .contains("<Bucket>forms</Bucket><Key>v2.txt</Key><ETag>" + etag + "</ETag>");
    assertThat(s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("v2.txt")).asUtf8String())
        .isEqualTo("hello");
  }

  @Test
  void successActionRedirectAnswers303WithBucketKeyAndEtag() throws Exception {
    HttpResponse<String> response =
        FormUpload.fields(
                "key", "a b.txt", "success_action_redirect", "https://app.example/done?x=1")
            .signV4(
                REGION,
                Instant.now(),
                "{\"bucket\":\"forms\"},{\"key\":\"a b.txt\"},"
                    + "[\"starts-with\",\"$success_action_redirect\",\"https://app.example/\"]")
            .post(endpoint, BUCKET, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(
            "https://app.example/done?x=1&bucket=forms&key=a%20b.txt&etag=%22"
                + TestData.md5Hex("x".getBytes(StandardCharsets.UTF_8))
                + "%22");
  }

  @Test
  void conditionsTheFormBreaksAreAccessDenied() throws Exception {
    HttpResponse<String> prefix =
        FormUpload.fields("key", "elsewhere/x")
            .signV4(REGION, Instant.now(), "[\"starts-with\",\"$key\",\"uploads/\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(prefix.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(prefix)).isEqualTo("AccessDenied");
    assertThat(prefix.body())
        .contains(
            "Invalid according to Policy: Policy Condition failed: [&quot;starts-with&quot;,"
                + " &quot;$key&quot;, &quot;uploads/&quot;]");
    assertNotStored(BUCKET, "elsewhere/x");

    HttpResponse<String> extra =
        FormUpload.fields("key", "uploads/x", "x-amz-meta-sneaky", "1")
            .signV4(REGION, Instant.now(), "[\"starts-with\",\"$key\",\"uploads/\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(extra.statusCode()).isEqualTo(403);
    assertThat(extra.body())
        .contains("Invalid according to Policy: Extra input fields: x-amz-meta-sneaky");
    assertNotStored(BUCKET, "uploads/x");

    HttpResponse<String> expired =
        FormUpload.fields("key", "uploads/old")
            .signV4(REGION, Instant.now().minusSeconds(3600), "[\"starts-with\",\"$key\",\"\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("Invalid according to Policy: Policy expired.");
    assertNotStored(BUCKET, "uploads/old");
  }

  @Test
  void aWrongSignatureOrKeyIsRefused() throws Exception {
    HttpResponse<String> wrongSecret =
        FormUpload.fields("key", "forged")
            .signV4(
                CofferTestServer.ACCESS_KEY,
                "not-the-secret",
                REGION,
                Instant.now(),
                "[\"starts-with\",\"$key\",\"\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(wrongSecret.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(wrongSecret)).isEqualTo("SignatureDoesNotMatch");
    HttpResponse<String> unknownKey =
        FormUpload.fields("key", "forged")
            .signV4(
                "AKIDUNKNOWN000000000",
                "x",
                REGION,
                Instant.now(),
                "[\"starts-with\",\"$key\",\"\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(unknownKey.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(unknownKey)).isEqualTo("InvalidAccessKeyId");
    assertNotStored(BUCKET, "forged");
  }

  @Test
  void contentLengthRangeIsHeldAndNothingIsLeftBehind() throws Exception {
    String conditions = "[\"starts-with\",\"$key\",\"sized/\"],[\"content-length-range\",10,100]";
    HttpResponse<String> large =
        FormUpload.fields("key", "sized/large")
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, new byte[101]);
    assertThat(large.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(large)).isEqualTo("EntityTooLarge");
    assertNotStored(BUCKET, "sized/large");
    HttpResponse<String> small =
        FormUpload.fields("key", "sized/small")
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, new byte[9]);
    assertThat(small.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(small)).isEqualTo("EntityTooSmall");
    assertNotStored(BUCKET, "sized/small");
    HttpResponse<String> fits =
        FormUpload.fields("key", "sized/fits")
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, new byte[100]);
    assertThat(fits.statusCode()).as(fits.body()).isEqualTo(204);
    HeadObjectResponse head = s3.headObject(h -> h.bucket(BUCKET).key("sized/fits"));
    assertThat(head.contentLength()).isEqualTo(100);
  }

  @Test
  void malformedPoliciesAndBodiesAreRefused() throws Exception {
    HttpResponse<String> garbage =
        FormUpload.fields(
                "key",
                "k",
                "AWSAccessKeyId",
                CofferTestServer.ACCESS_KEY,
                "policy",
                "bm90IGpzb24=",
                "signature",
                io.coffer.s3.auth.PostFormSignature.signV2(
                    CofferTestServer.SECRET_KEY, "bm90IGpzb24="))
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(garbage)).isEqualTo("InvalidPolicyDocument");
    HttpResponse<String> notAForm =
        RawS3.HTTP.send(
            java.net.http.HttpRequest.newBuilder(endpoint.resolve("/forms"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notAForm.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(notAForm)).isEqualTo("MalformedPOSTRequest");
  }

  @Test
  void checksumFieldsAreVerifiedAndStored() throws Exception {
    byte[] file = "checked".getBytes(StandardCharsets.UTF_8);
    String right = TestData.base64(TestData.digest("SHA-256", file));
    String conditions =
        "[\"starts-with\",\"$key\",\"\"],[\"starts-with\",\"$x-amz-checksum-sha256\",\"\"]";
    HttpResponse<String> bad =
        FormUpload.fields("key", "sum-bad", "x-amz-checksum-sha256", TestData.base64(new byte[32]))
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, file);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(bad)).isEqualTo("BadDigest");
    assertNotStored(BUCKET, "sum-bad");
    HttpResponse<String> good =
        FormUpload.fields("key", "sum-good", "x-amz-checksum-sha256", right)
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, file);
    assertThat(good.statusCode()).as(good.body()).isEqualTo(204);
    assertThat(good.headers().firstValue("x-amz-checksum-sha256")).hasValue(right);
  }

  @Test
  void theAclFieldIsACannedAclAsOnAPut() throws Exception {
    HttpResponse<String> posted =
        FormUpload.fields("key", "with-acl", "acl", "authenticated-read")
            .signV4(
                REGION, Instant.now(), "{\"key\":\"with-acl\"},{\"acl\":\"authenticated-read\"}")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    assertThat(
            s3.getObjectAcl(a -> a.bucket(BUCKET).key("with-acl")).grants().stream()
                .map(g -> g.grantee().uri() + " " + g.permissionAsString()))
        .contains("http://acs.amazonaws.com/groups/global/AuthenticatedUsers READ");
    HttpResponse<String> bad =
        FormUpload.fields("key", "bad-acl", "acl", "no-such-acl")
            .signV4(REGION, Instant.now(), "{\"key\":\"bad-acl\"},{\"acl\":\"no-such-acl\"}")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertNotStored(BUCKET, "bad-acl");
  }

  @Test
  void featuresCofferLacksAreRefusedAsOnAPut() throws Exception {
    HttpResponse<String> sse =
        FormUpload.fields("key", "sse", "x-amz-server-side-encryption-customer-algorithm", "AES256")
            .signV4(
                REGION,
                Instant.now(),
                "[\"starts-with\",\"$key\",\"\"],"
                    + "[\"starts-with\",\"$x-amz-server-side-encryption-customer-algorithm\",\"\"]")
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(sse.statusCode()).isEqualTo(501);
    assertThat(RawS3.errorCode(sse)).isEqualTo("NotImplemented");
    assertNotStored(BUCKET, "sse");
  }

  @Test
  void anSseS3FieldEncryptsAsOnAPut() throws Exception {
    HttpResponse<String> posted =
        FormUpload.fields("key", "sse-s3", "x-amz-server-side-encryption", "AES256")
            .signV4(
                REGION,
                Instant.now(),
                "[\"starts-with\",\"$key\",\"\"],"
                    + "[\"eq\",\"$x-amz-server-side-encryption\",\"AES256\"]")
            .post(endpoint, BUCKET, "encrypted by a form".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    assertThat(posted.headers().firstValue("x-amz-server-side-encryption")).hasValue("AES256");
    var got = s3.getObjectAsBytes(g -> g.bucket(BUCKET).key("sse-s3"));
    assertThat(got.asUtf8String()).isEqualTo("encrypted by a form");
    assertThat(got.response().serverSideEncryptionAsString()).isEqualTo("AES256");
  }

  @Test
  void anAnonymousFormNeedsABucketThatLetsEveryoneWrite() throws Exception {
    HttpResponse<String> refused =
        FormUpload.fields("key", "anon.txt").post(endpoint, PUBLIC, new byte[3]);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(refused)).isEqualTo("AccessDenied");
    assertNotStored(PUBLIC, "anon.txt");
    s3.putBucketPolicy(
        p ->
            p.bucket(PUBLIC)
                .policy(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                        + "\"Resource\":\"arn:aws:s3:::"
                        + PUBLIC
                        + "/*\"}]}"));
    try {
      HttpResponse<String> allowed =
          FormUpload.fields("key", "anon.txt").post(endpoint, PUBLIC, new byte[3]);
      assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(204);
      assertThat(s3.headObject(h -> h.bucket(PUBLIC).key("anon.txt")).contentLength()).isEqualTo(3);
      // a policy without a signature is not anonymous: it names no signer
      HttpResponse<String> unsigned =
          FormUpload.fields(
                  "key",
                  "anon2.txt",
                  "policy",
                  FormUpload.policy(Instant.now().plusSeconds(60), "{\"key\":\"anon2.txt\"}"))
              .post(endpoint, PUBLIC, new byte[3]);
      assertThat(unsigned.statusCode()).isEqualTo(400);
      assertThat(RawS3.errorCode(unsigned)).isEqualTo("InvalidArgument");
    } finally {
      s3.deleteBucketPolicy(p -> p.bucket(PUBLIC));
    }
  }

  @Test
  void theTaggingFieldTagsTheObject() throws Exception {
    String tagging = "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>";
    String conditions = "[\"starts-with\",\"$key\",\"\"],[\"starts-with\",\"$tagging\",\"\"]";
    HttpResponse<String> tagged =
        FormUpload.fields("key", "tagged", "tagging", tagging)
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(204);
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("tagged")).tagSet())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("a=b");

    String invalid =
        "<Tagging><TagSet><Tag><Key>aws:x</Key><Value>b</Value></Tag></TagSet></Tagging>";
    HttpResponse<String> refused =
        FormUpload.fields("key", "badly-tagged", "tagging", invalid)
            .signV4(REGION, Instant.now(), conditions)
            .post(endpoint, BUCKET, new byte[1]);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(refused)).isEqualTo("InvalidTag");
    assertNotStored(BUCKET, "badly-tagged");
  }

  /** A POST upload counts against the bucket's quota as a PUT does: refused, nothing stored. */
  @Test
  void aFormUploadPastTheQuotaIsRefused() throws Exception {
    s3.createBucket(b -> b.bucket("form-quota"));
    io.coffer.it.admin.Api api = new io.coffer.it.admin.Api(coffer);
    assertThat(api.send("PUT", "/buckets/form-quota/quota", "{\"quota_bytes\": 100}").status())
        .isEqualTo(200);
    HttpResponse<String> over =
        FormUpload.fields("key", "big")
            .signV4(REGION, Instant.now(), "{\"key\":\"big\"}")
            .post(endpoint, "form-quota", new byte[101]);
    assertThat(over.statusCode()).as(over.body()).isEqualTo(403);
    assertThat(RawS3.errorCode(over)).isEqualTo("QuotaExceeded");
    assertNotStored("form-quota", "big");
    HttpResponse<String> within =
        FormUpload.fields("key", "small")
            .signV4(REGION, Instant.now(), "{\"key\":\"small\"}")
            .post(endpoint, "form-quota", new byte[100]);
    assertThat(within.statusCode()).as(within.body()).isEqualTo(204);
  }
}
