package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The binding is strict: every body that is not exactly the documented shape is a 400 JSON error.
 */
class JsonBindingIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static long ownerId;

  @BeforeAll
  static void owner() {
    ownerId = API.post("/credentials", "{}").json().get("id").asLong();
  }

  private static void assertRefused(String path, String body, String error) {
    Api.Reply reply = API.post(path, body);
    assertThat(reply.status()).as(body + " -> " + reply.http().body()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asString()).as(body).isEqualTo(error);
    assertThat(reply.json().get("message").asString())
        .isNotBlank()
        .doesNotContain("tools.jackson")
        .doesNotContain("java.lang");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertRefused(
        "/buckets",
        "{\"name\": \"x-bucket\", \"owner_id\": " + ownerId + ", \"owner\": 1}",
        "malformed_json");
    assertRefused("/credentials", "{\"is_active\": true}", "malformed_json");
  }

  @Test
  void wrongTypesAreRefusedNotCoerced() {
    assertRefused(
        "/buckets",
        "{\"name\": \"x-bucket\", \"owner_id\": \"" + ownerId + "\"}",
        "malformed_json");
    assertRefused(
        "/buckets", "{\"name\": \"x-bucket\", \"owner_id\": " + ownerId + ".0}", "malformed_json");
    assertRefused("/buckets", "{\"name\": \"x-bucket\", \"owner_id\": true}", "malformed_json");
    assertRefused("/buckets", "{\"name\": 12345, \"owner_id\": " + ownerId + "}", "malformed_json");
    assertRefused(
        "/buckets", "{\"name\": [\"x-bucket\"], \"owner_id\": " + ownerId + "}", "malformed_json");
    assertRefused("/buckets", "{\"name\": {}, \"owner_id\": " + ownerId + "}", "malformed_json");
    assertRefused(
        "/buckets",
        "{\"name\": \"x-bucket\", \"owner_id\": 99999999999999999999999}",
        "malformed_json");
    assertRefused("/buckets", "{\"name\": \"x-bucket\", \"owner_id\": \"\"}", "malformed_json");
    assertThat(API.put("/credentials/" + ownerId, "{\"is_active\": 1}").status()).isEqualTo(400);
    assertThat(API.put("/credentials/" + ownerId, "{\"is_active\": \"true\"}").status())
        .isEqualTo(400);
    assertThat(API.put("/credentials/" + ownerId, "{\"user_name\": false}").status())
        .isEqualTo(400);
  }

  @Test
  void bodiesThatAreNotObjectsAreRefused() {
    assertRefused("/buckets", "null", "malformed_json");
    assertRefused("/buckets", "[]", "malformed_json");
    assertRefused("/buckets", "[{\"name\": \"x-bucket\"}]", "malformed_json");
    assertRefused("/buckets", "\"x-bucket\"", "malformed_json");
    assertRefused("/buckets", "42", "malformed_json");
    assertRefused("/buckets", "", "malformed_json");
    assertThat(API.put("/credentials/" + ownerId, "null").status()).isEqualTo(400);
    assertThat(API.put("/credentials/" + ownerId, "[]").status()).isEqualTo(400);
  }

  @Test
  void malformedJsonIsRefused() {
    assertRefused("/buckets", "{\"name\": \"x-bucket\"", "malformed_json");
    assertRefused("/buckets", "{name: \"x-bucket\"}", "malformed_json");
    assertRefused(
        "/buckets", "{\"name\": \"x-bucket\", \"owner_id\": 1} trailing", "malformed_json");
    assertRefused(
        "/buckets",
        "{\"name\": \"a-bucket\", \"name\": \"b-bucket\", \"owner_id\": 1}",
        "malformed_json");
    assertRefused("/buckets", "{\"name\": \"x-bucket\",}", "malformed_json");
    assertRefused("/buckets", "\u00ff\u00fe", "malformed_json");
  }

  @Test
  void nullForAnOptionalFieldMeansNotGivenButNotForARequiredOne() {
    assertThat(API.post("/buckets", "{\"name\": null, \"owner_id\": " + ownerId + "}").status())
        .isEqualTo(400);
    assertThat(
            API.post(
                    "/buckets",
                    "{\"name\": \"null-region\", \"owner_id\": " + ownerId + ", \"region\": null}")
                .status())
        .isEqualTo(201);
  }

  @Test
  void oversizedBodiesAre413() {
    String huge = "{\"keys\": [\"" + "k".repeat(3 * 1024 * 1024) + "\"]}";
    assertThat(
            API.post("/buckets", "{\"name\": \"big-body\", \"owner_id\": " + ownerId + "}")
                .status())
        .isEqualTo(201);
    Api.Reply reply = API.post("/buckets/big-body/objects/delete", huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error").asString()).isEqualTo("payload_too_large");
  }
}
