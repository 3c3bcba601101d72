package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

class ObjectApiIT {
  static final String BUCKET = "objects-bucket";
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET);
  static final Api API = new Api(SERVER);

  @BeforeAll
  static void objects() {
    S3Client s3 = SERVER.s3();
    s3.putObject(
        p ->
            p.bucket(BUCKET)
                .key("photos/vacation.jpg")
                .contentType("image/jpeg")
                .metadata(Map.of("user-id", "12345", "category", "photos")),
        RequestBody.fromBytes(new byte[1024000]));
    s3.putObject(p -> p.bucket(BUCKET).key("photos/2023/a.jpg"), RequestBody.fromString("a"));
    s3.putObject(p -> p.bucket(BUCKET).key("docs/readme.txt"), RequestBody.fromString("readme"));
  }

  @Test
  void theListHasTheSpecificationsShape() {
    Api.Reply reply = API.get("/buckets/" + BUCKET + "/objects");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.OBJECT_LIST, reply.json(), "truncated");
    JsonNode vacation =
        reply
            .json()
            .get("objects")
            .valueStream()
            .filter(o -> o.get("key").asString().equals("photos/vacation.jpg"))
            .findFirst()
            .orElseThrow();
    assertThat(vacation.get("size").asLong()).isEqualTo(1024000);
    assertThat(vacation.get("size_human").asString()).isEqualTo("1.0 MB");
    assertThat(vacation.get("content_type").asString()).isEqualTo("image/jpeg");
    assertThat(vacation.get("etag").asString()).matches("[0-9a-f]{32}");
    assertThat(vacation.get("is_multipart").asBoolean()).isFalse();
  }

  @Test
  void prefixDelimiterAndPaging() {
    JsonNode photos = API.get("/buckets/" + BUCKET + "/objects?prefix=photos/").json();
    assertThat(photos.get("objects").valueStream().map(o -> o.get("key").asString()))
        .containsExactly("photos/2023/a.jpg", "photos/vacation.jpg");
    assertThat(photos.has("prefixes")).isFalse();

    JsonNode folders = API.get("/buckets/" + BUCKET + "/objects?delimiter=/").json();
    assertThat(folders.get("prefixes").valueStream().map(JsonNode::asString))
        .contains("docs/", "photos/");
    JsonNode inPhotos =
        API.get("/buckets/" + BUCKET + "/objects?prefix=photos/&delimiter=/").json();
    assertThat(inPhotos.get("objects").valueStream().map(o -> o.get("key").asString()))
        .containsExactly("photos/vacation.jpg");
    assertThat(inPhotos.get("prefixes").valueStream().map(JsonNode::asString))
        .containsExactly("photos/2023/");

    JsonNode first = API.get("/buckets/" + BUCKET + "/objects?limit=1").json();
    assertThat(first.get("truncated").asBoolean()).isTrue();
    String marker = first.get("next_marker").asString();
    JsonNode second =
        API.get(
                "/buckets/"
                    + BUCKET
                    + "/objects?limit=1&marker="
                    + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8))
            .json();
    assertThat(second.get("objects").get(0).get("key").asString()).isGreaterThan(marker);

    assertThat(API.get("/buckets/" + BUCKET + "/objects?limit=0").status()).isEqualTo(400);
    assertThat(API.get("/buckets/" + BUCKET + "/objects?limit=10001").status()).isEqualTo(400);
    assertThat(API.get("/buckets/" + BUCKET + "/objects?limit=ten").status()).isEqualTo(400);
    assertThat(API.get("/buckets/" + BUCKET + "/objects?delimiter=ab").status()).isEqualTo(400);
    assertThat(API.get("/buckets/" + BUCKET + "/objects?prefix=" + "p".repeat(1025)).status())
        .isEqualTo(400);
    assertThat(API.get("/buckets/no-such-bucket/objects").status()).isEqualTo(404);
  }

  @Test
  void theDetailHasTheSpecificationsShape() throws Exception {
    Api.Reply reply = API.get("/buckets/" + BUCKET + "/objects/photos/vacation.jpg");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.OBJECT_DETAIL, reply.json());
    JsonNode detail = reply.json();
    assertThat(detail.get("part_count").asInt()).isZero();
    assertThat(detail.get("metadata").get("user-id").asString()).isEqualTo("12345");
    assertThat(detail.get("metadata").get("category").asString()).isEqualTo("photos");
    String storagePath = detail.get("storage_path").asString();
    // under the bucket's internal ID, never its name: buckets/<bucket id>/ab/cd/<blob id>
    assertThat(storagePath).matches("buckets/[0-9a-f]{32}/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");
    assertThat(Files.size(SERVER.dataDir().resolve(storagePath))).isEqualTo(1024000);
  }

  @Test
  void keysWithSlashesAndEncodedCharactersAreDecodedOnce() {
    String key = "dir/sub dir/a+b%c/ü/100%.txt";
    SERVER.s3().putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString("odd"));
    String encoded = "dir/sub%20dir/a+b%25c/%C3%BC/100%25.txt";
    Api.Reply reply = API.get("/buckets/" + BUCKET + "/objects/" + encoded);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
    assertThat(reply.json().get("key").asString()).isEqualTo(key);
    // %2F is a slash inside the key, found the same way as a literal one.
    assertThat(
            API.get("/buckets/" + BUCKET + "/objects/docs%2Freadme.txt")
                .json()
                .get("key")
                .asString())
        .isEqualTo("docs/readme.txt");
    // A key that is literally "delete" is an object like any other for GET.
    assertThat(API.get("/buckets/" + BUCKET + "/objects/delete").status()).isEqualTo(404);
  }

  @Test
  void putStreamsTheBodyAndDownloadStreamsItBack() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(data);
    HttpClient http = HttpClient.newHttpClient();
    URI put =
        URI.create(
            SERVER.apiUri() + "/buckets/" + BUCKET + "/objects/uploads/report%20final.bin/content");
    HttpResponse<String> stored =
        http.send(
            HttpRequest.newBuilder(put)
                .header("X-API-Key", CofferTestServer.API_KEY)
                .header("Content-Type", "application/x-report")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    JsonNode meta = Api.JSON.readTree(stored.body());
    assertThat(meta.get("key").asString()).isEqualTo("uploads/report final.bin/content");
    assertThat(meta.get("size").asLong()).isEqualTo(data.length);
    assertThat(meta.get("content_type").asString()).isEqualTo("application/x-report");

    URI download =
        URI.create(
            SERVER.apiUri()
                + "/buckets/"
                + BUCKET
                + "/download/uploads/report%20final.bin/content");
    HttpResponse<byte[]> got =
        http.send(
            HttpRequest.newBuilder(download).header("X-API-Key", CofferTestServer.API_KEY).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo(data);
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/x-report");
    assertThat(got.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"content\"; filename*=UTF-8''content");
    assertThat(got.headers().firstValueAsLong("Content-Length")).hasValue(data.length);

    // The same bytes through S3.
    assertThat(
            SERVER
                .s3()
                .getObjectAsBytes(g -> g.bucket(BUCKET).key("uploads/report final.bin/content"))
                .asByteArray())
        .isEqualTo(data);
    HttpResponse<String> unauthenticated =
        http.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(API.get("/buckets/" + BUCKET + "/download/no/such/key").status()).isEqualTo(404);
  }

  @Test
  void downloadNamesNonAsciiFilesInFilenameStar() throws Exception {
    assertThat(
            API.send("PUT", "/buckets/" + BUCKET + "/objects/f%C3%BCr%20%22dich%22.txt", "hallo")
                .status())
        .isEqualTo(200);
    HttpResponse<String> got =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            SERVER.apiUri()
                                + "/buckets/"
                                + BUCKET
                                + "/download/f%C3%BCr%20%22dich%22.txt"))
                    .header("X-API-Key", CofferTestServer.API_KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(got.body()).isEqualTo("hallo");
    assertThat(got.headers().firstValue("Content-Disposition"))
        .hasValue(
            "attachment; filename=\"f_r _dich_.txt\"; filename*=UTF-8''f%C3%BCr%20%22dich%22.txt");
  }

  @Test
  void deletingOneObject() {
    assertThat(API.send("PUT", "/buckets/" + BUCKET + "/objects/to-delete", "bye").status())
        .isEqualTo(200);
    Api.Reply deleted = API.delete("/buckets/" + BUCKET + "/objects/to-delete");
    assertThat(deleted.status()).isEqualTo(200);
    assertShape(SpecShapes.MESSAGE, deleted.json());
    assertThat(API.get("/buckets/" + BUCKET + "/objects/to-delete").status()).isEqualTo(404);
    Api.Reply again = API.delete("/buckets/" + BUCKET + "/objects/to-delete");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().get("error").asString()).isEqualTo("no_such_key");
  }

  @Test
  void deletingManyReportsWhatWasDeletedAndWhatWasNot() {
    for (String key : new String[] {"file1.txt", "file2.txt"}) {
      assertThat(API.send("PUT", "/buckets/" + BUCKET + "/objects/" + key, "x").status())
          .isEqualTo(200);
    }
    Api.Reply reply =
        API.post(
            "/buckets/" + BUCKET + "/objects/delete",
            "{\"keys\": [\"file1.txt\", \"file2.txt\", \"folder/file3.txt\"]}");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.DELETED, reply.json(), "errors");
    assertThat(reply.json().get("deleted").valueStream().map(JsonNode::asString))
        .containsExactly("file1.txt", "file2.txt");
    assertThat(reply.json().get("errors").get(0).get("key").asString())
        .isEqualTo("folder/file3.txt");
    assertThat(reply.json().get("errors").get(0).get("message").isString()).isTrue();
    assertThat(API.get("/buckets/" + BUCKET + "/objects/file1.txt").status()).isEqualTo(404);

    assertThat(API.post("/buckets/" + BUCKET + "/objects/delete", "{\"keys\": []}").status())
        .isEqualTo(400);
    assertThat(
            API.post("/buckets/" + BUCKET + "/objects/delete", "{\"keys\": \"file1.txt\"}")
                .status())
        .isEqualTo(400);
    assertThat(API.post("/buckets/" + BUCKET + "/objects/delete", "{\"keys\": [1, 2]}").status())
        .isEqualTo(400);
    assertThat(API.post("/buckets/" + BUCKET + "/objects/delete", "{\"keys\": [null]}").status())
        .isEqualTo(400);
    assertThat(API.post("/buckets/" + BUCKET + "/objects/delete", "{}").status()).isEqualTo(400);
    assertThat(API.post("/buckets/no-such-bucket/objects/delete", "{\"keys\": [\"a\"]}").status())
        .isEqualTo(404);
  }

  @Test
  void keyLengthIsChecked() {
    Api.Reply tooLong = API.get("/buckets/" + BUCKET + "/objects/" + "k".repeat(1025));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("error").asString()).isEqualTo("key_too_long");
  }
}
