package io.coffer.it.admin;

import static io.coffer.it.admin.BucketAccessApiIT.publicRead;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import tools.jackson.databind.JsonNode;

/**
 * GET /buckets/{bucket}/anonymous-access: its verdicts agree with what real anonymous requests get,
 * after a public-read policy, a public-read bucket ACL, and the public access block's flags.
 */
class AnonymousAccessApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static JsonNode summary(String bucket) {
    Api.Reply reply = API.get("/buckets/" + bucket + "/anonymous-access");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    return reply.json();
  }

  static void bucketWith(String bucket, String... keys) {
    S3Client s3 = SERVER.s3();
    s3.createBucket(b -> b.bucket(bucket));
    for (String key : keys) {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body of " + key));
    }
  }

  static int anonymousGet(String rawPath) throws Exception {
    return BucketAccessApiIT.anonymousGet(SERVER, rawPath);
  }

  static void putBlock(String bucket, String flags) {
    assertThat(API.put("/buckets/" + bucket + "/public-access-block", flags).status())
        .isEqualTo(200);
  }

  @Test
  void aPrivateBucketIsReportedPrivate() {
    bucketWith("anon-private", "a.txt");
    JsonNode s = summary("anon-private");
    assertThat(s.get("is_public").asBoolean()).isFalse();
    assertThat(s.get("anonymous_list").asBoolean()).isFalse();
    assertThat(s.get("anonymous_read").asBoolean()).isFalse();
    assertThat(s.get("anonymous_write").asBoolean()).isFalse();
    assertThat(s.get("public_statements").size()).isZero();
    assertThat(s.get("public_grants").size()).isZero();
    assertThat(s.get("policy_is_public").asBoolean()).isFalse();
    assertThat(s.get("object_ownership").asString()).isEqualTo("ObjectWriter");
    assertThat(s.get("object_acls_count").asBoolean()).isTrue();
    assertThat(API.get("/buckets/anon-nope/anonymous-access").status()).isEqualTo(404);
  }

  @Test
  void aPublicReadPolicyIsAnonymousReadAndRestrictPublicBucketsEndsIt() throws Exception {
    bucketWith("anon-policy", "a.txt");
    String policy = publicRead("anon-policy", "*");
    assertThat(API.put("/buckets/anon-policy/policy", "{\"policy\": " + policy + "}").status())
        .isEqualTo(200);
    JsonNode s = summary("anon-policy");
    assertThat(s.get("is_public").asBoolean()).isTrue();
    assertThat(s.get("anonymous_read").asBoolean()).isTrue();
    assertThat(s.get("anonymous_list").asBoolean()).isFalse();
    assertThat(s.get("anonymous_write").asBoolean()).isFalse();
    assertThat(s.get("policy_is_public").asBoolean()).isTrue();
    JsonNode statement = s.get("public_statements").get(0);
    assertThat(statement.get("sid").asString()).isEqualTo("PublicRead");
    assertThat(statement.get("effect").asString()).isEqualTo("Allow");
    assertThat(statement.get("actions").get(0).asString()).isEqualTo("s3:GetObject");
    assertThat(statement.get("resources").get(0).asString())
        .isEqualTo("arn:aws:s3:::anon-policy/*");
    assertThat(anonymousGet("/anon-policy/a.txt")).isEqualTo(200);
    assertThat(anonymousGet("/anon-policy")).isEqualTo(403);

    putBlock("anon-policy", "{\"restrict_public_buckets\": true}");
    JsonNode restricted = summary("anon-policy");
    assertThat(restricted.get("anonymous_read").asBoolean()).isFalse();
    assertThat(restricted.get("is_public").asBoolean()).isFalse();
    assertThat(restricted.get("policy_is_public").asBoolean()).isTrue();
    assertThat(restricted.get("public_access_block").get("restrict_public_buckets").asBoolean())
        .isTrue();
    assertThat(anonymousGet("/anon-policy/a.txt")).isEqualTo(403);
  }

  @Test
  void aPolicyForAPrefixSaysWhichPrefixIsReadable() throws Exception {
    bucketWith("anon-prefix", "public/a.txt", "private/b.txt");
    String policy = publicRead("anon-prefix", "public/*");
    assertThat(API.put("/buckets/anon-prefix/policy", "{\"policy\": " + policy + "}").status())
        .isEqualTo(200);
    JsonNode s = summary("anon-prefix");
    assertThat(s.get("is_public").asBoolean()).isTrue();
    assertThat(s.get("anonymous_read").asBoolean()).isFalse();
    JsonNode pattern = s.get("patterns").get(0);
    assertThat(pattern.get("pattern").asString()).isEqualTo("public/*");
    assertThat(pattern.get("probe_key").asString()).startsWith("public/");
    assertThat(pattern.get("read").asBoolean()).isTrue();
    assertThat(pattern.get("write").asBoolean()).isFalse();
    assertThat(anonymousGet("/anon-prefix/public/a.txt")).isEqualTo(200);
    assertThat(anonymousGet("/anon-prefix/private/b.txt")).isEqualTo(403);
  }

  @Test
  void aPublicReadBucketAclIsAnonymousListingAndIgnorePublicAclsEndsIt() throws Exception {
    bucketWith("anon-acl", "a.txt");
    SERVER.s3().putBucketAcl(b -> b.bucket("anon-acl").acl(BucketCannedACL.PUBLIC_READ));
    JsonNode s = summary("anon-acl");
    assertThat(s.get("is_public").asBoolean()).isTrue();
    assertThat(s.get("anonymous_list").asBoolean()).isTrue();
    assertThat(s.get("anonymous_read").asBoolean()).isFalse(); // a bucket's READ lists it only
    JsonNode grant = s.get("public_grants").get(0);
    assertThat(grant.get("grantee").get("name").asString()).isEqualTo("AllUsers");
    assertThat(grant.get("permission").asString()).isEqualTo("READ");
    assertThat(anonymousGet("/anon-acl")).isEqualTo(200);

    putBlock("anon-acl", "{\"ignore_public_acls\": true}");
    JsonNode ignored = summary("anon-acl");
    assertThat(ignored.get("anonymous_list").asBoolean()).isFalse();
    assertThat(ignored.get("is_public").asBoolean()).isFalse();
    assertThat(ignored.get("object_acls_count").asBoolean()).isFalse();
    assertThat(ignored.get("public_grants").size()).isEqualTo(1); // still there, ignored
    assertThat(anonymousGet("/anon-acl")).isEqualTo(403);
  }

  @Test
  void aPublicWritePolicyIsReportedAsWrite() {
    bucketWith("anon-write");
    String policy =
        publicRead("anon-write", "uploads/*").replace("\"s3:GetObject\"", "\"s3:PutObject\"");
    assertThat(API.put("/buckets/anon-write/policy", "{\"policy\": " + policy + "}").status())
        .isEqualTo(200);
    JsonNode pattern = summary("anon-write").get("patterns").get(0);
    assertThat(pattern.get("write").asBoolean()).isTrue();
    assertThat(pattern.get("read").asBoolean()).isFalse();
    assertThat(summary("anon-write").get("anonymous_write").asBoolean()).isFalse();
  }
}
