package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's lifecycle rules over the management API: the same configuration the S3 API reads and
 * writes, checked by the same rules, refused in JSON.
 */
class LifecycleApiIT {
  @RegisterExtension
  static final CofferTestServer SERVER =
      CofferTestServer.withBuckets("api-rules", "s3-rules", "api-errors");

  static final Api API = new Api(SERVER);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = SERVER.s3();
  }

  @Test
  void rulesPutOverTheApiAreWhatS3Answers() {
    assertThat(API.get("/buckets/api-rules/lifecycle").json().get("rules").size()).isZero();
    Api.Reply put =
        API.put(
            "/buckets/api-rules/lifecycle",
            """
            {"rules": [
              {"id": "logs",
               "filter": {"prefix": "logs/", "tags": {"class": "debug", "team": "web"},
                          "size_greater_than": 10},
               "expiration": {"days": 30},
               "noncurrent_expiration": {"noncurrent_days": 7, "newer_noncurrent_versions": 2}},
              {"id": "old", "enabled": false, "expiration": {"date": "2030-01-01"},
               "abort_incomplete_upload_days": 3},
              {"expiration": {"expired_object_delete_marker": true}}
            ]}
            """);
    assertThat(put.status()).isEqualTo(200);
    JsonNode rules = put.json().get("rules");
    assertThat(rules.size()).isEqualTo(3);
    String generated = rules.get(2).get("id").asString();
    assertThat(generated).hasSize(48);
    assertThat(rules.get(0).get("enabled").asBoolean()).isTrue();
    assertThat(API.get("/buckets/api-rules/lifecycle").json()).isEqualTo(put.json());

    List<LifecycleRule> seen =
        s3.getBucketLifecycleConfiguration(b -> b.bucket("api-rules")).rules();
    assertThat(seen).extracting(LifecycleRule::id).containsExactly("logs", "old", generated);
    LifecycleRule logs = seen.get(0);
    assertThat(logs.filter().and().prefix()).isEqualTo("logs/");
    assertThat(logs.filter().and().tags()).hasSize(2);
    assertThat(logs.filter().and().objectSizeGreaterThan()).isEqualTo(10L);
    assertThat(logs.expiration().days()).isEqualTo(30);
    assertThat(logs.noncurrentVersionExpiration().newerNoncurrentVersions()).isEqualTo(2);
    LifecycleRule old = seen.get(1);
    assertThat(old.status()).isEqualTo(ExpirationStatus.DISABLED);
    assertThat(old.expiration().date()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(old.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(3);
    assertThat(seen.get(2).expiration().expiredObjectDeleteMarker()).isTrue();

    assertThat(API.delete("/buckets/api-rules/lifecycle").status()).isEqualTo(200);
    assertThat(API.get("/buckets/api-rules/lifecycle").json().get("rules").size()).isZero();
    assertThat(API.delete("/buckets/api-rules/lifecycle").status()).isEqualTo(200);
  }

  @Test
  void rulesPutOverS3AreShownInJson() {
    s3.putBucketLifecycleConfiguration(
        b ->
            b.bucket("s3-rules")
                .lifecycleConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.id("tmp")
                                    .status(ExpirationStatus.ENABLED)
                                    .filter(f -> f.prefix("tmp/"))
                                    .expiration(e -> e.days(1)))));
    JsonNode rule = API.get("/buckets/s3-rules/lifecycle").json().get("rules").get(0);
    assertThat(rule.get("id").asString()).isEqualTo("tmp");
    assertThat(rule.get("filter").get("prefix").asString()).isEqualTo("tmp/");
    assertThat(rule.get("expiration").get("days").asInt()).isEqualTo(1);
    assertThat(rule.has("noncurrent_expiration")).isFalse();
  }

  @Test
  void refusedConfigurationsAreJsonErrorsAndChangeNothing() {
    assertThat(
            API.put(
                    "/buckets/api-errors/lifecycle",
                    "{\"rules\": [{\"id\": \"kept\", \"expiration\": {\"days\": 9}}]}")
                .status())
        .isEqualTo(200);
    record Case(String body, int status, String error) {}
    for (Case c :
        List.of(
            new Case(
                "{\"rules\": [{\"id\": \"a\", \"expiration\": {\"days\": 1}},"
                    + " {\"id\": \"a\", \"expiration\": {\"days\": 2}}]}",
                400,
                "invalid_request"),
            new Case("{\"rules\": [{\"id\": \"none\"}]}", 400, "invalid_request"),
            new Case("{\"rules\": [{\"expiration\": {\"days\": 0}}]}", 400, "invalid_request"),
            new Case(
                "{\"rules\": [{\"expiration\": {\"days\": 1, \"date\": \"2030-01-01\"}}]}",
                400,
                "invalid_request"),
            new Case("{\"rules\": [{\"expiration\": {\"date\": \"next week\"}}]}", 400, null),
            new Case(
                "{\"rules\": [{\"filter\": {\"tags\": {\"k\": \"v\"}},"
                    + " \"abort_incomplete_upload_days\": 1}]}",
                400,
                "invalid_request"),
            new Case(
                "{\"rules\": [{\"filter\": {\"tags\": {\"k\": null}},"
                    + " \"expiration\": {\"days\": 1}}]}",
                400,
                "invalid_request"),
            new Case("{\"rules\": []}", 400, "invalid_request"),
            new Case("{}", 400, null),
            new Case("{\"rules\": [{\"transitions\": []}]}", 400, "malformed_json"))) {
      Api.Reply reply = API.put("/buckets/api-errors/lifecycle", c.body());
      assertThat(reply.status()).as(c.body()).isEqualTo(c.status());
      if (c.error() != null) {
        assertThat(reply.json().get("error").asString()).as(c.body()).isEqualTo(c.error());
      }
      assertThat(reply.json().get("message").asString()).as(c.body()).isNotBlank();
    }
    JsonNode rules = API.get("/buckets/api-errors/lifecycle").json().get("rules");
    assertThat(rules.size()).isEqualTo(1);
    assertThat(rules.get(0).get("id").asString()).isEqualTo("kept");
    assertThat(API.get("/buckets/nobody/lifecycle").status()).isEqualTo(404);
  }
}
