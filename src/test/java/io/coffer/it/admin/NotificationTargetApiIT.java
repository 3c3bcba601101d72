package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Notification targets over the management API: created, listed, read, reconfigured and deleted;
 * refused with 400, 404 and 409 as documented; their secrets never in an answer nor in the log.
 */
class NotificationTargetApiIT {
  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("targets-in-use");

  static final Api API = new Api(SERVER);

  /** Nothing listens there: delivery fails and retries, which must not log secrets either. */
  static final String DEAD_ENDPOINT = "http://127.0.0.1:9/hook";

  static Api.Reply create(String id, String type, Map<String, Object> config) {
    return API.post(
        "/notification-targets", Api.json(Map.of("id", id, "type", type, "config", config)));
  }

  static void assertError(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(status);
    assertThat(reply.json().path("error").asString()).isEqualTo(code);
    assertThat(reply.json().path("message").asString()).isNotBlank();
  }

  @Test
  void aWebhookTargetIsCreatedListedAndReadWithItsArnDefaultsAndStatus() {
    Api.Reply created = create("thumbnails", "webhook", Map.of("endpoint", DEAD_ENDPOINT));
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    JsonNode target = created.json();
    assertThat(target.path("id").asString()).isEqualTo("thumbnails");
    assertThat(target.path("type").asString()).isEqualTo("webhook");
    assertThat(target.path("arn").asString()).isEqualTo("arn:coffer:sqs::thumbnails:webhook");
    assertThat(target.path("config").path("endpoint").asString()).isEqualTo(DEAD_ENDPOINT);
    assertThat(target.path("created_at").asString()).endsWith("Z");
    JsonNode status = target.path("status");
    assertThat(status.path("state").asString()).isIn("idle", "online", "offline");
    assertThat(status.path("queued").asLong()).isZero();
    assertThat(status.path("dropped").asLong()).isZero();
    assertThat(status.has("delivered") && status.has("failed_attempts")).isTrue();
    assertThat(target.path("buckets").isArray() && target.path("buckets").isEmpty()).isTrue();

    JsonNode read = API.get("/notification-targets/thumbnails").json();
    assertThat(read.path("arn")).isEqualTo(target.path("arn"));
    assertThat(read.path("config")).isEqualTo(target.path("config"));
    List<String> listed = new ArrayList<>();
    API.get("/notification-targets")
        .json()
        .path("targets")
        .forEach(t -> listed.add(t.path("id").asString()));
    assertThat(listed).contains("thumbnails");
  }

  @Test
  void badRequestsAre400NamingWhatIsWrong() {
    assertError(create("no-endpoint", "webhook", Map.of()), 400, "invalid_request");
    assertThat(create("no-endpoint", "webhook", Map.of()).json().path("message").asString())
        .contains("endpoint");
    assertError(
        create("bad-type", "sqs", Map.of("endpoint", DEAD_ENDPOINT)), 400, "invalid_request");
    assertThat(
            create("bad-type", "sqs", Map.of("endpoint", DEAD_ENDPOINT))
                .json()
                .path("message")
                .asString())
        .contains("webhook", "nats", "amqp", "mqtt", "redis", "postgresql", "kafka");
    assertError(
        create("has:colon", "webhook", Map.of("endpoint", DEAD_ENDPOINT)), 400, "invalid_request");
    assertError(
        create("x".repeat(65), "webhook", Map.of("endpoint", DEAD_ENDPOINT)),
        400,
        "invalid_request");
    assertError(
        API.post("/notification-targets", "{\"id\": \"a\", \"type\": \"webhook\"}"),
        400,
        "invalid_request");
    assertError(
        API.post(
            "/notification-targets", "{\"id\": \"a\", \"type\": \"webhook\", \"config\": \"x\"}"),
        400,
        "invalid_request");
    assertError(
        API.post(
            "/notification-targets",
            "{\"id\": \"a\", \"type\": \"webhook\", \"config\": {}, \"secret\": 1}"),
        400,
        "malformed_json");
    assertError(
        create("nats-no-subject", "nats", Map.of("url", "nats://127.0.0.1:4222")),
        400,
        "invalid_request");
    assertThat(API.get("/notification-targets/no-endpoint").status()).isEqualTo(404);
  }

  @Test
  void aTakenIdIs409AndAnUnknownOneIs404() {
    assertThat(create("twice", "webhook", Map.of("endpoint", DEAD_ENDPOINT)).status())
        .isEqualTo(201);
    assertError(
        create("twice", "webhook", Map.of("endpoint", DEAD_ENDPOINT)),
        409,
        "notification_target_exists");
    assertError(API.get("/notification-targets/nobody"), 404, "no_such_notification_target");
    assertError(
        API.put("/notification-targets/nobody", "{\"config\": {\"endpoint\": \"http://x/\"}}"),
        404,
        "no_such_notification_target");
    assertError(API.delete("/notification-targets/nobody"), 404, "no_such_notification_target");
  }

  @Test
  void anUpdateReplacesTheConfigurationButNeverTheType() {
    assertThat(create("moving", "webhook", Map.of("endpoint", DEAD_ENDPOINT)).status())
        .isEqualTo(201);
    Api.Reply updated =
        API.put(
            "/notification-targets/moving",
            "{\"config\": {\"endpoint\": \"http://127.0.0.1:9/other\"}}");
    assertThat(updated.status()).as(updated.http().body()).isEqualTo(200);
    assertThat(updated.json().path("config").path("endpoint").asString())
        .isEqualTo("http://127.0.0.1:9/other");
    assertThat(
            API.get("/notification-targets/moving")
                .json()
                .path("config")
                .path("endpoint")
                .asString())
        .isEqualTo("http://127.0.0.1:9/other");
    assertError(
        API.put(
            "/notification-targets/moving",
            "{\"type\": \"nats\", \"config\": {\"url\": \"nats://127.0.0.1:4222\", \"subject\":"
                + " \"s\"}}"),
        400,
        "invalid_request");
    assertError(
        API.put("/notification-targets/moving", "{\"config\": {}}"), 400, "invalid_request");
    assertThat(
            API.get("/notification-targets/moving")
                .json()
                .path("config")
                .path("endpoint")
                .asString())
        .as("a refused update changes nothing")
        .isEqualTo("http://127.0.0.1:9/other");
  }

  @Test
  void aTargetNamedByABucketsRulesCannotBeDeletedUntilTheRulesAreGone() {
    String arn =
        create("busy", "webhook", Map.of("endpoint", DEAD_ENDPOINT)).json().path("arn").asString();
    Api.Reply rules =
        API.put(
            "/buckets/targets-in-use/notification",
            "{\"rules\": [{\"target_arn\": \""
                + arn
                + "\", \"events\": [\"s3:ObjectCreated:*\"]}]}");
    assertThat(rules.status()).as(rules.http().body()).isEqualTo(200);
    assertThat(API.get("/notification-targets/busy").json().path("buckets").get(0).asString())
        .isEqualTo("targets-in-use");

    Api.Reply refused = API.delete("/notification-targets/busy");
    assertError(refused, 409, "notification_target_in_use");
    assertThat(refused.json().path("message").asString()).contains("targets-in-use");
    assertThat(API.get("/notification-targets/busy").status()).isEqualTo(200);

    assertThat(API.put("/buckets/targets-in-use/notification", "{\"rules\": []}").status())
        .isEqualTo(200);
    assertThat(API.delete("/notification-targets/busy").status()).isEqualTo(200);
    assertError(API.get("/notification-targets/busy"), 404, "no_such_notification_target");
  }

  @Test
  void secretsAreNeverReturnedNorLoggedAndAFailingTargetShowsAsOffline() throws Exception {
    String token = "tok-" + System.nanoTime() + "-bearer-secret";
    String hmac = "hmac-" + System.nanoTime() + "-signing-secret";
    String urlPassword = "pw" + System.nanoTime() + "urlsecret";
    String natsPassword = "np" + System.nanoTime() + "fieldsecret";
    List<String> secrets = List.of(token, hmac, urlPassword, natsPassword);
    List<String> answers = new ArrayList<>();
    try (ServerLog log = new ServerLog()) {
      Api.Reply hook =
          create(
              "signed-hook",
              "webhook",
              Map.of("endpoint", DEAD_ENDPOINT, "auth_token", token, "hmac_secret", hmac));
      assertThat(hook.status()).as(hook.http().body()).isEqualTo(201);
      answers.add(hook.http().body());
      Api.Reply nats =
          create(
              "secret-nats",
              "nats",
              Map.of(
                  "url",
                  "nats://127.0.0.1:1",
                  "subject",
                  "coffer-secrets",
                  "username",
                  "alice",
                  "password",
                  natsPassword));
      assertThat(nats.status()).as(nats.http().body()).isEqualTo(201);
      answers.add(nats.http().body());
      assertThat(nats.json().path("config").path("username").asString()).isEqualTo("alice");
      assertThat(nats.json().path("config").has("password")).isFalse();
      Api.Reply amqp =
          create(
              "secret-amqp",
              "amqp",
              Map.of(
                  "url",
                  "amqp://bob:" + urlPassword + "@127.0.0.1:1/",
                  "exchange",
                  "coffer-secrets"));
      assertThat(amqp.status()).as(amqp.http().body()).isEqualTo(201);
      answers.add(amqp.http().body());
      assertThat(amqp.json().path("config").path("url").asString())
          .as("the password in the URL is masked, the rest kept")
          .contains("bob", "***", "127.0.0.1");
      assertThat(hook.json().path("config").has("auth_token")).isFalse();
      assertThat(hook.json().path("config").has("hmac_secret")).isFalse();

      // A bucket naming them: the test event is queued and delivery tries (and fails) to send it.
      Api.Reply rules =
          API.put(
              "/buckets/targets-in-use/notification",
              "{\"rules\": [{\"target_arn\": \"arn:coffer:sqs::signed-hook:webhook\", \"events\":"
                  + " [\"s3:ObjectRemoved:*\"]}, {\"target_arn\":"
                  + " \"arn:coffer:sqs::secret-nats:nats\", \"events\": [\"s3:ObjectTagging:*\"]},"
                  + " {\"target_arn\": \"arn:coffer:sqs::secret-amqp:amqp\", \"events\":"
                  + " [\"s3:ObjectCreated:*\"]}]}");
      assertThat(rules.status()).as(rules.http().body()).isEqualTo(200);
      answers.add(
          API.put(
                  "/notification-targets/signed-hook",
                  Api.json(
                      Map.of(
                          "config",
                          Map.of(
                              "endpoint",
                              DEAD_ENDPOINT,
                              "auth_token",
                              token,
                              "hmac_secret",
                              hmac))))
              .http()
              .body());
      answers.add(API.get("/notification-targets").http().body());
      answers.add(API.get("/notification-targets/signed-hook").http().body());
      answers.add(API.get("/notification-targets/secret-nats").http().body());
      answers.add(API.get("/notification-targets/secret-amqp").http().body());
      answers.add(API.get("/buckets/targets-in-use/notification").http().body());
      // a refused request with a secret in it: the refusal's log (if any) must not hold it
      answers.add(
          API.post(
                  "/notification-targets",
                  Api.json(
                      Map.of(
                          "id",
                          "refused",
                          "type",
                          "webhook",
                          "config",
                          Map.of("auth_token", token))))
              .http()
              .body());
      Thread.sleep(1500); // delivery attempts against the dead endpoints, and their log lines
      // The status shows the failing delivery (without a secret: the answer is checked below).
      Api.Reply offline = API.get("/notification-targets/signed-hook");
      answers.add(offline.http().body());
      JsonNode status = offline.json().path("status");
      assertThat(status.path("state").asString()).isEqualTo("offline");
      assertThat(status.path("failed_attempts").asLong()).isPositive();
      assertThat(status.path("last_error").asString()).isNotBlank();
      assertThat(status.path("last_error_at").asString()).endsWith("Z");
      assertThat(status.path("queued").asLong()).as("the test event waits").isPositive();
      assertThat(status.path("oldest_queued_at").asString()).endsWith("Z");
      assertThat(API.put("/buckets/targets-in-use/notification", "{\"rules\": []}").status())
          .isEqualTo(200);
      for (String answer : answers) {
        assertThat(answer).doesNotContain(secrets.toArray(String[]::new));
      }
      List<String> lines = log.lines();
      assertThat(lines).as("log events watched").isNotEmpty();
      for (String line : lines) {
        assertThat(line).doesNotContain(secrets.toArray(String[]::new));
      }
    }
  }
}
