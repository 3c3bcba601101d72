package io.coffer.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/**
 * Everything a refused request could have changed, as one text to compare before and after: the
 * management API's stats, credentials, presigned URLs and buckets, each bucket's objects and
 * uploads, and the parts (with their ETags) of the uploads the matrix attacks.
 */
final class World {
  private record WatchedUpload(S3Client owner, String bucket, String key, String uploadId) {}

  private record WatchedAccess(S3Client owner, String bucket, List<String> keys) {}

  private final Api api;
  private final List<WatchedUpload> uploads = new ArrayList<>();
  private final List<WatchedAccess> access = new ArrayList<>();

  World(Api api) {
    this.api = api;
  }

  void watchUpload(S3Client owner, String bucket, String key, String uploadId) {
    uploads.add(new WatchedUpload(owner, bucket, key, uploadId));
  }

  /**
   * Watches a bucket's access settings (policy, ACL, ownership controls, public access block) and
   * the ACLs of some of its objects, read by its owner over S3 (the management API shows none).
   */
  void watchAccess(S3Client owner, String bucket, String... keys) {
    access.add(new WatchedAccess(owner, bucket, List.of(keys)));
  }

  String snapshot() {
    StringBuilder out = new StringBuilder();
    for (String path :
        List.of("/stats", "/credentials", "/presigned-urls", "/buckets", "/policies", "/groups")) {
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
    for (WatchedAccess watched : access) {
      S3Client s3 = watched.owner();
      String bucket = watched.bucket();
      out.append(bucket)
          .append(" policy ")
          .append(orError(() -> s3.getBucketPolicy(b -> b.bucket(bucket)).policy()))
          .append("\n")
          .append(bucket)
          .append(" acl ")
          .append(s3.getBucketAcl(b -> b.bucket(bucket)).grants())
          .append("\n")
          .append(bucket)
          .append(" ownership ")
          .append(
              orError(
                  () -> s3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls()))
          .append("\n")
          .append(bucket)
          .append(" public access block ")
          .append(
              orError(
                  () ->
                      s3.getPublicAccessBlock(b -> b.bucket(bucket))
                          .publicAccessBlockConfiguration()))
          .append('\n');
      for (String key : watched.keys()) {
        out.append(bucket)
            .append('/')
            .append(key)
            .append(" acl ")
            .append(s3.getObjectAcl(b -> b.bucket(bucket).key(key)).grants())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** What the call returns, or the S3 error code it fails with (a setting that is absent). */
  private static String orError(java.util.function.Supplier<Object> call) {
    try {
      return String.valueOf(call.get());
    } catch (S3Exception e) {
      return e.statusCode() + " " + e.awsErrorDetails().errorCode();
    }
  }

  private String get(String path) {
    Api.Reply reply = api.send("GET", path, null);
    assertThat(reply.status()).as(path).isEqualTo(200);
    return reply.http().body();
  }
}
