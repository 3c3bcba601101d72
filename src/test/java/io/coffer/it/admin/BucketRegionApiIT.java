package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The management API accepts any bucket region: a bucket created as {@code mars-1} on a {@code
 * us-east-1} server was unusable from SDKs that trust GetBucketLocation. Only the server's region
 * is valid now.
 */
class BucketRegionApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);
  static final String OWNER_ACCESS_KEY = "REGIONOWNERACCESS001";
  static final String OWNER_SECRET_KEY = "region-owner-secret-key";
  static long ownerId;

  @BeforeAll
  static void owner() {
    ownerId =
        API.post(
                "/credentials",
                "{\"user_name\": \"region-owner\", \"access_key\": \""
                    + OWNER_ACCESS_KEY
                    + "\", \"secret_key\": \""
                    + OWNER_SECRET_KEY
                    + "\"}")
            .json()
            .get("id")
            .asLong();
  }

  static Api.Reply create(String name, String regionField) {
    return API.post(
        "/buckets", "{\"name\": \"" + name + "\", \"owner_id\": " + ownerId + regionField + "}");
  }

  @Test
  void aRegionOtherThanTheServersIsAJson400AndCreatesNothing() {
    for (String region : new String[] {"mars-1", "eu-west-1", "US-EAST-1", ""}) {
      Api.Reply reply = create("elsewhere", ", \"region\": \"" + region + "\"");
      assertThat(reply.status()).as(region).isEqualTo(400);
      assertThat(reply.header("Content-Type")).startsWith("application/json");
      assertThat(reply.json().get("error").asString()).isEqualTo("invalid_request");
      assertThat(reply.json().get("message").asString())
          .contains("us-east-1")
          .contains("'" + region + "'");
    }
    assertThat(API.get("/buckets/elsewhere").status()).isEqualTo(404);
    assertThat(API.get("/buckets").json().get("buckets").toString()).doesNotContain("elsewhere");
  }

  @Test
  void theServersRegionOrNoneCreatesABucketThatSdksCanFind() {
    assertThat(create("named-region", ", \"region\": \"us-east-1\"").status()).isEqualTo(201);
    Api.Reply defaulted = create("no-region", "");
    assertThat(defaulted.status()).isEqualTo(201);
    assertThat(defaulted.json().get("region").asString()).isEqualTo("us-east-1");
    try (S3Client s3 = SERVER.client(OWNER_ACCESS_KEY, OWNER_SECRET_KEY)) {
      for (String bucket : new String[] {"named-region", "no-region"}) {
        // us-east-1 is the empty LocationConstraint, as AWS answers it.
        assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString())
            .as(bucket)
            .isEmpty();
        assertThat(s3.headBucket(b -> b.bucket(bucket)).bucketRegion()).isEqualTo("us-east-1");
      }
    }
  }
}
