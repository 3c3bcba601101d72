package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** /api/v1/buckets/{bucket}/quota and quota_bytes in the bucket entries. */
class QuotaApiIT {
  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("quota-shown", "quota-bad");

  static final Api API = new Api(SERVER);

  @Test
  void aQuotaIsShownInTheDetailTheListAndItsOwnRouteUntilRemoved() {
    Api.Reply set = API.put("/buckets/quota-shown/quota", "{\"quota_bytes\": 1048576}");
    assertThat(set.status()).as(set.http().body()).isEqualTo(200);
    assertThat(set.json().get("quota_bytes").asLong()).isEqualTo(1048576);
    assertThat(set.json().get("total_size").asLong()).isZero();
    assertThat(API.get("/buckets/quota-shown").json().get("quota_bytes").asLong())
        .isEqualTo(1048576);
    JsonNode listed =
        API.get("/buckets")
            .json()
            .get("buckets")
            .valueStream()
            .filter(b -> b.get("name").asString().equals("quota-shown"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("quota_bytes").asLong()).isEqualTo(1048576);

    Api.Reply removed = API.put("/buckets/quota-shown/quota", "{\"quota_bytes\": null}");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().get("quota_bytes").isNull()).isTrue();
    assertThat(API.get("/buckets/quota-shown").json().get("quota_bytes").isNull()).isTrue();
    assertThat(API.get("/buckets/quota-shown/quota").json().get("quota_bytes").isNull()).isTrue();
  }

  @Test
  void badQuotasAreRefused() {
    assertThat(API.put("/buckets/quota-bad/quota", "{\"quota_bytes\": -1}").status())
        .isEqualTo(400);
    assertThat(API.put("/buckets/quota-bad/quota", "{}").status()).isEqualTo(400);
    assertThat(API.put("/buckets/quota-bad/quota", "{\"quota_bytes\": \"1\"}").status())
        .isEqualTo(400);
    assertThat(API.put("/buckets/quota-bad/quota", "{\"quota_bytes\": 1.5}").status())
        .isEqualTo(400);
    assertThat(API.put("/buckets/no-such-bucket/quota", "{\"quota_bytes\": 1}").status())
        .isEqualTo(404);
    assertThat(API.get("/buckets/quota-bad").json().get("quota_bytes").isNull()).isTrue();
  }
}
