package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's notification rules over the management API: the same configuration as
 * PutBucketNotificationConfiguration (S3 clients read what the API wrote, and the reverse), the
 * same refusals, and an empty list removes them.
 */
class BucketNotificationApiIT {
  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("rules-api", "rules-bad");

  static final Api API = new Api(SERVER);
  static final String ARN = "arn:coffer:sqs::rules-hook:webhook";

  @BeforeAll
  static void target() {
    Api.Reply created =
        API.post(
            "/notification-targets",
            Api.json(
                Map.of(
                    "id",
                    "rules-hook",
                    "type",
                    "webhook",
                    "config",
                    Map.of("endpoint", "http://127.0.0.1:9/hook"))));
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
  }

  static void assertNoRules(String bucket) {
    Api.Reply reply = API.get("/buckets/" + bucket + "/notification");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    assertThat(reply.json().path("rules").isArray()).isTrue();
    assertThat(reply.json().path("rules").isEmpty()).isTrue();
  }

  static void assertInvalid(String bucket, String body, String messagePart) {
    Api.Reply reply = API.put("/buckets/" + bucket + "/notification", body);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(400);
    assertThat(reply.json().path("error").asString()).isIn("invalid_request", "malformed_json");
    assertThat(reply.json().path("message").asString()).contains(messagePart);
  }

  @Test
  void rulesAreReplacedReadSeenOverS3AndRemovedByAnEmptyList() {
    assertNoRules("rules-api");
    Api.Reply put =
        API.put(
            "/buckets/rules-api/notification",
            """
            {"rules": [
              {"id": "images", "target_arn": "%s", "events": ["s3:ObjectCreated:*"],
               "prefix": "uploads/", "suffix": ".jpg"},
              {"target_arn": "%s", "events": ["s3:ObjectRemoved:Delete"], "prefix": "logs/"}]}
            """
                .formatted(ARN, ARN));
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    JsonNode rules = put.json().path("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("id").asString()).isEqualTo("images");
    assertThat(rules.get(0).path("kind").asString()).isEqualTo("queue");
    assertThat(rules.get(0).path("target_arn").asString()).isEqualTo(ARN);
    assertThat(rules.get(0).path("prefix").asString()).isEqualTo("uploads/");
    assertThat(rules.get(0).path("suffix").asString()).isEqualTo(".jpg");
    assertThat(rules.get(1).path("id").asString()).as("generated").isNotBlank();
    assertThat(API.get("/buckets/rules-api/notification").json()).isEqualTo(put.json());

    GetBucketNotificationConfigurationResponse s3 =
        SERVER.s3().getBucketNotificationConfiguration(b -> b.bucket("rules-api"));
    assertThat(s3.queueConfigurations()).hasSize(2);
    QueueConfiguration images = s3.queueConfigurations().get(0);
    assertThat(images.id()).isEqualTo("images");
    assertThat(images.queueArn()).isEqualTo(ARN);
    assertThat(images.events()).containsExactly(Event.S3_OBJECT_CREATED);
    assertThat(images.filter().key().filterRules())
        .anyMatch(r -> r.nameAsString().equalsIgnoreCase("prefix") && r.value().equals("uploads/"))
        .anyMatch(r -> r.nameAsString().equalsIgnoreCase("suffix") && r.value().equals(".jpg"));

    Api.Reply removed = API.put("/buckets/rules-api/notification", "{\"rules\": []}");
    assertThat(removed.status()).isEqualTo(200);
    assertNoRules("rules-api");
    assertThat(
            SERVER
                .s3()
                .getBucketNotificationConfiguration(b -> b.bucket("rules-api"))
                .queueConfigurations())
        .isEmpty();
  }

  @Test
  void aConfigurationPutOverS3IsReadOverTheApi() {
    SERVER
        .s3()
        .putBucketNotificationConfiguration(
            b ->
                b.bucket("rules-api")
                    .notificationConfiguration(
                        c ->
                            c.queueConfigurations(
                                QueueConfiguration.builder()
                                    .id("from-s3")
                                    .queueArn(ARN)
                                    .events(Event.S3_OBJECT_TAGGING)
                                    .build())));
    JsonNode rules = API.get("/buckets/rules-api/notification").json().path("rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).path("id").asString()).isEqualTo("from-s3");
    assertThat(rules.get(0).path("events").get(0).asString()).isEqualTo("s3:ObjectTagging:*");
    assertThat(API.put("/buckets/rules-api/notification", "{\"rules\": []}").status())
        .isEqualTo(200);
  }

  @Test
  void whatS3WouldRefuseIsRefusedWithItsMessage() {
    assertInvalid(
        "rules-bad",
        "{\"rules\": [{\"target_arn\": \"arn:coffer:sqs::nobody:webhook\", \"events\":"
            + " [\"s3:ObjectCreated:*\"]}]}",
        "Unable to validate the following destination configurations");
    assertInvalid(
        "rules-bad",
        "{\"rules\": [{\"target_arn\": \"" + ARN + "\", \"events\": [\"s3:ObjectMade:*\"]}]}",
        "not supported");
    // An AWS event type Coffer never produces is refused as not implemented, never accepted.
    Api.Reply restore =
        API.put(
            "/buckets/rules-bad/notification",
            "{\"rules\": [{\"target_arn\": \""
                + ARN
                + "\", \"events\": [\"s3:ObjectRestore:*\"]}]}");
    assertThat(restore.status()).as(restore.http().body()).isEqualTo(501);
    assertThat(restore.json().path("error").asString()).isEqualTo("not_implemented");
    assertInvalid(
        "rules-bad",
        "{\"rules\": [{\"target_arn\": \""
            + ARN
            + "\", \"events\": [\"s3:ObjectCreated:*\"]}, {\"target_arn\": \""
            + ARN
            + "\", \"events\": [\"s3:ObjectCreated:Put\"], \"prefix\": \"a/\"}]}",
        "");
    assertInvalid(
        "rules-bad", "{\"rules\": [{\"events\": [\"s3:ObjectCreated:*\"]}]}", "target_arn");
    assertInvalid("rules-bad", "{\"rules\": [{\"target_arn\": \"" + ARN + "\"}]}", "events");
    assertInvalid(
        "rules-bad",
        "{\"rules\": [{\"target_arn\": \""
            + ARN
            + "\", \"events\": [\"s3:ObjectCreated:*\"], \"kind\": \"lambda\"}]}",
        "kind");
    assertInvalid("rules-bad", "{}", "rules");
    assertInvalid("rules-bad", "{\"rules\": [], \"extra\": 1}", "extra");
    assertNoRules("rules-bad");
  }

  @Test
  void anUnknownBucketIs404() {
    assertThat(API.get("/buckets/no-such-bucket-here/notification").status()).isEqualTo(404);
    assertThat(API.put("/buckets/no-such-bucket-here/notification", "{\"rules\": []}").status())
        .isEqualTo(404);
  }
}
