package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

class CredentialApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static JsonNode create(String body) {
    Api.Reply reply = API.post("/credentials", body);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    return reply.json();
  }

  @Test
  void creatingWithGeneratedKeysAnswersTheSpecificationsShape() {
    JsonNode created = create("{\"user_name\": \"john-doe\"}");
    assertShape(SpecShapes.CREDENTIAL_CREATED, created);
    assertThat(created.get("access_key").asString()).matches("[A-Z0-9]{20}");
    assertThat(created.get("secret_key").asString()).matches("[A-Za-z0-9+/]{40}");
    assertThat(created.get("user_name").asString()).isEqualTo("john-doe");
    assertThat(created.get("is_active").asBoolean()).isTrue();
    assertThat(created.get("created_at").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    // Two generated keys differ.
    assertThat(create("{}").get("access_key").asString())
        .isNotEqualTo(created.get("access_key").asString());
  }

  @Test
  void chosenKeysAreKeptAndWorkOnTheS3Port() {
    JsonNode created =
        create(
            "{\"user_name\": \"alice\", \"access_key\": \"ALICEACCESSKEY000001\", \"secret_key\":"
                + " \"alice-secret-key-1234567890\"}");
    assertThat(created.get("access_key").asString()).isEqualTo("ALICEACCESSKEY000001");
    assertThat(created.get("secret_key").asString()).isEqualTo("alice-secret-key-1234567890");
    try (S3Client alice = SERVER.client("ALICEACCESSKEY000001", "alice-secret-key-1234567890")) {
      assertThat(alice.listBuckets().buckets()).isEmpty();
    }
  }

  @Test
  void aDuplicateAccessKeyIs409() {
    create("{\"access_key\": \"DUPLICATEKEY00000001\"}");
    Api.Reply again = API.post("/credentials", "{\"access_key\": \"DUPLICATEKEY00000001\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asString()).isEqualTo("credential_already_exists");
  }

  @Test
  void invalidValuesAre400() {
    assertThat(API.post("/credentials", "{\"access_key\": \"a b\"}").status()).isEqualTo(400);
    assertThat(API.post("/credentials", "{\"secret_key\": \"short\"}").status()).isEqualTo(400);
    assertThat(API.post("/credentials", "{\"user_name\": \"  \"}").status()).isEqualTo(400);
    assertThat(API.post("/credentials", "{\"user_name\": 5}").status()).isEqualTo(400);
    assertThat(API.post("/credentials", "{\"username\": \"typo\"}").status()).isEqualTo(400);
    assertThat(API.put("/credentials/1", "{\"is_active\": 0}").status()).isEqualTo(400);
    assertThat(API.put("/credentials/1", "{\"is_active\": \"false\"}").status()).isEqualTo(400);
  }

  @Test
  void theListAndTheDetailNeverShowSecrets() {
    JsonNode created = create("{\"user_name\": \"bob\"}");
    long id = created.get("id").asLong();
    Api.Reply list = API.get("/credentials");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("credentials").isArray()).isTrue();
    assertThat(list.http().body())
        .doesNotContain(created.get("secret_key").asString())
        .doesNotContain("secret_key");
    assertThat(list.json().get("credentials").valueStream().map(c -> c.get("id").asLong()))
        .contains(id);

    Api.Reply detail = API.get("/credentials/" + id);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.http().body()).doesNotContain("secret_key");
    assertThat(detail.json().get("bucket_count").asInt()).isZero();
    assertThat(detail.json().get("buckets").isEmpty()).isTrue();
  }

  @Test
  void theDetailCountsAndListsTheCredentialsBuckets() {
    JsonNode created = create("{\"user_name\": \"carol\"}");
    long id = created.get("id").asLong();
    for (String name : new String[] {"carol-one", "carol-two"}) {
      assertThat(
              API.post("/buckets", "{\"name\": \"" + name + "\", \"owner_id\": " + id + "}")
                  .status())
          .isEqualTo(201);
    }
    JsonNode detail = API.get("/credentials/" + id).json();
    assertShape(
        SpecShapes.CREDENTIAL_DETAIL,
        detail,
        "policies",
        "groups",
        "parent_id",
        "expires_at",
        "policy");
    assertThat(detail.get("bucket_count").asInt()).isEqualTo(2);
    assertThat(detail.get("buckets").get(0).get("owner").asString()).isEqualTo("carol");
    assertThat(detail.get("buckets").valueStream().map(b -> b.get("name").asString()))
        .containsExactly("carol-one", "carol-two");
  }

  @Test
  void updatingChangesTheNameAndDeactivationAppliesToTheNextS3Request() {
    JsonNode created =
        create(
            "{\"user_name\": \"dave\", \"access_key\": \"DAVEACCESSKEY0000001\", \"secret_key\":"
                + " \"dave-secret-key-1234567890\"}");
    long id = created.get("id").asLong();
    try (S3Client dave = SERVER.client("DAVEACCESSKEY0000001", "dave-secret-key-1234567890")) {
      dave.listBuckets(); // now cached by the S3 port
      Api.Reply renamed = API.put("/credentials/" + id, "{\"user_name\": \"david\"}");
      assertThat(renamed.status()).isEqualTo(200);
      assertShape(SpecShapes.MESSAGE, renamed.json());
      assertThat(renamed.json().get("message").asString())
          .isEqualTo("Operation completed successfully");
      assertThat(API.get("/credentials/" + id).json().get("user_name").asString())
          .isEqualTo("david");

      assertThat(API.put("/credentials/" + id, "{\"is_active\": false}").status()).isEqualTo(200);
      assertThat(API.get("/credentials/" + id).json().get("is_active").asBoolean()).isFalse();
      S3Exception refused =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              S3Exception.class, dave::listBuckets);
      assertThat(refused).isNotNull();
      assertThat(refused.statusCode()).isEqualTo(403);

      assertThat(API.put("/credentials/" + id, "{\"is_active\": true}").status()).isEqualTo(200);
      dave.listBuckets();
    }
  }

  @Test
  void deletingIs409WhileTheCredentialOwnsBuckets() {
    long id = create("{\"user_name\": \"erin\"}").get("id").asLong();
    assertThat(
            API.post("/buckets", "{\"name\": \"erin-bucket\", \"owner_id\": " + id + "}").status())
        .isEqualTo(201);
    Api.Reply refused = API.delete("/credentials/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).isEqualTo("credential_in_use");
    assertThat(API.delete("/buckets/erin-bucket").status()).isEqualTo(200);
    assertThat(API.delete("/credentials/" + id).status()).isEqualTo(200);
    assertThat(API.get("/credentials/" + id).status()).isEqualTo(404);
  }

  @Test
  void unknownAndInvalidIds() {
    Api.Reply missing = API.get("/credentials/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asString()).isEqualTo("no_such_credential");
    assertThat(API.put("/credentials/999999", "{\"user_name\": \"x\"}").status()).isEqualTo(404);
    assertThat(API.delete("/credentials/999999").status()).isEqualTo(404);
    assertThat(API.get("/credentials/abc").status()).isEqualTo(400);
    assertThat(API.get("/credentials/0").status()).isEqualTo(400);
    assertThat(API.get("/credentials/-1").status()).isEqualTo(400);
    assertThat(API.get("/credentials/99999999999999999999").status()).isEqualTo(400);
  }
}
