package io.coffer.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.TestWebhook;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Setting up notifications as a user does: a target over the management API, rules over S3. */
final class Notifications {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private Notifications() {}

  static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  /** Creates a webhook target; returns its ARN. */
  static String webhookTarget(
      Api api, String id, TestWebhook hook, String authToken, String hmacSecret) {
    String config =
        "{\"endpoint\": \""
            + hook.uri()
            + "\""
            + (authToken == null ? "" : ", \"auth_token\": \"" + authToken + "\"")
            + (hmacSecret == null ? "" : ", \"hmac_secret\": \"" + hmacSecret + "\"")
            + "}";
    Api.Reply created =
        api.send(
            "POST",
            "/notification-targets",
            "{\"id\": \"" + id + "\", \"type\": \"webhook\", \"config\": " + config + "}");
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    return created.json().get("arn").asString();
  }

  /** Gives the bucket one rule sending these events to the target. */
  static void rule(S3Client s3, String bucket, String id, String arn, String... events) {
    s3.putBucketNotificationConfiguration(
        b ->
            b.bucket(bucket)
                .notificationConfiguration(
                    c ->
                        c.queueConfigurations(
                            q -> q.id(id).queueArn(arn).eventsWithStrings(List.of(events)))));
  }

  /** The one record of an event document. */
  static JsonNode record(TestWebhook.Received received) {
    JsonNode doc = JSON.readTree(received.body());
    assertThat(doc.get("Records").size()).isEqualTo(1);
    return doc.get("Records").get(0);
  }

  static boolean isRecord(TestWebhook.Received received) {
    return JSON.readTree(received.body()).has("Records");
  }
}
