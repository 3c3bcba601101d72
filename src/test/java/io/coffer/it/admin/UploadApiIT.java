package io.coffer.it.admin;

import static io.coffer.it.admin.SpecShapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

class UploadApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  @Test
  void uploadsInProgressHaveTheSpecificationsShape() {
    String uploadId;
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("uploads-bucket"));
      uploadId =
          s3.createMultipartUpload(
                  c ->
                      c.bucket("uploads-bucket")
                          .key("large-file.zip")
                          .contentType("application/zip"))
              .uploadId();
      for (int part = 1; part <= 3; part++) {
        int number = part;
        s3.uploadPart(
            u ->
                u.bucket("uploads-bucket")
                    .key("large-file.zip")
                    .uploadId(uploadId)
                    .partNumber(number),
            RequestBody.fromBytes(new byte[number == 3 ? 1000 : 5 * 1024 * 1024]));
      }
    }
    Api.Reply reply = API.get("/buckets/uploads-bucket/multipart-uploads");
    assertThat(reply.status()).isEqualTo(200);
    assertShape(SpecShapes.UPLOADS, reply.json(), "truncated");
    JsonNode upload = reply.json().get("uploads").get(0);
    assertThat(upload.get("upload_id").asString()).isEqualTo(uploadId);
    assertThat(upload.get("object_key").asString()).isEqualTo("large-file.zip");
    assertThat(upload.get("initiated_by").asString()).isEqualTo("admin");
    assertThat(upload.get("content_type").asString()).isEqualTo("application/zip");
    assertThat(upload.get("part_count").asInt()).isEqualTo(3);
    assertThat(upload.get("total_size").asLong()).isEqualTo(10 * 1024 * 1024 + 1000);
    assertThat(upload.get("total_size_human").asString()).isEqualTo("10.0 MB");

    assertThat(API.delete("/buckets/uploads-bucket/multipart-uploads/no-such-upload").status())
        .isEqualTo(404);
    long before = API.get("/stats").json().get("active_multipart_uploads").asLong();
    Api.Reply aborted = API.delete("/buckets/uploads-bucket/multipart-uploads/" + uploadId);
    assertThat(aborted.status()).isEqualTo(200);
    assertShape(SpecShapes.MESSAGE, aborted.json());
    assertThat(API.get("/buckets/uploads-bucket/multipart-uploads").json().get("uploads").isEmpty())
        .isTrue();
    assertThat(API.get("/stats").json().get("active_multipart_uploads").asLong())
        .isEqualTo(before - 1);
    assertThat(API.delete("/buckets/uploads-bucket/multipart-uploads/" + uploadId).status())
        .isEqualTo(404);
  }

  @Test
  void anUploadIsOnlyFoundInItsOwnBucket() {
    String uploadId;
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("home-bucket"));
      s3.createBucket(b -> b.bucket("other-bucket"));
      uploadId = s3.createMultipartUpload(c -> c.bucket("home-bucket").key("k")).uploadId();
    }
    assertThat(API.delete("/buckets/other-bucket/multipart-uploads/" + uploadId).status())
        .isEqualTo(404);
    assertThat(API.get("/buckets/home-bucket/multipart-uploads").json().get("uploads").size())
        .isEqualTo(1);
    assertThat(API.get("/buckets/no-such-bucket/multipart-uploads").status()).isEqualTo(404);
  }
}
