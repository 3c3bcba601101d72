package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

class StatsIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  @Test
  void statsHaveTheSpecificationsShape() {
    Api.Reply reply = API.get("/stats");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.STATS, reply.json());
  }

  @Test
  void statsEqualARecountAfterAMixedWorkload() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("stats-a"));
      s3.createBucket(b -> b.bucket("stats-b"));
      s3.createBucket(b -> b.bucket("stats-gone"));
      for (int i = 0; i < 7; i++) {
        int n = i;
        s3.putObject(
            p -> p.bucket("stats-a").key("k" + n), RequestBody.fromBytes(new byte[100 * n + 1]));
      }
      s3.putObject(
          p -> p.bucket("stats-a").key("k3"), RequestBody.fromBytes(new byte[5000])); // overwrite
      s3.deleteObject(d -> d.bucket("stats-a").key("k0"));
      s3.putObject(p -> p.bucket("stats-gone").key("x"), RequestBody.fromBytes(new byte[10]));
      s3.deleteObject(d -> d.bucket("stats-gone").key("x"));
      s3.deleteBucket(d -> d.bucket("stats-gone"));

      // A completed multipart object of two parts, one upload left open, one aborted.
      String done = s3.createMultipartUpload(c -> c.bucket("stats-b").key("big")).uploadId();
      List<CompletedPart> parts = new ArrayList<>();
      for (int part = 1; part <= 2; part++) {
        int number = part;
        byte[] bytes = new byte[number == 1 ? 5 * 1024 * 1024 : 1234];
        String etag =
            s3.uploadPart(
                    u -> u.bucket("stats-b").key("big").uploadId(done).partNumber(number),
                    RequestBody.fromBytes(bytes))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          c -> c.bucket("stats-b").key("big").uploadId(done).multipartUpload(m -> m.parts(parts)));
      String open = s3.createMultipartUpload(c -> c.bucket("stats-b").key("open")).uploadId();
      s3.uploadPart(
          u -> u.bucket("stats-b").key("open").uploadId(open).partNumber(1),
          RequestBody.fromBytes(new byte[10]));
      String aborted = s3.createMultipartUpload(c -> c.bucket("stats-b").key("aborted")).uploadId();
      s3.abortMultipartUpload(a -> a.bucket("stats-b").key("aborted").uploadId(aborted));

      // Presigned URLs: two active, one revoked.
      for (int i = 0; i < 3; i++) {
        assertThat(
                API.post(
                        "/presigned-urls",
                        "{\"bucket_name\": \"stats-a\", \"object_key\": \"k1\", \"access_key\": \""
                            + CofferTestServer.ACCESS_KEY
                            + "\"}")
                    .status())
            .isEqualTo(201);
      }
      long firstId = API.get("/presigned-urls").json().get("urls").get(0).get("id").asLong();
      assertThat(API.delete("/presigned-urls/" + firstId).status()).isEqualTo(200);
      API.post("/credentials", "{\"user_name\": \"counted\"}");

      JsonNode stats = API.get("/stats").json();
      long buckets = s3.listBuckets().buckets().size();
      long objects = 0;
      long bytes = 0;
      long uploads = 0;
      for (var bucket : s3.listBuckets().buckets()) {
        for (S3Object o : s3.listObjectsV2Paginator(l -> l.bucket(bucket.name())).contents()) {
          objects++;
          bytes += o.size();
        }
        uploads += s3.listMultipartUploads(l -> l.bucket(bucket.name())).uploads().size();
      }
      JsonNode urls = API.get("/presigned-urls").json().get("urls");
      long activeUrls =
          urls.valueStream().filter(u -> u.get("status").asString().equals("active")).count();
      long credentials = API.get("/credentials").json().get("credentials").size();

      assertThat(stats.get("buckets").asLong()).isEqualTo(buckets).isEqualTo(2);
      assertThat(stats.get("objects").asLong()).isEqualTo(objects).isEqualTo(7);
      assertThat(stats.get("total_storage").asLong()).isEqualTo(bytes);
      assertThat(stats.get("active_multipart_uploads").asLong()).isEqualTo(uploads).isEqualTo(1);
      assertThat(stats.get("active_presigned_urls").asLong()).isEqualTo(activeUrls).isEqualTo(2);
      assertThat(stats.get("credentials").asLong()).isEqualTo(credentials).isEqualTo(2);
      assertThat(stats.get("total_storage_human").asString()).endsWith(" MB");
    }
  }
}
