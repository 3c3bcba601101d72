package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.it.support.CofferTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/** Service accounts: POST /api/v1/credentials with parent_id, expires_at and an inline policy. */
class ServiceAccountApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static JsonNode create(String body) {
    Api.Reply reply = API.post("/credentials", body);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    return reply.json();
  }

  static S3Client client(JsonNode created) {
    return SERVER.client(
        created.get("access_key").asString(), created.get("secret_key").asString());
  }

  /** What the S3 port answers a ListBuckets signed with the credential. */
  static S3Exception refusal(JsonNode created) {
    try (S3Client s3 = client(created)) {
      S3Exception e = catchThrowableOfType(S3Exception.class, s3::listBuckets);
      assertThat(e).as("refused").isNotNull();
      return e;
    }
  }

  @Test
  void aServiceAccountShowsItsParentAndIsDeletedWithIt() {
    long parent =
        create("{\"user_name\": \"app\", \"policies\": [\"readonly\"]}").get("id").asLong();
    JsonNode sa = create("{\"user_name\": \"ci\", \"parent_id\": " + parent + "}");
    long id = sa.get("id").asLong();
    JsonNode detail = API.get("/credentials/" + id).json();
    assertThat(detail.get("parent_id").asLong()).isEqualTo(parent);
    assertThat(detail.get("expires_at").isNull()).isTrue();
    assertThat(detail.get("policy").isNull()).isTrue();
    assertThat(detail.get("policies").isEmpty()).isTrue();
    JsonNode listed =
        API.get("/credentials")
            .json()
            .get("credentials")
            .valueStream()
            .filter(c -> c.get("id").asLong() == id)
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("parent_id").asLong()).isEqualTo(parent);
    assertThat(API.get("/credentials/" + parent).json().get("parent_id").isNull()).isTrue();
    try (S3Client s3 = client(sa)) {
      s3.listBuckets();
    }

    assertThat(API.delete("/credentials/" + parent).status()).isEqualTo(200);
    assertThat(API.get("/credentials/" + id).status()).isEqualTo(404);
    assertThat(refusal(sa).awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
  }

  @Test
  void invalidServiceAccountsAreRefused() {
    long parent = create("{}").get("id").asLong();
    long sa = create("{\"parent_id\": " + parent + "}").get("id").asLong();
    assertRefused("{\"parent_id\": 999999}", 404, "no_such_credential");
    assertRefused("{\"parent_id\": " + sa + "}", 400, "invalid_request");
    assertRefused("{\"parent_id\": 0}", 400, "invalid_request");
    assertRefused(
        "{\"parent_id\": " + parent + ", \"policies\": [\"readonly\"]}", 400, "invalid_request");
    assertRefused("{\"parent_id\": " + parent + ", \"groups\": [\"g\"]}", 400, "invalid_request");
    assertRefused("{\"policy\": {\"Statement\": []}}", 400, "invalid_request");
    assertRefused(
        "{\"parent_id\": " + parent + ", \"expires_at\": \"tomorrow\"}", 400, "invalid_request");
    assertRefused("{\"parent_id\": " + parent + ", \"policy\": 5}", 400, "invalid_request");
    assertRefused("{\"policies\": [\"nope\"]}", 404, "no_such_policy");
    assertRefused("{\"groups\": [\"nope\"]}", 404, "no_such_group");
    assertThat(
            API.put("/credentials/" + sa + "/policies", "{\"policies\": [\"readonly\"]}").status())
        .isEqualTo(400);
    assertThat(API.post("/groups", "{\"name\": \"sa-group\", \"members\": [" + sa + "]}").status())
        .isEqualTo(400);
  }

  static void assertRefused(String body, int status, String error) {
    Api.Reply reply = API.post("/credentials", body);
    assertThat(reply.status()).as(body).isEqualTo(status);
    assertThat(reply.json().get("error").asString()).as(body).isEqualTo(error);
  }

  @Test
  void anExpiredServiceAccountIsRefusedAsAnInactiveKeyIs() throws Exception {
    long parent = create("{}").get("id").asLong();
    JsonNode inactive = create("{}");
    API.put("/credentials/" + inactive.get("id").asLong(), "{\"is_active\": false}");
    S3Exception asInactive = refusal(inactive);

    JsonNode expired =
        create("{\"parent_id\": " + parent + ", \"expires_at\": \"2020-01-01T00:00:00+01:00\"}");
    assertThat(
            API.get("/credentials/" + expired.get("id").asLong())
                .json()
                .get("expires_at")
                .asString())
        .isEqualTo("2019-12-31T23:00:00Z");
    S3Exception refused = refusal(expired);
    assertThat(refused.statusCode()).isEqualTo(asInactive.statusCode()).isEqualTo(403);
    assertThat(refused.awsErrorDetails().errorCode())
        .isEqualTo(asInactive.awsErrorDetails().errorCode());

    // one that works now stops working at its expiry, with no change made to it
    Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    JsonNode expiring = create("{\"parent_id\": " + parent + ", \"expires_at\": \"" + soon + "\"}");
    try (S3Client s3 = client(expiring)) {
      s3.listBuckets();
      while (Instant.now().isBefore(soon.plusSeconds(1))) {
        Thread.sleep(200);
      }
      S3Exception late = catchThrowableOfType(S3Exception.class, s3::listBuckets);
      assertThat(late).isNotNull();
      assertThat(late.awsErrorDetails().errorCode())
          .isEqualTo(asInactive.awsErrorDetails().errorCode());
    }
  }

  @Test
  void aServiceAccountStopsWorkingWhileItsParentIsInactive() {
    long parent = create("{}").get("id").asLong();
    JsonNode sa = create("{\"parent_id\": " + parent + "}");
    try (S3Client s3 = client(sa)) {
      s3.listBuckets(); // cached by the S3 port
      assertThat(API.put("/credentials/" + parent, "{\"is_active\": false}").status())
          .isEqualTo(200);
      S3Exception refused = catchThrowableOfType(S3Exception.class, s3::listBuckets);
      assertThat(refused).isNotNull();
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
      API.put("/credentials/" + parent, "{\"is_active\": true}");
      s3.listBuckets();
    }
  }

  @Test
  void anInlinePolicyIsValidatedAndShownAsAnObject() {
    long parent = create("{}").get("id").asLong();
    String policy =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::builds/*\"}]}";
    JsonNode sa = create("{\"parent_id\": " + parent + ", \"policy\": " + policy + "}");
    assertThat(API.get("/credentials/" + sa.get("id").asLong()).json().get("policy"))
        .isEqualTo(Api.JSON.readTree(policy));
    JsonNode asString =
        create("{\"parent_id\": " + parent + ", \"policy\": " + Api.json(policy) + "}");
    assertThat(API.get("/credentials/" + asString.get("id").asLong()).json().get("policy"))
        .isEqualTo(Api.JSON.readTree(policy));
    assertRefused(
        "{\"parent_id\": "
            + parent
            + ", \"policy\": {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:Nope\","
            + " \"Resource\": \"*\"}]}}",
        400,
        "malformed_policy");
  }
}
