package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.config.EncryptionSettings;
import io.coffer.it.support.CofferTestServer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's default encryption over the management API: the same rule PutBucketEncryption sets,
 * validated the same way (one EncryptionService behind both).
 */
class EncryptionApiIT {
  @RegisterExtension
  static final CofferTestServer SERVER =
      new CofferTestServer().configured(c -> c.withEncryption(new EncryptionSettings(true, null)));

  static final Api API = new Api(SERVER);

  private static String path(String bucket) {
    return "/buckets/" + bucket + "/encryption";
  }

  private static void assertNoDefault(String bucket) {
    Api.Reply reply = API.get(path(bucket));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().has("algorithm")).isTrue();
    assertThat(reply.json().path("algorithm").isNull()).isTrue();
    assertThat(reply.json().path("kms_key_id").isNull()).isTrue();
    assertThat(reply.json().path("bucket_key_enabled").asBoolean()).isFalse();
  }

  private static void assertRefused(String bucket, String body, int status, String error) {
    Api.Reply refused = API.send("PUT", path(bucket), body);
    assertThat(refused.status()).as(body + ": " + refused.http().body()).isEqualTo(status);
    assertThat(refused.json().path("error").asString()).as(body).isEqualTo(error);
  }

  @Test
  void sseS3IsSetReadAndDeleted() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-s3"));
    assertNoDefault("api-enc-s3");

    Api.Reply put = API.send("PUT", path("api-enc-s3"), "{\"algorithm\": \"AES256\"}");
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    JsonNode rule = put.json();
    assertThat(rule.path("algorithm").asString()).isEqualTo("AES256");
    assertThat(rule.path("kms_key_id").isNull()).isTrue();
    assertThat(rule.path("bucket_key_enabled").asBoolean()).isFalse();
    assertThat(API.get(path("api-enc-s3")).json()).isEqualTo(rule);

    assertThat(API.send("DELETE", path("api-enc-s3"), "").status()).isEqualTo(200);
    assertNoDefault("api-enc-s3");
    // nothing to delete is no error, as DeleteBucketEncryption
    assertThat(API.send("DELETE", path("api-enc-s3"), "").status()).isEqualTo(200);
  }

  @Test
  void sseKmsWithTheDefaultKeyNeedsNoKeyId() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-kms-default"));
    Api.Reply put =
        API.send(
            "PUT",
            path("api-enc-kms-default"),
            "{\"algorithm\": \"aws:kms\", \"kms_key_id\": \"\", \"bucket_key_enabled\": true}");
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    assertThat(put.json().path("algorithm").asString()).isEqualTo("aws:kms");
    assertThat(put.json().path("kms_key_id").isNull()).isTrue();
    assertThat(put.json().path("bucket_key_enabled").asBoolean()).isTrue();
    assertThat(API.get(path("api-enc-kms-default")).json()).isEqualTo(put.json());
  }

  @Test
  void whatPutBucketEncryptionRefusesIsRefused() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-bad"));
    assertRefused("api-enc-bad", "{\"algorithm\": \"DES\"}", 400, "invalid_request");
    assertRefused("api-enc-bad", "{\"algorithm\": \"aes256\"}", 400, "invalid_request");
    assertRefused(
        "api-enc-bad",
        "{\"algorithm\": \"AES256\", \"kms_key_id\": \"some-key\"}",
        400,
        "invalid_request");
    assertRefused("api-enc-bad", "{\"kms_key_id\": null}", 400, "invalid_request");
    assertRefused(
        "api-enc-bad", "{\"algorithm\": \"AES256\", \"color\": 1}", 400, "malformed_json");
    assertRefused("api-enc-bad", "", 400, "malformed_json");
    assertRefused("api-enc-bad", "{\"algorithm\": \"aws:kms:dsse\"}", 501, "not_implemented");
    assertRefused(
        "api-enc-bad",
        "{\"algorithm\": \"aws:kms\", \"kms_key_id\": \"arn:aws:kms:us-east-1:1:alias/x\"}",
        400,
        "invalid_request");
    // a key the key store does not have: refused now, not on every later write
    assertRefused(
        "api-enc-bad",
        "{\"algorithm\": \"aws:kms\", \"kms_key_id\": \"no-such-key\"}",
        400,
        "kms_not_found");
    assertRefused(
        "api-enc-bad",
        "{\"algorithm\": \"aws:kms\","
            + " \"kms_key_id\": \"arn:aws:kms:us-east-1:123456789012:key/no-such-key\"}",
        400,
        "kms_not_found");
    assertNoDefault("api-enc-bad");
    assertThat(API.get(path("no-such-bucket")).status()).isEqualTo(404);
    assertThat(API.send("PUT", path("no-such-bucket"), "{\"algorithm\": \"AES256\"}").status())
        .isEqualTo(404);
    assertThat(API.send("DELETE", path("no-such-bucket"), "").status()).isEqualTo(404);
  }

  @Test
  void aNamedKeyIsKeptByNameAndADisabledOneIsRefused() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-named"));
    assertThat(API.send("POST", "/kms/keys", "{\"name\": \"team-key\"}").status()).isEqualTo(201);
    Api.Reply put =
        API.send(
            "PUT",
            path("api-enc-named"),
            "{\"algorithm\": \"aws:kms\","
                + " \"kms_key_id\": \"arn:aws:kms:us-east-1:123456789012:key/team-key\"}");
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    assertThat(put.json().path("kms_key_id").asString()).isEqualTo("team-key");

    assertThat(API.send("PUT", "/kms/keys/team-key", "{\"enabled\": false}").status())
        .isEqualTo(200);
    assertRefused(
        "api-enc-named",
        "{\"algorithm\": \"aws:kms\", \"kms_key_id\": \"team-key\", \"bucket_key_enabled\": true}",
        400,
        "kms_disabled");
    // the rule stored before stays as it was
    assertThat(API.get(path("api-enc-named")).json()).isEqualTo(put.json());
  }

  @Test
  void theApiAndS3SeeOneRule() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-s3-view"));
    API.send(
        "PUT",
        path("api-enc-s3-view"),
        "{\"algorithm\": \"aws:kms\", \"bucket_key_enabled\": true}");
    ServerSideEncryptionRule rule =
        SERVER
            .s3()
            .getBucketEncryption(b -> b.bucket("api-enc-s3-view"))
            .serverSideEncryptionConfiguration()
            .rules()
            .get(0);
    assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(rule.bucketKeyEnabled()).isTrue();

    SERVER
        .s3()
        .putBucketEncryption(
            b ->
                b.bucket("api-enc-s3-view")
                    .serverSideEncryptionConfiguration(
                        c ->
                            c.rules(
                                r ->
                                    r.applyServerSideEncryptionByDefault(
                                        d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    JsonNode seen = API.get(path("api-enc-s3-view")).json();
    assertThat(seen.path("algorithm").asString()).isEqualTo("AES256");
    assertThat(seen.path("bucket_key_enabled").asBoolean()).isFalse();

    assertThat(API.send("DELETE", path("api-enc-s3-view"), "").status()).isEqualTo(200);
    assertThatThrownBy(() -> SERVER.s3().getBucketEncryption(b -> b.bucket("api-enc-s3-view")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("ServerSideEncryptionConfigurationNotFoundError"));
  }

  @Test
  void encryptedObjectsShowHowAndDownloadDecryptedButSseCIsRefused() throws Exception {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-objects"));
    SERVER
        .s3()
        .putObject(
            b ->
                b.bucket("api-enc-objects")
                    .key("kms.txt")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .bucketKeyEnabled(true),
            RequestBody.fromString("sealed by the default KMS key"));
    JsonNode kms = API.get("/buckets/api-enc-objects/objects/kms.txt").json().path("encryption");
    assertThat(kms.path("mode").asString()).isEqualTo("SSE-KMS");
    assertThat(kms.path("algorithm").asString()).isEqualTo("aws:kms");
    assertThat(kms.path("kms_key_id").asString()).isNotEmpty();
    assertThat(kms.path("bucket_key_enabled").asBoolean()).isTrue();
    // what it is, never what would open it
    assertThat(kms.propertyNames())
        .containsExactlyInAnyOrder("mode", "algorithm", "kms_key_id", "bucket_key_enabled");
    Api.Reply download = API.get("/buckets/api-enc-objects/download/kms.txt");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.http().body()).isEqualTo("sealed by the default KMS key");

    byte[] customerKey = new byte[32];
    Arrays.fill(customerKey, (byte) 42);
    String keyMd5 =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(customerKey));
    SERVER
        .s3()
        .putObject(
            b ->
                b.bucket("api-enc-objects")
                    .key("customer.txt")
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(Base64.getEncoder().encodeToString(customerKey))
                    .sseCustomerKeyMD5(keyMd5),
            RequestBody.fromString("only with my key"));
    JsonNode customer =
        API.get("/buckets/api-enc-objects/objects/customer.txt").json().path("encryption");
    assertThat(customer.path("mode").asString()).isEqualTo("SSE-C");
    assertThat(customer.path("algorithm").asString()).isEqualTo("AES256");
    assertThat(customer.path("kms_key_id").isNull()).isTrue();
    Api.Reply refused = API.get("/buckets/api-enc-objects/download/customer.txt");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asString()).isEqualTo("customer_key_required");
    assertThat(refused.http().body()).doesNotContain("only with my key");
  }

  @Test
  void anUnencryptedObjectsDetailsSayNone() {
    SERVER.s3().createBucket(b -> b.bucket("api-enc-plain"));
    SERVER
        .s3()
        .putObject(
            b -> b.bucket("api-enc-plain").key("plain.txt"), RequestBody.fromString("clear"));
    JsonNode detail = API.get("/buckets/api-enc-plain/objects/plain.txt").json();
    assertThat(detail.has("encryption")).isTrue();
    assertThat(detail.path("encryption").isNull()).isTrue();
  }
}
