package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

class BucketApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static long ownerId;

  @BeforeAll
  static void owner() {
    Api.Reply created = API.post("/credentials", "{\"user_name\": \"john-doe\"}");
    ownerId = created.json().get("id").asLong();
  }

  static Api.Reply create(String name) {
    return API.post(
        "/buckets",
        "{\"name\": \"" + name + "\", \"owner_id\": " + ownerId + ", \"region\": \"us-east-1\"}");
  }

  @Test
  void creatingAnswers201WithTheBucketsShape() {
    Api.Reply reply = create("my-new-bucket");
    assertThat(reply.status()).isEqualTo(201);
    assertShape(SpecShapes.BUCKET, reply.json());
    JsonNode bucket = reply.json();
    assertThat(bucket.get("name").asString()).isEqualTo("my-new-bucket");
    assertThat(bucket.get("owner").asString()).isEqualTo("john-doe");
    assertThat(bucket.get("region").asString()).isEqualTo("us-east-1");
    assertThat(bucket.get("object_count").asLong()).isZero();
    assertThat(bucket.get("total_size_human").asString()).isEqualTo("0.0 B");
  }

  @Test
  void theRegionDefaultsToUsEast1() {
    Api.Reply reply =
        API.post("/buckets", "{\"name\": \"default-region\", \"owner_id\": " + ownerId + "}");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("region").asString()).isEqualTo("us-east-1");
  }

  @Test
  void theListShowsCountersAndOwners() {
    assertThat(create("listed-bucket").status()).isEqualTo(201);
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("admins-bucket"));
      s3.putObject(p -> p.bucket("admins-bucket").key("a"), RequestBody.fromBytes(new byte[1536]));
      s3.putObject(p -> p.bucket("admins-bucket").key("b/c"), RequestBody.fromBytes(new byte[512]));
    }
    Api.Reply reply = API.get("/buckets");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.BUCKET_LIST, reply.json());
    JsonNode admins =
        reply
            .json()
            .get("buckets")
            .valueStream()
            .filter(b -> b.get("name").asString().equals("admins-bucket"))
            .findFirst()
            .orElseThrow();
    assertThat(admins.get("owner").asString()).isEqualTo("admin");
    assertThat(admins.get("object_count").asLong()).isEqualTo(2);
    assertThat(admins.get("total_size").asLong()).isEqualTo(2048);
    assertThat(admins.get("total_size_human").asString()).isEqualTo("2.0 KB");
  }

  @Test
  void theDetailHasObjectsAndPages() {
    assertThat(create("detail-bucket").status()).isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      assertThat(
              API.send(
                      "PUT",
                      "/buckets/detail-bucket/objects/photos/" + i + ".jpg",
                      "x".repeat(i + 1))
                  .status())
          .isEqualTo(200);
    }
    Api.Reply reply = API.get("/buckets/detail-bucket");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.BUCKET_DETAIL, reply.json(), "truncated");
    assertThat(reply.json().get("objects").size()).isEqualTo(5);
    assertThat(reply.json().get("object_count").asLong()).isEqualTo(5);

    JsonNode page = API.get("/buckets/detail-bucket?limit=2").json();
    assertShape(SpecShapes.BUCKET_DETAIL, page, "truncated", "next_marker");
    assertThat(page.get("objects").size()).isEqualTo(2);
    assertThat(page.get("truncated").asBoolean()).isTrue();
    assertThat(page.get("next_marker").asString()).isEqualTo("photos/1.jpg");
    JsonNode next = API.get("/buckets/detail-bucket?limit=2&marker=photos%2F1.jpg").json();
    assertThat(next.get("objects").get(0).get("key").asString()).isEqualTo("photos/2.jpg");
  }

  @Test
  void deletingIs409UnlessEmpty() {
    assertThat(create("full-bucket").status()).isEqualTo(201);
    assertThat(API.send("PUT", "/buckets/full-bucket/objects/f", "data").status()).isEqualTo(200);
    Api.Reply refused = API.delete("/buckets/full-bucket");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).isEqualTo("bucket_not_empty");
    assertThat(API.delete("/buckets/full-bucket/objects/f").status()).isEqualTo(200);
    Api.Reply deleted = API.delete("/buckets/full-bucket");
    assertThat(deleted.status()).isEqualTo(200);
    assertShape(SpecShapes.MESSAGE, deleted.json());
    assertThat(API.get("/buckets/full-bucket").status()).isEqualTo(404);
  }

  @Test
  void anExistingNameIs409() {
    assertThat(create("taken-bucket").status()).isEqualTo(201);
    Api.Reply again = create("taken-bucket");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asString()).isEqualTo("bucket_already_exists");
  }

  @Test
  void badNamesUnknownOwnersAndMissingFieldsAre400() {
    for (String name :
        new String[] {
          "ab", "UPPER", "-start", "a..b", "192.168.1.1", "under_score", "x".repeat(64)
        }) {
      Api.Reply reply = create(name);
      assertThat(reply.status()).as(name).isEqualTo(400);
      assertThat(reply.json().get("error").asString()).isEqualTo("invalid_bucket_name");
    }
    assertThat(API.post("/buckets", "{\"name\": \"no-owner\", \"owner_id\": 999999}").status())
        .isEqualTo(400);
    assertThat(API.post("/buckets", "{\"name\": \"no-owner\"}").status()).isEqualTo(400);
    assertThat(API.post("/buckets", "{\"owner_id\": 1}").status()).isEqualTo(400);
    assertThat(
            API.post(
                    "/buckets",
                    "{\"name\": \"bad-region\", \"owner_id\": 1, \"region\": \"Not A Region\"}")
                .status())
        .isEqualTo(400);
    assertThat(API.get("/buckets/UPPER").status()).isEqualTo(400);
    assertThat(API.get("/buckets/missing-bucket").status()).isEqualTo(404);
    assertThat(API.get("/buckets/missing-bucket").json().get("error").asString())
        .isEqualTo("no_such_bucket");
    assertThat(API.delete("/buckets/missing-bucket").status()).isEqualTo(404);
  }
}
