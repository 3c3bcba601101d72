package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Tag;
import tools.jackson.databind.JsonNode;

/** Bucket and object tags over the management API: what S3 sees, and S3's rules. */
class TagApiIT {
  static final String BUCKET = "tag-api";
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET);
  static final Api API = new Api(SERVER);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = SERVER.s3();
    s3.putBucketVersioning(
        b ->
            b.bucket(BUCKET)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
  }

  private static Map<String, String> tags(JsonNode reply) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    reply.get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
    return tags;
  }

  @Test
  void bucketTagsAreReadAndReplacedAsS3SeesThem() {
    assertThat(tags(API.get("/buckets/" + BUCKET + "/tags").json())).isEmpty();
    Api.Reply put =
        API.send(
            "PUT", "/buckets/" + BUCKET + "/tags", "{\"tags\": {\"z\": \"1\", \"env\": \"prod\"}}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(tags(put.json())).containsExactly(Map.entry("z", "1"), Map.entry("env", "prod"));
    assertThat(s3.getBucketTagging(b -> b.bucket(BUCKET)).tagSet())
        .containsExactly(
            Tag.builder().key("z").value("1").build(),
            Tag.builder().key("env").value("prod").build());

    Api.Reply reserved =
        API.send("PUT", "/buckets/" + BUCKET + "/tags", "{\"tags\": {\"aws:x\": \"1\"}}");
    assertThat(reserved.status()).isEqualTo(400);
    assertThat(reserved.json().get("error").asString()).isEqualTo("invalid_tag");
    assertThat(API.send("PUT", "/buckets/" + BUCKET + "/tags", "{}").status()).isEqualTo(400);

    assertThat(API.send("PUT", "/buckets/" + BUCKET + "/tags", "{\"tags\": {}}").status())
        .isEqualTo(200);
    assertThat(tags(API.get("/buckets/" + BUCKET + "/tags").json())).isEmpty();
    assertThat(API.get("/buckets/no-such-bucket/tags").status()).isEqualTo(404);
  }

  @Test
  void objectTagsPerVersion() {
    String v1 =
        s3.putObject(
                b -> b.bucket(BUCKET).key("dir/a.txt").tagging("gen=1"),
                RequestBody.fromString("1"))
            .versionId();
    s3.putObject(b -> b.bucket(BUCKET).key("dir/a.txt"), RequestBody.fromString("2"));
    String path = "/buckets/" + BUCKET + "/objects/dir%2Fa.txt/tags";

    JsonNode current = API.get(path).json();
    assertThat(tags(current)).isEmpty();
    assertThat(tags(API.get(path + "?version_id=" + v1).json()))
        .containsExactly(Map.entry("gen", "1"));

    Api.Reply set = API.send("POST", path, "{\"tags\": {\"team\": \"red\", \"note\": \"\"}}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("version_id").asString())
        .isEqualTo(current.get("version_id").asString());
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("dir/a.txt")).tagSet())
        .containsExactly(
            Tag.builder().key("team").value("red").build(),
            Tag.builder().key("note").value("").build());
    assertThat(tags(API.get(path + "?version_id=" + v1).json()))
        .containsExactly(Map.entry("gen", "1"));

    StringBuilder eleven = new StringBuilder("{\"tags\": {");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
    }
    Api.Reply tooMany = API.send("POST", path, eleven + "}}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("error").asString()).isEqualTo("bad_request");
    assertThat(API.get("/buckets/" + BUCKET + "/objects/missing/tags").status()).isEqualTo(404);
    // a PUT to a key ending in /tags is still an upload
    assertThat(API.send("PUT", "/buckets/" + BUCKET + "/objects/x/tags", "body").status())
        .isEqualTo(200);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("x/tags")).contentLength()).isEqualTo(4);
  }
}
