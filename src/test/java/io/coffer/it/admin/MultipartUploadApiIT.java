package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * The console's multipart upload routes (start, parts, list parts, complete) and the list of
 * uploads in progress across every bucket, over plain HTTP; what they store is read back with the
 * AWS SDK.
 */
class MultipartUploadApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static final int MIB = 1024 * 1024;

  @Test
  void anObjectUploadedInPartsIsTheirBytesInOrder() throws Exception {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("parts"));
    }
    String key = "videos/holiday clip+1.mp4";
    Api.Reply created =
        API.post(
            "/buckets/parts/multipart-uploads",
            "{\"key\": \"" + key + "\", \"content_type\": \"video/mp4\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("key").asString()).isEqualTo(key);
    assertThat(created.json().get("bucket").asString()).isEqualTo("parts");
    String uploadId = created.json().get("upload_id").asString();

    byte[] first = random(5 * MIB, 1);
    byte[] second = random(1234, 2);
    // sent out of order, as parallel parts arrive
    HttpResponse<String> two = putPart(uploadId, key, 2, second);
    assertThat(two.statusCode()).isEqualTo(200);
    HttpResponse<String> one = putPart(uploadId, key, 1, first);
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode part1 = Api.JSON.readTree(one.body());
    assertThat(part1.get("part_number").asInt()).isEqualTo(1);
    assertThat(part1.get("size").asLong()).isEqualTo(first.length);
    assertThat(part1.get("etag").asString()).isEqualTo(md5(first));

    Api.Reply parts = API.get(partsPath(uploadId, key) + "&limit=1");
    assertThat(parts.status()).isEqualTo(200);
    assertThat(parts.json().get("parts")).hasSize(1);
    assertThat(parts.json().get("truncated").asBoolean()).isTrue();
    assertThat(parts.json().get("next_part_number_marker").asInt()).isEqualTo(1);
    Api.Reply rest = API.get(partsPath(uploadId, key) + "&part_number_marker=1");
    assertThat(rest.json().get("parts").get(0).get("part_number").asInt()).isEqualTo(2);
    assertThat(rest.json().get("parts").get(0).get("size").asLong()).isEqualTo(second.length);
    assertThat(rest.json().get("truncated").asBoolean()).isFalse();

    String etag2 = Api.JSON.readTree(two.body()).get("etag").asString();
    Api.Reply completed =
        API.post(
            uploadPath(uploadId) + "/complete?key=" + q(key),
            "{\"parts\": [{\"part_number\": 1, \"etag\": \""
                + md5(first)
                + "\"}, {\"part_number\": 2, \"etag\": \""
                + etag2
                + "\"}]}");
    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.json().get("size").asLong()).isEqualTo(first.length + second.length);
    assertThat(completed.json().get("etag").asString()).endsWith("-2");

    try (S3Client s3 = SERVER.client()) {
      byte[] stored = s3.getObjectAsBytes(b -> b.bucket("parts").key(key)).asByteArray();
      byte[] expected = new byte[first.length + second.length];
      System.arraycopy(first, 0, expected, 0, first.length);
      System.arraycopy(second, 0, expected, first.length, second.length);
      assertThat(sha256(stored)).isEqualTo(sha256(expected));
      var head = s3.headObject(b -> b.bucket("parts").key(key).partNumber(1));
      assertThat(head.partsCount()).isEqualTo(2);
      assertThat(head.contentType()).isEqualTo("video/mp4");
      assertThat(s3.listMultipartUploads(b -> b.bucket("parts")).uploads()).isEmpty();
    }
  }

  @Test
  void badRequestsAreRefusedWithJsonErrors() throws Exception {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("refusals"));
    }
    assertThat(API.post("/buckets/refusals/multipart-uploads", "{}").json().get("error").asString())
        .isEqualTo("invalid_request");
    assertThat(
            API.post("/buckets/refusals/multipart-uploads", "{\"key\": \"k\", \"x\": 1}").status())
        .isEqualTo(400);
    assertThat(API.post("/buckets/no-such-bucket/multipart-uploads", "{\"key\": \"k\"}").status())
        .isEqualTo(404);
    String uploadId =
        API.post("/buckets/refusals/multipart-uploads", "{\"key\": \"k\"}")
            .json()
            .get("upload_id")
            .asString();
    String base = "/buckets/refusals/multipart-uploads/" + uploadId;

    Api.Reply noKey = API.get(base + "/parts");
    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.json().get("message").asString()).contains("key");
    // another key: the upload is not found under it
    assertThat(API.get(base + "/parts?key=other").json().get("error").asString())
        .isEqualTo("no_such_upload");
    assertThat(putPart("refusals", uploadId, "k", "0", new byte[1]).statusCode()).isEqualTo(400);
    assertThat(putPart("refusals", uploadId, "k", "10001", new byte[1]).statusCode())
        .isEqualTo(400);
    assertThat(putPart("refusals", uploadId, "k", "one", new byte[1]).statusCode()).isEqualTo(400);
    assertThat(putPart("refusals", "no-such-upload", "k", "1", new byte[1]).statusCode())
        .isEqualTo(404);

    assertThat(API.post(base + "/complete?key=k", "{\"parts\": []}").status()).isEqualTo(400);
    assertThat(API.post(base + "/complete?key=k", "{\"parts\": [{\"part_number\": 1}]}").status())
        .isEqualTo(400);
    Api.Reply unknownPart =
        API.post(base + "/complete?key=k", "{\"parts\": [{\"part_number\": 1, \"etag\": \"x\"}]}");
    assertThat(unknownPart.status()).isEqualTo(400);
    assertThat(unknownPart.json().get("error").asString()).isEqualTo("invalid_part");
    // a part under 5 MiB that is not the last one
    String small1 = etag(putPart("refusals", uploadId, "k", "1", new byte[10]));
    String small2 = etag(putPart("refusals", uploadId, "k", "2", new byte[10]));
    Api.Reply tooSmall =
        API.post(
            base + "/complete?key=k",
            "{\"parts\": [{\"part_number\": 1, \"etag\": \""
                + small1
                + "\"}, {\"part_number\": 2, \"etag\": \""
                + small2
                + "\"}]}");
    assertThat(tooSmall.status()).isEqualTo(400);
    assertThat(tooSmall.json().get("error").asString()).isEqualTo("entity_too_small");
    assertThat(API.delete(base).status()).isEqualTo(200);
  }

  @Test
  void uploadsInProgressAreListedAcrossEveryBucketPageByPage() {
    List<String> started = new ArrayList<>();
    try (S3Client s3 = SERVER.client()) {
      for (String bucket : List.of("across-a", "across-b", "across-c", "across-d")) {
        s3.createBucket(b -> b.bucket(bucket));
      }
      // across-b has none: the list goes on past it
      for (String[] upload :
          new String[][] {
            {"across-a", "one"}, {"across-a", "two"}, {"across-c", "three"}, {"across-d", "four"}
          }) {
        started.add(
            upload[0]
                + "/"
                + upload[1]
                + "/"
                + s3.createMultipartUpload(b -> b.bucket(upload[0]).key(upload[1])).uploadId());
      }
    }
    Api.Reply all = API.get("/multipart-uploads");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("truncated").asBoolean()).isFalse();
    List<String> listed = ids(all.json());
    assertThat(listed).containsAll(started);
    // the dashboard's counter and the list agree
    assertThat((long) listed.size())
        .isEqualTo(API.get("/stats").json().get("active_multipart_uploads").asLong());
    JsonNode first = all.json().get("uploads").get(0);
    assertThat(first.get("bucket").asString()).isNotEmpty();
    assertThat(first.get("initiated_by").asString()).isEqualTo("admin");

    // one at a time: the same uploads, in bucket then key order, each once
    List<String> paged = new ArrayList<>();
    String query = "";
    for (int pages = 0; pages < 20; pages++) {
      Api.Reply page = API.get("/multipart-uploads?limit=1" + query);
      assertThat(page.status()).isEqualTo(200);
      paged.addAll(ids(page.json()));
      if (!page.json().get("truncated").asBoolean()) {
        break;
      }
      query =
          "&bucket_marker="
              + q(page.json().get("next_bucket_marker").asString())
              + "&key_marker="
              + q(page.json().get("next_key_marker").asString())
              + "&upload_id_marker="
              + q(page.json().get("next_upload_id_marker").asString());
    }
    assertThat(paged).isEqualTo(listed);
    assertThat(paged.stream().filter(started::contains).toList()).isEqualTo(started);

    assertThat(API.get("/multipart-uploads?key_marker=one").status()).isEqualTo(400);
    assertThat(API.get("/multipart-uploads?bucket_marker=a&upload_id_marker=x").status())
        .isEqualTo(400);
    assertThat(API.get("/multipart-uploads?limit=0").status()).isEqualTo(400);
    // a bucket marker alone starts after that bucket
    List<String> afterC = ids(API.get("/multipart-uploads?bucket_marker=across-c").json());
    assertThat(afterC).contains(started.get(3)).doesNotContain(started.get(2), started.get(0));
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("uploads")
        .forEach(
            u ->
                ids.add(
                    u.get("bucket").asString()
                        + "/"
                        + u.get("object_key").asString()
                        + "/"
                        + u.get("upload_id").asString()));
    return ids;
  }

  private static String uploadPath(String uploadId) {
    return "/buckets/parts/multipart-uploads/" + uploadId;
  }

  private static String partsPath(String uploadId, String key) {
    return uploadPath(uploadId) + "/parts?key=" + q(key);
  }

  private static HttpResponse<String> putPart(String uploadId, String key, int number, byte[] body)
      throws Exception {
    return putPart("parts", uploadId, key, Integer.toString(number), body);
  }

  private static HttpResponse<String> putPart(
      String bucket, String uploadId, String key, String number, byte[] body) throws Exception {
    URI uri =
        URI.create(
            SERVER.apiUri()
                + "/buckets/"
                + bucket
                + "/multipart-uploads/"
                + uploadId
                + "/parts/"
                + number
                + "?key="
                + q(key));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("X-API-Key", CofferTestServer.API_KEY)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String etag(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return Api.JSON.readTree(response.body()).get("etag").asString();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String md5(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
