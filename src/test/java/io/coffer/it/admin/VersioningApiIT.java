package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The management API's versioning and object lock routes. */
class VersioningApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static long ownerId;

  @BeforeAll
  static void owner() {
    ownerId = API.get("/credentials").json().get("credentials").get(0).get("id").asLong();
  }

  static void createBucket(String name, boolean lock) {
    Api.Reply reply =
        API.post(
            "/buckets",
            "{\"name\": \""
                + name
                + "\", \"owner_id\": "
                + ownerId
                + ", \"object_lock\": "
                + lock
                + "}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
  }

  /** Uploads through the management API; answers the new version's ID. */
  static String upload(String bucket, String key, String body) {
    Api.Reply reply = API.put("/buckets/" + bucket + "/objects/" + key, body);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    return reply.json().get("version_id").asString();
  }

  static String download(String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(SERVER.apiUri() + path))
                      .header("X-API-Key", CofferTestServer.API_KEY)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JsonNode> versions(String bucket, String key) {
    Api.Reply reply = API.get("/buckets/" + bucket + "/objects/" + key + "/versions");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    return reply.json().get("versions").valueStream().toList();
  }

  @Test
  void bucketsShowVersioningAndObjectLock() {
    createBucket("plain-bucket", false);
    createBucket("locked-bucket", true);
    JsonNode plain = API.get("/buckets/plain-bucket").json();
    assertThat(plain.has("versioning")).isTrue();
    assertThat(plain.get("versioning").isNull()).isTrue();
    assertThat(plain.get("object_lock").asBoolean()).isFalse();
    JsonNode locked = API.get("/buckets/locked-bucket").json();
    assertThat(locked.get("versioning").asString()).isEqualTo("Enabled");
    assertThat(locked.get("object_lock").asBoolean()).isTrue();
    JsonNode listed =
        API.get("/buckets")
            .json()
            .get("buckets")
            .valueStream()
            .filter(b -> b.get("name").asString().equals("locked-bucket"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("versioning").asString()).isEqualTo("Enabled");
    assertThat(listed.get("object_lock").asBoolean()).isTrue();
  }

  @Test
  void versioningIsEnabledAndSuspendedWithStatusCodes() {
    createBucket("toggle-bucket", false);
    Api.Reply enabled = API.put("/buckets/toggle-bucket/versioning", "{\"status\": \"Enabled\"}");
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().get("versioning").asString()).isEqualTo("Enabled");
    assertThat(API.get("/buckets/toggle-bucket").json().get("versioning").asString())
        .isEqualTo("Enabled");
    Api.Reply suspended =
        API.put("/buckets/toggle-bucket/versioning", "{\"status\": \"Suspended\"}");
    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.json().get("versioning").asString()).isEqualTo("Suspended");
    assertThat(API.get("/buckets/toggle-bucket").json().get("versioning").asString())
        .isEqualTo("Suspended");
    Api.Reply bad = API.put("/buckets/toggle-bucket/versioning", "{\"status\": \"enabled\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asString()).isEqualTo("invalid_request");
    assertThat(API.put("/buckets/toggle-bucket/versioning", "{}").status()).isEqualTo(400);
    assertThat(API.put("/buckets/no-such-bucket/versioning", "{\"status\": \"Enabled\"}").status())
        .isEqualTo(404);

    createBucket("lock-toggle", true);
    Api.Reply refused = API.put("/buckets/lock-toggle/versioning", "{\"status\": \"Suspended\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).isEqualTo("invalid_bucket_state");
  }

  @Test
  void aKeysVersionsAreListedNewestFirstAndReadByVersionId() {
    createBucket("history", false);
    API.put("/buckets/history/versioning", "{\"status\": \"Enabled\"}");
    String v1 = upload("history", "docs/a.txt", "first");
    String v2 = upload("history", "docs/a.txt", "second!");
    upload("history", "docs/a.txt.bak", "other key with the same prefix");
    assertThat(v1).isNotEqualTo(v2).matches("[0-9a-f]{32}");

    Api.Reply reply = API.get("/buckets/history/objects/docs/a.txt/versions");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.VERSION_LIST, reply.json());
    List<JsonNode> versions = reply.json().get("versions").valueStream().toList();
    assertThat(versions).extracting(v -> v.get("version_id").asString()).containsExactly(v2, v1);
    assertThat(versions.get(0).get("is_latest").asBoolean()).isTrue();
    assertThat(versions.get(1).get("is_latest").asBoolean()).isFalse();
    assertThat(versions.get(0).get("size").asLong()).isEqualTo(7);
    assertThat(versions.get(1).get("size_human").asString()).isEqualTo("5.0 B");

    // The key's own slash sent as %2F is never the separator before /versions.
    assertThat(API.get("/buckets/history/objects/docs%2Fa.txt/versions").status()).isEqualTo(200);

    Api.Reply old = API.get("/buckets/history/objects/docs/a.txt?version_id=" + v1);
    assertThat(old.status()).isEqualTo(200);
    assertThat(old.json().get("version_id").asString()).isEqualTo(v1);
    assertThat(old.json().get("size").asLong()).isEqualTo(5);
    assertThat(API.get("/buckets/history/objects/docs/a.txt").json().get("version_id").asString())
        .isEqualTo(v2);
    assertThat(download("/buckets/history/download/docs/a.txt?version_id=" + v1))
        .isEqualTo("first");
    assertThat(download("/buckets/history/download/docs/a.txt")).isEqualTo("second!");

    Api.Reply unknown =
        API.get("/buckets/history/objects/docs/a.txt?version_id=0123456789abcdef0123456789abcdef");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asString()).isEqualTo("no_such_version");
    Api.Reply malformed = API.get("/buckets/history/objects/docs/a.txt?version_id=nope");
    assertThat(malformed.status()).isEqualTo(400);
  }

  @Test
  void versionsArePagedWithMarkers() {
    createBucket("paged", false);
    API.put("/buckets/paged/versioning", "{\"status\": \"Enabled\"}");
    String v1 = upload("paged", "k", "1");
    String v2 = upload("paged", "k", "2");
    String v3 = upload("paged", "k", "3");
    upload("paged", "k2", "x");
    Api.Reply first = API.get("/buckets/paged/objects/k/versions?limit=2");
    assertThat(first.json().get("truncated").asBoolean()).isTrue();
    assertThat(first.json().get("versions").valueStream().map(v -> v.get("version_id").asString()))
        .containsExactly(v3, v2);
    String marker = first.json().get("next_marker").asString();
    assertThat(marker).isEqualTo(v2);
    Api.Reply second = API.get("/buckets/paged/objects/k/versions?limit=2&marker=" + marker);
    assertThat(second.json().get("truncated").asBoolean()).isFalse();
    assertThat(second.json().has("next_marker")).isFalse();
    assertThat(second.json().get("versions").valueStream().map(v -> v.get("version_id").asString()))
        .containsExactly(v1);

    Api.Reply bucketWide = API.get("/buckets/paged/versions?limit=3");
    assertThat(bucketWide.status()).isEqualTo(200);
    assertThat(bucketWide.json().get("truncated").asBoolean()).isTrue();
    assertThat(bucketWide.json().get("next_key_marker").asString()).isEqualTo("k");
    Api.Reply rest =
        API.get(
            "/buckets/paged/versions?key_marker=k&version_id_marker="
                + bucketWide.json().get("next_version_id_marker").asString());
    assertThat(rest.json().get("versions").valueStream().map(v -> v.get("key").asString()))
        .containsExactly("k2");
  }

  @Test
  void deleteAddsAMarkerAndVersionIdRemovesOneVersion() {
    createBucket("deletes", false);
    API.put("/buckets/deletes/versioning", "{\"status\": \"Enabled\"}");
    String v1 = upload("deletes", "f", "one");
    String v2 = upload("deletes", "f", "two");
    assertThat(API.delete("/buckets/deletes/objects/f").status()).isEqualTo(200);
    List<JsonNode> afterMarker = versions("deletes", "f");
    assertThat(afterMarker).hasSize(3);
    assertThat(afterMarker.get(0).get("is_delete_marker").asBoolean()).isTrue();
    assertThat(afterMarker.get(0).get("is_latest").asBoolean()).isTrue();
    assertThat(afterMarker.get(0).get("size").asLong()).isZero();
    assertThat(API.get("/buckets/deletes/objects/f").status()).isEqualTo(404);
    String marker = afterMarker.get(0).get("version_id").asString();
    assertThat(API.get("/buckets/deletes/objects/f?version_id=" + marker).status()).isEqualTo(405);

    assertThat(API.delete("/buckets/deletes/objects/f?version_id=" + v1).status()).isEqualTo(200);
    assertThat(versions("deletes", "f"))
        .extracting(v -> v.get("version_id").asString())
        .containsExactly(marker, v2);
    // Removing the marker brings v2 back.
    assertThat(API.delete("/buckets/deletes/objects/f?version_id=" + marker).status())
        .isEqualTo(200);
    assertThat(API.get("/buckets/deletes/objects/f").json().get("version_id").asString())
        .isEqualTo(v2);
    assertThat(API.delete("/buckets/deletes/objects/f?version_id=bad").status()).isEqualTo(400);
  }

  @Test
  void restoreCopiesAnOldVersionToTheTop() {
    createBucket("restores", false);
    API.put("/buckets/restores/versioning", "{\"status\": \"Enabled\"}");
    String v1 = upload("restores", "r.txt", "old text");
    upload("restores", "r.txt", "new text");
    Api.Reply restored =
        API.post("/buckets/restores/objects/r.txt/restore", "{\"version_id\": \"" + v1 + "\"}");
    assertThat(restored.status()).as(restored.http().body()).isEqualTo(200);
    assertThat(restored.json().get("key").asString()).isEqualTo("r.txt");
    String v3 = restored.json().get("version_id").asString();
    assertThat(v3).isNotEqualTo(v1);
    assertThat(download("/buckets/restores/download/r.txt")).isEqualTo("old text");
    assertThat(versions("restores", "r.txt")).hasSize(3);
    assertThat(API.post("/buckets/restores/objects/r.txt/restore", "{}").status()).isEqualTo(400);
    assertThat(
            API.post(
                    "/buckets/restores/objects/r.txt/restore",
                    "{\"version_id\": \"0123456789abcdef0123456789abcdef\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void lockedVersionsAreRefusedWith409ObjectLocked() {
    createBucket("vault", true);
    String v1 = upload("vault", "evidence.txt", "keep me");
    Api.Reply hold =
        API.post(
            "/buckets/vault/objects/evidence.txt/legal-hold",
            "{\"status\": \"ON\", \"version_id\": \"" + v1 + "\"}");
    assertThat(hold.status()).as(hold.http().body()).isEqualTo(200);
    assertThat(hold.json().get("legal_hold").asBoolean()).isTrue();
    assertThat(hold.json().get("version_id").asString()).isEqualTo(v1);
    assertThat(
            API.get("/buckets/vault/objects/evidence.txt?version_id=" + v1)
                .json()
                .get("legal_hold")
                .asBoolean())
        .isTrue();
    assertThat(versions("vault", "evidence.txt").get(0).get("legal_hold").asBoolean()).isTrue();

    Api.Reply refused = API.delete("/buckets/vault/objects/evidence.txt?version_id=" + v1);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).isEqualTo("object_locked");

    assertThat(
            API.post(
                    "/buckets/vault/objects/evidence.txt/legal-hold",
                    "{\"status\": \"OFF\", \"version_id\": \"" + v1 + "\"}")
                .json()
                .get("legal_hold")
                .asBoolean())
        .isFalse();
    assertThat(
            API.post("/buckets/vault/objects/evidence.txt/legal-hold", "{\"status\": \"on\"}")
                .status())
        .isEqualTo(400);

    String until =
        Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Api.Reply retention =
        API.post(
            "/buckets/vault/objects/evidence.txt/retention",
            "{\"mode\": \"GOVERNANCE\", \"retain_until\": \"" + until + "\"}");
    assertThat(retention.status()).as(retention.http().body()).isEqualTo(200);
    assertThat(retention.json().get("retention_mode").asString()).isEqualTo("GOVERNANCE");
    assertThat(retention.json().get("retain_until").asString()).isEqualTo(until);
    JsonNode detail = API.get("/buckets/vault/objects/evidence.txt?version_id=" + v1).json();
    assertThat(detail.get("retention_mode").asString()).isEqualTo("GOVERNANCE");
    assertThat(API.delete("/buckets/vault/objects/evidence.txt?version_id=" + v1).status())
        .isEqualTo(409);
    // Removing a running GOVERNANCE retention needs the bypass.
    Api.Reply noBypass =
        API.post(
            "/buckets/vault/objects/evidence.txt/retention",
            "{\"mode\": null, \"retain_until\": null}");
    assertThat(noBypass.status()).isEqualTo(409);
    assertThat(noBypass.json().get("error").asString()).isEqualTo("object_locked");
    assertThat(
            API.post(
                    "/buckets/vault/objects/evidence.txt/retention",
                    "{\"mode\": \"GOVERNANCE\", \"retain_until\": null}")
                .status())
        .isEqualTo(400);
    assertThat(
            API.delete(
                    "/buckets/vault/objects/evidence.txt?bypass_governance=true&version_id=" + v1)
                .status())
        .isEqualTo(200);
    assertThat(versions("vault", "evidence.txt")).isEmpty();
  }

  @Test
  void lockRoutesOnABucketWithoutObjectLockAre400() {
    createBucket("no-lock", false);
    upload("no-lock", "x", "x");
    Api.Reply reply = API.post("/buckets/no-lock/objects/x/legal-hold", "{\"status\": \"ON\"}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asString()).isEqualTo("invalid_request");
  }

  /** The sub-resource routes take no PUT: an upload to a key ending in one still uploads. */
  @Test
  void uploadsToKeysEndingInASubResourceNameStillUpload() {
    createBucket("names", false);
    upload("names", "notes/retention", "r");
    upload("names", "notes/legal-hold", "h");
    assertThat(download("/buckets/names/download/notes/retention")).isEqualTo("r");
    assertThat(download("/buckets/names/download/notes/legal-hold")).isEqualTo("h");
    // the details of a key ending in /versions name that slash as %2F
    upload("names", "notes/versions", "v");
    assertThat(API.get("/buckets/names/objects/notes%2Fversions").json().get("size").asLong())
        .isEqualTo(1);
  }
}
