package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.FormUpload;
import io.coffer.it.support.RawS3;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/presigned-posts: the fields it issues make a browser form the S3 port accepts. */
class PresignedPostApiIT {
  static final String BUCKET = "post-policies";
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET);
  static final Api API = new Api(SERVER);

  static Api.Reply issue(Map<String, Object> body) {
    return API.post("/presigned-posts", Api.json(body));
  }

  static FormUpload form(JsonNode fields) {
    FormUpload form = FormUpload.fields();
    fields.properties().forEach(f -> form.field(f.getKey(), f.getValue().asString()));
    return form;
  }

  @Test
  void aPrefixPolicyUploadsWithinItsLimits() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bucket", BUCKET);
    body.put("key_prefix", "inbox/");
    body.put("max_size", 1000);
    body.put("content_type", "text/plain");
    body.put("expires_in", 600);
    body.put("access_key", CofferTestServer.ACCESS_KEY);
    Api.Reply reply = issue(body);
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    JsonNode created = reply.json();
    assertThat(created.get("url").asString()).isEqualTo(SERVER.s3Uri() + "/" + BUCKET);
    JsonNode fields = created.get("fields");
    assertThat(fields.get("key").asString()).isEqualTo("inbox/${filename}");
    assertThat(fields.get("Content-Type").asString()).isEqualTo("text/plain");
    assertThat(fields.has("policy")).isTrue();
    assertThat(fields.get("x-amz-algorithm").asString()).isEqualTo("AWS4-HMAC-SHA256");
    assertThat(created.get("expires_at").asString()).isNotEmpty();

    HttpResponse<String> posted =
        form(fields).filename("note.txt").post(SERVER.s3Uri(), BUCKET, "hi".getBytes());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    assertThat(SERVER.s3().getObjectAsBytes(g -> g.bucket(BUCKET).key("inbox/note.txt")).response())
        .satisfies(o -> assertThat(o.contentType()).isEqualTo("text/plain"));

    HttpResponse<String> tooLarge =
        form(fields).filename("big.txt").post(SERVER.s3Uri(), BUCKET, new byte[1001]);
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(tooLarge)).isEqualTo("EntityTooLarge");

    FormUpload elsewhere = form(fields).field("key", "outbox/${filename}");
    HttpResponse<String> refused = elsewhere.post(SERVER.s3Uri(), BUCKET, "hi".getBytes());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Invalid according to Policy");

    HttpResponse<String> asked201 =
        form(fields)
            .field("success_action_status", "201")
            .filename("second.txt")
            .post(SERVER.s3Uri(), BUCKET, "hi".getBytes());
    assertThat(asked201.statusCode()).as(asked201.body()).isEqualTo(201);
  }

  @Test
  void anExactKeyPolicyWritesOnlyThatKey() throws Exception {
    Api.Reply reply =
        issue(
            Map.of(
                "bucket", BUCKET, "key", "exact.bin", "access_key", CofferTestServer.ACCESS_KEY));
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    JsonNode fields = reply.json().get("fields");
    assertThat(fields.get("key").asString()).isEqualTo("exact.bin");
    assertThat(form(fields).post(SERVER.s3Uri(), BUCKET, new byte[5]).statusCode()).isEqualTo(204);
    assertThat(
            form(fields)
                .field("key", "other.bin")
                .post(SERVER.s3Uri(), BUCKET, new byte[5])
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void badRequestsAreRefused() {
    String key = CofferTestServer.ACCESS_KEY;
    assertThat(issue(Map.of("bucket", BUCKET, "access_key", key)).status()).isEqualTo(400);
    assertThat(
            issue(Map.of("bucket", BUCKET, "key", "a", "key_prefix", "b", "access_key", key))
                .status())
        .isEqualTo(400);
    assertThat(
            issue(Map.of("bucket", BUCKET, "key", "a", "expires_in", 0, "access_key", key))
                .status())
        .isEqualTo(400);
    assertThat(
            issue(
                    Map.of(
                        "bucket",
                        BUCKET,
                        "key",
                        "a",
                        "min_size",
                        10,
                        "max_size",
                        5,
                        "access_key",
                        key))
                .status())
        .isEqualTo(400);
    assertThat(issue(Map.of("bucket", "no-such-bucket", "key", "a", "access_key", key)).status())
        .isEqualTo(404);
    assertThat(issue(Map.of("bucket", BUCKET, "key", "a", "access_key", "AKIDNOPE")).status())
        .isEqualTo(404);
    assertThat(issue(Map.of("bucket", BUCKET, "key", "a", "access_key", key, "nope", 1)).status())
        .isEqualTo(400);
  }
}
