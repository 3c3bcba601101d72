package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

class PresignedUrlApiIT {
  static final String BUCKET = "presign-bucket";
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET);
  static final Api API = new Api(SERVER);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void object() {
    SERVER
        .s3()
        .putObject(
            p -> p.bucket(BUCKET).key("file.txt"), RequestBody.fromString("hello presigned"));
  }

  static JsonNode issue(String key, String method, long expiresIn) {
    return issue(key, method, expiresIn, CofferTestServer.ACCESS_KEY);
  }

  static JsonNode issue(String key, String method, long expiresIn, String accessKey) {
    Api.Reply reply =
        API.post(
            "/presigned-urls",
            Api.json(
                Map.of(
                    "bucket_name",
                    BUCKET,
                    "object_key",
                    key,
                    "method",
                    method,
                    "expires_in",
                    expiresIn,
                    "access_key",
                    accessKey)));
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    return reply.json();
  }

  static HttpResponse<String> fetch(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Fetches the URL until the server stops serving it, or the deadline passes: the shortest expiry
   * is one second, counted in whole seconds on the server, so it ends within about two.
   */
  static HttpResponse<String> fetchUntilRefused(String url, Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    HttpResponse<String> got = fetch(url);
    while (got.statusCode() == 200 && System.nanoTime() < end) {
      Thread.sleep(50);
      got = fetch(url);
    }
    return got;
  }

  @Test
  void aGetUrlWorksWithAPlainHttpClient() throws Exception {
    JsonNode created = issue("file.txt", "GET", 3600);
    assertShape(SpecShapes.PRESIGNED_CREATED, created, "id", "expires_at");
    String url = created.get("url").asString();
    assertThat(url).startsWith(SERVER.s3Uri() + "/" + BUCKET + "/file.txt?");
    assertThat(url).contains("X-Amz-Signature=").contains("&hash=").contains("X-Amz-Expires=3600");
    HttpResponse<String> got = fetch(url);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("hello presigned");
  }

  @Test
  void aPutUrlStoresTheBody() throws Exception {
    String url = issue("dir/put me.txt", "PUT", 600).get("url").asString();
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("uploaded"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(
            SERVER
                .s3()
                .getObjectAsBytes(g -> g.bucket(BUCKET).key("dir/put me.txt"))
                .asUtf8String())
        .isEqualTo("uploaded");
  }

  @Test
  void theHashIsSignedSoChangingItBreaksTheUrl() throws Exception {
    String url = issue("file.txt", "GET", 600).get("url").asString();
    HttpResponse<String> tampered = fetch(url.replaceFirst("hash=([A-Za-z0-9_-])", "hash=Z$1"));
    assertThat(tampered.statusCode()).isEqualTo(403);
    assertThat(tampered.body()).contains("SignatureDoesNotMatch");
  }

  @Test
  void anExpiredUrlIsRefused() throws Exception {
    JsonNode created = issue("file.txt", "GET", 1);
    HttpResponse<String> got =
        fetchUntilRefused(created.get("url").asString(), Duration.ofSeconds(10));
    assertThat(got.statusCode()).isEqualTo(403);
    assertThat(got.body()).contains("AccessDenied");
    assertThat(statusOf(created)).isEqualTo("expired");
  }

  @Test
  void aRevokedUrlIsRefusedBeforeItExpires() throws Exception {
    JsonNode created = issue("file.txt", "GET", 3600);
    String url = created.get("url").asString();
    assertThat(fetch(url).statusCode()).isEqualTo(200);
    Api.Reply revoked = API.delete("/presigned-urls/" + created.get("id").asLong());
    assertThat(revoked.status()).isEqualTo(200);
    assertShape(SpecShapes.MESSAGE, revoked.json());
    HttpResponse<String> got = fetch(url);
    assertThat(got.statusCode()).isEqualTo(403);
    assertThat(got.body()).contains("<Code>AccessDenied</Code>");
    assertThat(statusOf(created)).isEqualTo("revoked");
    assertThat(API.delete("/presigned-urls/999999").status()).isEqualTo(404);
  }

  @Test
  void deactivatingOrDeletingTheCredentialInvalidatesItsUrls() throws Exception {
    JsonNode credential =
        API.post(
                "/credentials",
                "{\"user_name\": \"frank\", \"access_key\": \"FRANKACCESSKEY000001\","
                    + " \"secret_key\": \"frank-secret-key-1234567890\"}")
            .json();
    long id = credential.get("id").asLong();
    assertThat(
            API.post("/buckets", "{\"name\": \"franks-bucket\", \"owner_id\": " + id + "}")
                .status())
        .isEqualTo(201);
    assertThat(API.send("PUT", "/buckets/franks-bucket/objects/f.txt", "frank").status())
        .isEqualTo(200);
    String body =
        Api.json(
            Map.of(
                "bucket_name",
                "franks-bucket",
                "object_key",
                "f.txt",
                "access_key",
                "FRANKACCESSKEY000001"));
    JsonNode first = API.post("/presigned-urls", body).json();
    String url = first.get("url").asString();
    assertThat(fetch(url).body()).isEqualTo("frank");

    assertThat(API.put("/credentials/" + id, "{\"is_active\": false}").status()).isEqualTo(200);
    assertThat(fetch(url).statusCode()).isEqualTo(403);
    assertThat(statusOf(first)).isEqualTo("revoked");
    // Reactivating does not bring revoked URLs back.
    assertThat(API.put("/credentials/" + id, "{\"is_active\": true}").status()).isEqualTo(200);
    assertThat(fetch(url).statusCode()).isEqualTo(403);

    JsonNode secondCreated = API.post("/presigned-urls", body).json();
    String second = secondCreated.get("url").asString();
    assertThat(fetch(second).statusCode()).isEqualTo(200);
    assertThat(API.delete("/buckets/franks-bucket/objects/f.txt").status()).isEqualTo(200);
    assertThat(API.delete("/buckets/franks-bucket").status()).isEqualTo(200);
    assertThat(API.delete("/credentials/" + id).status()).isEqualTo(200);
    assertThat(fetch(second).statusCode()).isEqualTo(403);
    assertThat(statusOf(secondCreated)).isEqualTo("revoked");
  }

  @Test
  void urlsSignedOutsideTheApiStillWork() throws Exception {
    String url =
        SigV4Signer.presign(
            "GET",
            SERVER.s3Uri().toString(),
            BUCKET,
            "file.txt",
            Map.of(),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            Instant.now(),
            60);
    assertThat(fetch(url).statusCode()).isEqualTo(200);
    // A hash this server never issued is refused, even when correctly signed.
    String forged =
        SigV4Signer.presign(
            "GET",
            SERVER.s3Uri().toString(),
            BUCKET,
            "file.txt",
            Map.of("hash", "never-issued"),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            Instant.now(),
            60);
    assertThat(fetch(forged).statusCode()).isEqualTo(403);
  }

  @Test
  void theListHasTheSpecificationsShapeWithIdAndStatus() {
    issue("file.txt", "DELETE", 100);
    Api.Reply reply = API.get("/presigned-urls");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.PRESIGNED_LIST, reply.json(), "id", "status");
    JsonNode last = reply.json().get("urls").get(reply.json().get("urls").size() - 1);
    assertThat(last.get("method").asString()).isEqualTo("DELETE");
    assertThat(last.get("status").asString()).isEqualTo("active");
    assertThat(last.get("access_key").asString()).isEqualTo(CofferTestServer.ACCESS_KEY);
    assertThat(Instant.parse(last.get("expires_at").asString()))
        .isEqualTo(Instant.parse(last.get("created_at").asString()).plusSeconds(100));
  }

  @Test
  void validation() {
    String base =
        "\"bucket_name\": \""
            + BUCKET
            + "\", \"object_key\": \"file.txt\", \"access_key\": \""
            + CofferTestServer.ACCESS_KEY
            + "\"";
    assertInvalid("{" + base + ", \"expires_in\": 0}");
    assertInvalid("{" + base + ", \"expires_in\": 604801}");
    assertInvalid("{" + base + ", \"expires_in\": -5}");
    assertInvalid("{" + base + ", \"expires_in\": \"3600\"}");
    assertInvalid("{" + base + ", \"expires_in\": 36.5}");
    assertInvalid("{" + base + ", \"method\": \"PATCH\"}");
    assertInvalid("{" + base + ", \"method\": \"get\"}");
    assertInvalid("{" + base + ", \"method\": 1}");
    assertInvalid("{" + base + ", \"extra\": true}");
    assertInvalid(
        "{\"object_key\": \"file.txt\", \"access_key\": \"" + CofferTestServer.ACCESS_KEY + "\"}");
    assertInvalid(
        "{\"bucket_name\": \""
            + BUCKET
            + "\", \"access_key\": \""
            + CofferTestServer.ACCESS_KEY
            + "\"}");
    assertInvalid("{\"bucket_name\": \"" + BUCKET + "\", \"object_key\": \"file.txt\"}");
    assertThat(API.post("/presigned-urls", "{" + base + ", \"expires_in\": 604800}").status())
        .isEqualTo(201);
    assertThat(API.post("/presigned-urls", "{" + base + ", \"expires_in\": 1}").status())
        .isEqualTo(201);

    Api.Reply unknownKey =
        API.post(
            "/presigned-urls",
            "{\"bucket_name\": \""
                + BUCKET
                + "\", \"object_key\": \"f\", \"access_key\": \"NOSUCHKEY\"}");
    assertThat(unknownKey.status()).isEqualTo(404);
    Api.Reply unknownBucket =
        API.post(
            "/presigned-urls",
            "{\"bucket_name\": \"no-such-bucket\", \"object_key\": \"f\", \"access_key\": \""
                + CofferTestServer.ACCESS_KEY
                + "\"}");
    assertThat(unknownBucket.status()).isEqualTo(404);
    assertThat(unknownBucket.json().get("error").asString()).isEqualTo("no_such_bucket");
  }

  private static void assertInvalid(String body) {
    Api.Reply reply = API.post("/presigned-urls", body);
    assertThat(reply.status()).as(body + " -> " + reply.http().body()).isEqualTo(400);
    assertThat(reply.json().get("error").asString()).isIn("invalid_request", "malformed_json");
    assertThat(reply.json().get("message").asString()).isNotBlank();
  }

  private static String statusOf(JsonNode created) {
    long id = created.get("id").asLong();
    return API.get("/presigned-urls")
        .json()
        .get("urls")
        .valueStream()
        .filter(u -> u.get("id").asLong() == id)
        .findFirst()
        .orElseThrow()
        .get("status")
        .asString();
  }
}
