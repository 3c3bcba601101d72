package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** /api/v1/policies: stored documents are validated by the policy engine; built-ins are fixed. */
class PolicyApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static final String READ_PHOTOS =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
          + " [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::photos/*\"}]}";

  static long credential() {
    return API.post("/credentials", "{}").json().get("id").asLong();
  }

  static JsonNode created(String name, String document) {
    Api.Reply reply =
        API.post("/policies", "{\"name\": \"" + name + "\", \"document\": " + document + "}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    return reply.json();
  }

  @Test
  void theBuiltInPoliciesExistFromTheStartAndCannotBeChanged() {
    JsonNode list = API.get("/policies").json().get("policies");
    assertThat(list.valueStream().filter(p -> p.get("builtin").asBoolean()))
        .extracting(p -> p.get("name").asString())
        .containsExactly("admin", "readonly", "readwrite", "writeonly");
    JsonNode readonly = API.get("/policies/readonly").json();
    assertThat(readonly.get("builtin").asBoolean()).isTrue();
    assertThat(readonly.get("document").isObject()).isTrue();
    assertThat(readonly.get("document").get("Statement").get(0).get("Action").toString())
        .contains("s3:GetObject", "s3:ListBucket")
        .doesNotContain("s3:PutObject");
    assertThat(API.get("/policies/admin").json().get("document").toString()).contains("s3:*");

    Api.Reply change = API.put("/policies/readonly", "{\"document\": " + READ_PHOTOS + "}");
    assertThat(change.status()).isEqualTo(409);
    assertThat(change.json().get("error").asString()).isEqualTo("built_in_policy");
    assertThat(change.json().get("message").asString()).contains("built in");
    Api.Reply delete = API.delete("/policies/admin");
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.json().get("error").asString()).isEqualTo("built_in_policy");
    Api.Reply take = API.post("/policies", "{\"name\": \"readwrite\", \"document\": {}}");
    assertThat(take.status()).isEqualTo(409);
    assertThat(API.get("/policies/readonly").json().get("document"))
        .isEqualTo(readonly.get("document"));
  }

  @Test
  void attachingBuiltInPoliciesShowsOnBothSides() {
    long id = credential();
    assertThat(
            API.put("/credentials/" + id + "/policies", "{\"policies\": [\"readonly\"]}").status())
        .isEqualTo(200);
    assertThat(API.get("/credentials/" + id).json().get("policies").toString())
        .isEqualTo("[\"readonly\"]");
    JsonNode attached = API.get("/policies/readonly").json().get("attached_to");
    assertThat(attached.get("credentials").valueStream().map(JsonNode::asLong)).contains(id);
    // the set is replaced, not added to
    API.put("/credentials/" + id + "/policies", "{\"policies\": [\"writeonly\"]}");
    assertThat(API.get("/credentials/" + id).json().get("policies").toString())
        .isEqualTo("[\"writeonly\"]");
    assertThat(
            API.get("/policies/readonly").json().get("attached_to").get("credentials").toString())
        .doesNotContain(Long.toString(id));
  }

  @Test
  void unknownNamesAndBadBodies() {
    long id = credential();
    Api.Reply unknown = API.put("/credentials/" + id + "/policies", "{\"policies\": [\"nope\"]}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asString()).isEqualTo("no_such_policy");
    assertThat(API.put("/credentials/999999/policies", "{\"policies\": []}").status())
        .isEqualTo(404);
    assertThat(API.put("/credentials/" + id + "/policies", "{}").status()).isEqualTo(400);
    assertThat(API.put("/credentials/" + id + "/policies", "{\"policies\": \"readonly\"}").status())
        .isEqualTo(400);
    assertThat(API.get("/policies/nope").status()).isEqualTo(404);
    assertThat(API.get("/policies/nope").json().get("error").asString())
        .isEqualTo("no_such_policy");
    assertThat(API.delete("/policies/nope").status()).isEqualTo(404);
    assertThat(API.post("/policies", "{\"document\": {}}").status()).isEqualTo(400);
    assertThat(API.post("/policies", "{\"name\": \"x\"}").status()).isEqualTo(400);
    assertThat(API.post("/policies", "{\"name\": \"x\", \"document\": 5}").status()).isEqualTo(400);
    assertThat(API.post("/policies", "{\"name\": \"x\", \"document\": {}, \"extra\": 1}").status())
        .isEqualTo(400);
    Api.Reply badName = API.post("/policies", "{\"name\": \"a b\", \"document\": {}}");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.json().get("error").asString()).isEqualTo("invalid_request");
  }

  @Test
  void aPolicyIsCreatedReadUpdatedAndDeleted() {
    JsonNode p = created("read-photos", READ_PHOTOS);
    assertThat(p.get("name").asString()).isEqualTo("read-photos");
    assertThat(p.get("builtin").asBoolean()).isFalse();
    assertThat(p.get("document")).isEqualTo(Api.JSON.readTree(READ_PHOTOS));
    assertThat(p.get("attached_to").get("credentials").isEmpty()).isTrue();
    assertThat(p.get("created_at").asString()).matches("\\d{4}-.*Z");
    assertThat(API.get("/policies/read-photos").json()).isEqualTo(p);
    assertThat(API.get("/policies").json().get("policies").valueStream())
        .extracting(x -> x.get("name").asString())
        .contains("read-photos");

    // a string holding the JSON is accepted too; the answer shows an object
    String other = READ_PHOTOS.replace("photos", "videos");
    Api.Reply updated = API.put("/policies/read-photos", "{\"document\": " + Api.json(other) + "}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("document")).isEqualTo(Api.JSON.readTree(other));

    assertThat(
            API.post("/policies", "{\"name\": \"read-photos\", \"document\": " + READ_PHOTOS + "}")
                .json()
                .get("error")
                .asString())
        .isEqualTo("policy_already_exists");
    assertThat(API.delete("/policies/read-photos").status()).isEqualTo(200);
    assertThat(API.get("/policies/read-photos").status()).isEqualTo(404);
  }

  @Test
  void aMalformedDocumentIsRefusedWithTheEnginesMessage() {
    for (String bad :
        List.of(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:NoSuchAction\","
                + " \"Resource\": \"*\"}]}",
            "{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"*\"}]}",
            "\"not json\"")) {
      Api.Reply reply = API.post("/policies", "{\"name\": \"bad\", \"document\": " + bad + "}");
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.json().get("error").asString()).isEqualTo("malformed_policy");
      assertThat(reply.json().get("message").asString()).isNotBlank();
    }
    assertThat(API.get("/policies/bad").status()).isEqualTo(404);
  }

  @Test
  void anAttachedPolicyCannotBeDeleted() {
    created("attached", READ_PHOTOS);
    long id = credential();
    API.put("/credentials/" + id + "/policies", "{\"policies\": [\"attached\"]}");
    API.post("/groups", "{\"name\": \"viewers\", \"policies\": [\"attached\"]}");
    JsonNode attachedTo = API.get("/policies/attached").json().get("attached_to");
    assertThat(attachedTo.get("credentials").toString()).isEqualTo("[" + id + "]");
    assertThat(attachedTo.get("groups").toString()).isEqualTo("[\"viewers\"]");

    Api.Reply refused = API.delete("/policies/attached");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).isEqualTo("policy_in_use");
    API.put("/credentials/" + id + "/policies", "{\"policies\": []}");
    assertThat(API.delete("/policies/attached").status()).isEqualTo(409);
    API.delete("/groups/viewers");
    assertThat(API.delete("/policies/attached").status()).isEqualTo(200);
  }
}
