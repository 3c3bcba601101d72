package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's policy, ACL, public access block and anonymous access summary over the management API,
 * checked against the S3 API and against real anonymous requests.
 */
class BucketAccessApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static String publicRead(String bucket, String keys) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"PublicRead\", \"Effect\":"
        + " \"Allow\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
        + " [\"arn:aws:s3:::"
        + bucket
        + "/"
        + keys
        + "\"]}]}";
  }

  static S3Client s3() {
    return SERVER.s3();
  }

  static void bucketWith(String bucket, String... keys) {
    s3().createBucket(b -> b.bucket(bucket));
    for (String key : keys) {
      s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body of " + key));
    }
  }

  /** An anonymous (unsigned) GET on the S3 port: its status. */
  static int anonymousGet(CofferTestServer server, String rawPath) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.s3Uri() + rawPath)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void aPolicyRoundTripsAsAnObjectOrAStringAndIsTheOneS3Sees() {
    bucketWith("policy-trip");
    JsonNode none = API.get("/buckets/policy-trip/policy").json();
    assertThat(none.get("policy").isNull()).isTrue();
    assertThat(none.get("is_public").asBoolean()).isFalse();

    Api.Reply put =
        API.put(
            "/buckets/policy-trip/policy", "{\"policy\": " + publicRead("policy-trip", "*") + "}");
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    assertThat(put.json().get("is_public").asBoolean()).isTrue();
    assertThat(put.json().get("policy").get("Statement").get(0).get("Sid").asString())
        .isEqualTo("PublicRead");
    assertThat(s3().getBucketPolicy(b -> b.bucket("policy-trip")).policy()).contains("PublicRead");
    assertThat(s3().getBucketPolicyStatus(b -> b.bucket("policy-trip")).policyStatus().isPublic())
        .isTrue();

    String quoted = Api.JSON.writeValueAsString(publicRead("policy-trip", "docs/*"));
    assertThat(API.put("/buckets/policy-trip/policy", "{\"policy\": " + quoted + "}").status())
        .isEqualTo(200);
    JsonNode got = API.get("/buckets/policy-trip/policy").json();
    assertThat(got.get("policy").isObject()).isTrue();
    assertThat(got.get("policy").toString()).contains("arn:aws:s3:::policy-trip/docs/*");

    assertThat(API.delete("/buckets/policy-trip/policy").status()).isEqualTo(200);
    assertThat(API.get("/buckets/policy-trip/policy").json().get("policy").isNull()).isTrue();
    assertThatThrownBy(() -> s3().getBucketPolicy(b -> b.bucket("policy-trip")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    assertThat(API.get("/buckets/no-such-bucket-here/policy").status()).isEqualTo(404);
  }

  @Test
  void aMalformedPolicyIsRefusedWithTheEnginesReasonAndNothingChanges() {
    bucketWith("policy-bad");
    String good = publicRead("policy-bad", "*");
    assertThat(API.put("/buckets/policy-bad/policy", "{\"policy\": " + good + "}").status())
        .isEqualTo(200);
    String badAction = good.replace("s3:GetObject", "s3:NoSuchAction");
    Api.Reply refused = API.put("/buckets/policy-bad/policy", "{\"policy\": " + badAction + "}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").asString()).isEqualTo("malformed_policy");
    assertThat(refused.json().get("message").asString()).isEqualTo("Policy has invalid action");

    Api.Reply notJson = API.put("/buckets/policy-bad/policy", "{\"policy\": \"{not json\"}");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("error").asString()).isEqualTo("malformed_policy");
    Api.Reply noPrincipal =
        API.put(
            "/buckets/policy-bad/policy",
            "{\"policy\": " + good.replace("\"Principal\": \"*\", ", "") + "}");
    assertThat(noPrincipal.json().get("message").asString())
        .isEqualTo("Missing required field Principal");
    assertThat(API.put("/buckets/policy-bad/policy", "{}").json().get("error").asString())
        .isEqualTo("invalid_request");
    assertThat(API.put("/buckets/policy-bad/policy", "{\"policy\": 3}").status()).isEqualTo(400);

    assertThat(API.get("/buckets/policy-bad/policy").json().get("policy").toString())
        .contains("s3:GetObject")
        .doesNotContain("NoSuchAction");
  }

  @Test
  void aPolicyIsValidatedWithoutBeingStored() {
    String identity =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::x/*\"}]}";
    JsonNode ok = API.post("/policy-validation", "{\"document\": " + identity + "}").json();
    assertThat(ok.get("valid").asBoolean()).isTrue();
    assertThat(ok.get("kind").asString()).isEqualTo("identity");

    Api.Reply principal =
        API.post("/policy-validation", "{\"document\": " + publicRead("x", "*") + "}");
    assertThat(principal.status()).isEqualTo(400);
    assertThat(principal.json().get("message").asString())
        .isEqualTo("Policy document should not specify a principal.");

    JsonNode bucket =
        API.post(
                "/policy-validation",
                "{\"kind\": \"bucket\", \"document\": " + publicRead("x", "*") + "}")
            .json();
    assertThat(bucket.get("valid").asBoolean()).isTrue();
    assertThat(bucket.get("is_public").asBoolean()).isTrue();
    Api.Reply bucketWithout =
        API.post("/policy-validation", "{\"kind\": \"bucket\", \"document\": " + identity + "}");
    assertThat(bucketWithout.json().get("message").asString())
        .isEqualTo("Missing required field Principal");
    assertThat(
            API.post("/policy-validation", "{\"kind\": \"group\", \"document\": {}}")
                .json()
                .get("error")
                .asString())
        .isEqualTo("invalid_request");
  }

  @Test
  void theAclSummaryShowsTheOwnerAndGrantsSetOverS3() {
    bucketWith("acl-view");
    JsonNode before = API.get("/buckets/acl-view/acl").json();
    assertThat(before.get("owner").get("display_name").asString()).isNotEmpty();
    assertThat(before.get("object_ownership").asString()).isEqualTo("ObjectWriter");
    assertThat(before.get("acls_enabled").asBoolean()).isTrue();
    assertThat(before.get("grants").toString()).doesNotContain("AllUsers");

    s3().putBucketAcl(b -> b.bucket("acl-view").acl(BucketCannedACL.PUBLIC_READ));
    JsonNode after = API.get("/buckets/acl-view/acl").json();
    JsonNode allUsers =
        after
            .get("grants")
            .valueStream()
            .filter(g -> g.get("grantee").get("type").asString().equals("group"))
            .findFirst()
            .orElseThrow();
    assertThat(allUsers.get("grantee").get("name").asString()).isEqualTo("AllUsers");
    assertThat(allUsers.get("grantee").get("uri").asString())
        .isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
    assertThat(allUsers.get("permission").asString()).isEqualTo("READ");
    JsonNode owner =
        after
            .get("grants")
            .valueStream()
            .filter(g -> g.get("grantee").get("type").asString().equals("canonical_user"))
            .findFirst()
            .orElseThrow();
    assertThat(owner.get("grantee").get("id").asString())
        .isEqualTo(after.get("owner").get("id").asString());
    assertThat(owner.get("permission").asString()).isEqualTo("FULL_CONTROL");
  }

  @Test
  void thePublicAccessBlockRoundTripsAndBlocksAPublicPolicy() {
    bucketWith("pab-trip");
    JsonNode none = API.get("/buckets/pab-trip/public-access-block").json();
    assertThat(none.get("configured").asBoolean()).isFalse();
    assertThat(none.get("block_public_policy").asBoolean()).isFalse();

    Api.Reply put =
        API.put(
            "/buckets/pab-trip/public-access-block",
            "{\"block_public_policy\": true, \"ignore_public_acls\": true}");
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    JsonNode got = API.get("/buckets/pab-trip/public-access-block").json();
    assertThat(got.get("configured").asBoolean()).isTrue();
    assertThat(got.get("block_public_policy").asBoolean()).isTrue();
    assertThat(got.get("ignore_public_acls").asBoolean()).isTrue();
    assertThat(got.get("block_public_acls").asBoolean()).isFalse();
    var s3Block =
        s3().getPublicAccessBlock(b -> b.bucket("pab-trip")).publicAccessBlockConfiguration();
    assertThat(s3Block.blockPublicPolicy()).isTrue();
    assertThat(s3Block.ignorePublicAcls()).isTrue();
    assertThat(s3Block.restrictPublicBuckets()).isFalse();

    Api.Reply refused =
        API.put("/buckets/pab-trip/policy", "{\"policy\": " + publicRead("pab-trip", "*") + "}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asString()).isEqualTo("access_denied");
    assertThat(refused.json().get("message").asString()).contains("BlockPublicPolicy");
    assertThat(API.get("/buckets/pab-trip/policy").json().get("policy").isNull()).isTrue();

    assertThat(
            API.put("/buckets/pab-trip/public-access-block", "{\"block_public_acls\": 1}").status())
        .isEqualTo(400);
    assertThat(API.delete("/buckets/pab-trip/public-access-block").status()).isEqualTo(200);
    assertThat(
            API.get("/buckets/pab-trip/public-access-block").json().get("configured").asBoolean())
        .isFalse();
    assertThat(
            API.put("/buckets/pab-trip/policy", "{\"policy\": " + publicRead("pab-trip", "*") + "}")
                .status())
        .isEqualTo(200);
  }
}
