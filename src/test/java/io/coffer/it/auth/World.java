package io.coffer.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Everything a refused request could have changed, as one text to compare before and after: the
 * management API's stats, credentials, presigned URLs and buckets, each bucket's objects and
 * uploads, and the parts (with their ETags) of the uploads the matrix attacks.
 */
final class World {
  private record WatchedUpload(S3Client owner, String bucket, String key, String uploadId) {}

  private final Api api;
  private final List<WatchedUpload> uploads = new ArrayList<>();

  World(Api api) {
    this.api = api;
  }

  void watchUpload(S3Client owner, String bucket, String key, String uploadId) {
    uploads.add(new WatchedUpload(owner, bucket, key, uploadId));
  }

  String snapshot() {
    StringBuilder out = new StringBuilder();
    for (String path : List.of("/stats", "/credentials", "/presigned-urls", "/buckets")) {
      out.append(path).append(' ').append(get(path)).append('\n');
    }
    for (JsonNode bucket : api.send("GET", "/buckets", null).json().get("buckets")) {
      String name = bucket.get("name").asString();
      out.append(name)
          .append(" objects ")
          .append(get("/buckets/" + name + "/objects"))
          .append('\n');
      out.append(name)
          .append(" uploads ")
          .append(get("/buckets/" + name + "/multipart-uploads"))
          .append('\n');
    }
    for (WatchedUpload upload : uploads) {
      upload
          .owner()
          .listParts(b -> b.bucket(upload.bucket()).key(upload.key()).uploadId(upload.uploadId()))
          .parts()
          .forEach(
              p ->
                  out.append(upload.uploadId())
                      .append(" part ")
                      .append(p.partNumber())
                      .append(' ')
                      .append(p.eTag())
                      .append(' ')
                      .append(p.size())
                      .append('\n'));
    }
    return out.toString();
  }

  private String get(String path) {
    Api.Reply reply = api.send("GET", path, null);
    assertThat(reply.status()).as(path).isEqualTo(200);
    return reply.http().body();
  }
}
