package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** /api/v1/groups, with built-in policies (no policy document to validate). */
class GroupApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static long credential() {
    return API.post("/credentials", "{}").json().get("id").asLong();
  }

  @Test
  void aGroupIsCreatedReadUpdatedAndDeleted() {
    long a = credential();
    long b = credential();
    Api.Reply created =
        API.post(
            "/groups",
            "{\"name\": \"developers\", \"members\": ["
                + b
                + ", "
                + a
                + "], \"policies\":"
                + " [\"readonly\"]}");
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    JsonNode g = created.json();
    assertThat(g.get("name").asString()).isEqualTo("developers");
    assertThat(g.get("members").toString()).isEqualTo("[" + a + "," + b + "]");
    assertThat(g.get("policies").toString()).isEqualTo("[\"readonly\"]");
    assertThat(API.get("/groups/developers").json()).isEqualTo(g);
    assertThat(API.get("/groups").json().get("groups").valueStream())
        .extracting(x -> x.get("name").asString())
        .contains("developers");
    assertThat(API.get("/credentials/" + a).json().get("groups").toString())
        .isEqualTo("[\"developers\"]");
    assertThat(API.get("/policies/readonly").json().get("attached_to").get("groups").toString())
        .contains("developers");
    JsonNode listed =
        API.get("/credentials")
            .json()
            .get("credentials")
            .valueStream()
            .filter(c -> c.get("id").asLong() == b)
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("groups").toString()).isEqualTo("[\"developers\"]");

    // members only: the policies stay
    JsonNode members = API.put("/groups/developers", "{\"members\": [" + b + "]}").json();
    assertThat(members.get("members").toString()).isEqualTo("[" + b + "]");
    assertThat(members.get("policies").toString()).isEqualTo("[\"readonly\"]");
    JsonNode policies =
        API.put("/groups/developers", "{\"policies\": [\"writeonly\", \"readwrite\"]}").json();
    assertThat(policies.get("members").toString()).isEqualTo("[" + b + "]");
    assertThat(policies.get("policies").toString()).isEqualTo("[\"readwrite\",\"writeonly\"]");
    assertThat(API.get("/credentials/" + a).json().get("groups").isEmpty()).isTrue();

    assertThat(API.delete("/groups/developers").status()).isEqualTo(200);
    assertThat(API.get("/groups/developers").status()).isEqualTo(404);
    assertThat(API.get("/credentials/" + b).json().get("groups").isEmpty()).isTrue();
  }

  @Test
  void conflictsUnknownNamesAndBadBodies() {
    long a = credential();
    assertThat(API.post("/groups", "{\"name\": \"ops\"}").status()).isEqualTo(201);
    Api.Reply again = API.post("/groups", "{\"name\": \"ops\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asString()).isEqualTo("group_already_exists");

    Api.Reply member = API.post("/groups", "{\"name\": \"x\", \"members\": [999999]}");
    assertThat(member.status()).isEqualTo(404);
    assertThat(member.json().get("error").asString()).isEqualTo("no_such_credential");
    Api.Reply policy = API.post("/groups", "{\"name\": \"x\", \"policies\": [\"nope\"]}");
    assertThat(policy.status()).isEqualTo(404);
    assertThat(policy.json().get("error").asString()).isEqualTo("no_such_policy");
    assertThat(API.get("/groups/x").status()).isEqualTo(404);
    assertThat(API.get("/groups/x").json().get("error").asString()).isEqualTo("no_such_group");
    assertThat(API.put("/groups/x", "{\"members\": []}").status()).isEqualTo(404);
    assertThat(API.delete("/groups/x").status()).isEqualTo(404);
    // a refused update changes nothing
    assertThat(API.put("/groups/ops", "{\"members\": [" + a + ", 999999]}").status())
        .isEqualTo(404);
    assertThat(API.get("/groups/ops").json().get("members").isEmpty()).isTrue();

    assertThat(API.post("/groups", "{}").status()).isEqualTo(400);
    assertThat(API.post("/groups", "{\"name\": \"a/b\"}").status()).isEqualTo(400);
    assertThat(API.post("/groups", "{\"name\": \"y\", \"members\": [\"1\"]}").status())
        .isEqualTo(400);
    assertThat(API.post("/groups", "{\"name\": \"y\", \"members\": [null]}").status())
        .isEqualTo(400);
    assertThat(API.post("/groups", "{\"name\": \"y\", \"member\": []}").status()).isEqualTo(400);
  }

  @Test
  void deletingACredentialRemovesItFromItsGroups() {
    long a = credential();
    API.post("/groups", "{\"name\": \"leavers\", \"members\": [" + a + "]}");
    assertThat(API.delete("/credentials/" + a).status()).isEqualTo(200);
    assertThat(API.get("/groups/leavers").json().get("members").isEmpty()).isTrue();
  }
}
