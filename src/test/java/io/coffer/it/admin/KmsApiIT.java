package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** /api/v1/kms/keys: create, list, read, disable and enable named keys; never any key material. */
class KmsApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();

  static final Api API = new Api(SERVER);

  @Test
  void keysAreCreatedListedDisabledAndEnabledAgain() {
    Api.Reply created = API.post("/kms/keys", "{\"name\": \"app-key\"}");
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    assertThat(fields(created.json()))
        .containsExactly("name", "enabled", "master_key_id", "created_at");
    assertThat(created.json().get("name").asString()).isEqualTo("app-key");
    assertThat(created.json().get("enabled").asBoolean()).isTrue();
    assertThat(created.json().get("master_key_id").asString()).isEqualTo("master-1");

    Api.Reply again = API.post("/kms/keys", "{\"name\": \"app-key\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asString()).isEqualTo("kms_key_exists");

    assertThat(API.post("/kms/keys", "{\"name\": \"team/reports\"}").status()).isEqualTo(201);
    List<String> names = new ArrayList<>();
    API.get("/kms/keys").json().get("keys").forEach(k -> names.add(k.get("name").asString()));
    assertThat(names).contains("app-key", "team/reports");

    Api.Reply disabled = API.put("/kms/keys/app-key", "{\"enabled\": false}");
    assertThat(disabled.status()).as(disabled.http().body()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    assertThat(API.get("/kms/keys/app-key").json().get("enabled").asBoolean()).isFalse();
    assertThat(
            API.put("/kms/keys/app-key", "{\"enabled\": true}").json().get("enabled").asBoolean())
        .isTrue();
    // a name with a slash, raw or encoded
    assertThat(API.put("/kms/keys/team%2Freports", "{\"enabled\": false}").status()).isEqualTo(200);
    assertThat(API.get("/kms/keys/team/reports").json().get("enabled").asBoolean()).isFalse();
  }

  @Test
  void badRequestsAreRefused() {
    for (String body :
        List.of(
            "{}",
            "{\"name\": \"\"}",
            "{\"name\": \"has space\"}",
            "{\"name\": \"arn:aws:kms:x\"}",
            "{\"name\": \"" + "k".repeat(257) + "\"}",
            "{\"name\": 5}",
            "{\"name\": \"ok\", \"material\": \"AAAA\"}")) {
      assertThat(API.post("/kms/keys", body).status()).as(body).isEqualTo(400);
    }
    assertThat(API.put("/kms/keys/nobody", "{\"enabled\": false}").status()).isEqualTo(404);
    assertThat(API.get("/kms/keys/nobody").status()).isEqualTo(404);
    assertThat(API.post("/kms/keys", "{\"name\": \"bad-put\"}").status()).isEqualTo(201);
    assertThat(API.put("/kms/keys/bad-put", "{}").status()).isEqualTo(400);
    assertThat(API.put("/kms/keys/bad-put", "{\"enabled\": \"no\"}").status()).isEqualTo(400);
  }

  @Test
  void theMasterKeyIsOwnerOnlyAndNeverInAnAnswer() throws Exception {
    Path file = SERVER.dataDir().resolve(".coffer/master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String entry =
        Files.readAllLines(file).stream().filter(l -> l.startsWith("master-1:")).findFirst().get();
    String secret = entry.substring(entry.indexOf(':') + 1);
    API.post("/kms/keys", "{\"name\": \"shown\"}");
    for (String path : List.of("/kms/keys", "/kms/keys/shown", "/stats")) {
      assertThat(API.get(path).http().body()).doesNotContain(secret);
    }
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
