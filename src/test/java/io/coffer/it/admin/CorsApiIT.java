package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.CORSRule;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's CORS rules over the management API: the same setting as PutBucketCors, same limits.
 */
class CorsApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  /** An empty list, not a missing field: the console relies on it. */
  private static void assertNoRules(String bucket) {
    Api.Reply reply = API.get("/buckets/" + bucket + "/cors");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("rules").isArray()).isTrue();
    assertThat(reply.json().path("rules").isEmpty()).isTrue();
  }

  @Test
  void rulesAreReplacedReadAndDeletedAndSeenOverS3() {
    SERVER.s3().createBucket(b -> b.bucket("api-cors"));
    assertNoRules("api-cors");

    Api.Reply put =
        API.send(
            "PUT",
            "/buckets/api-cors/cors",
            """
            {"rules": [{"id": "uploads", "allowed_origins": ["https://*.example.com"],
              "allowed_methods": ["GET", "PUT"], "allowed_headers": ["*"],
              "expose_headers": ["ETag"], "max_age_seconds": 3000},
             {"allowed_origins": ["*"], "allowed_methods": ["HEAD"]}]}
            """);
    assertThat(put.status()).as(put.http().body()).isEqualTo(200);
    JsonNode rules = put.json().path("rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("id").asString()).isEqualTo("uploads");
    assertThat(rules.get(1).path("id").isNull()).isTrue();
    assertThat(rules.get(1).path("allowed_headers").isEmpty()).isTrue();
    assertThat(API.get("/buckets/api-cors/cors").json()).isEqualTo(put.json());

    assertThat(SERVER.s3().getBucketCors(b -> b.bucket("api-cors")).corsRules())
        .containsExactly(
            CORSRule.builder()
                .id("uploads")
                .allowedOrigins("https://*.example.com")
                .allowedMethods("GET", "PUT")
                .allowedHeaders("*")
                .exposeHeaders("ETag")
                .maxAgeSeconds(3000)
                .build(),
            CORSRule.builder().allowedOrigins("*").allowedMethods("HEAD").build());

    assertThat(API.send("DELETE", "/buckets/api-cors/cors", "").status()).isEqualTo(200);
    assertNoRules("api-cors");
  }

  @Test
  void whatS3WouldRefuseIsRefusedWithItsMessage() {
    SERVER.s3().createBucket(b -> b.bucket("api-cors-bad"));
    Api.Reply method =
        API.send(
            "PUT",
            "/buckets/api-cors-bad/cors",
            "{\"rules\": [{\"allowed_origins\": [\"*\"], \"allowed_methods\": [\"PATCH\"]}]}");
    assertThat(method.status()).isEqualTo(400);
    assertThat(method.json().path("error").asString()).isEqualTo("invalid_request");
    assertThat(method.json().path("message").asString())
        .isEqualTo("Found unsupported HTTP method in CORS config. Unsupported method is PATCH");

    for (String body :
        new String[] {
          "{\"rules\": []}",
          "{\"rules\": [{\"allowed_origins\": [\"*\"]}]}",
          "{\"rules\": [{\"allowed_origins\": [\"*.*\"], \"allowed_methods\": [\"GET\"]}]}"
        }) {
      Api.Reply refused = API.send("PUT", "/buckets/api-cors-bad/cors", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.json().path("error").asString()).as(body).isEqualTo("invalid_request");
    }
    assertNoRules("api-cors-bad");
    assertThat(API.get("/buckets/no-such-bucket/cors").status()).isEqualTo(404);
  }
}
