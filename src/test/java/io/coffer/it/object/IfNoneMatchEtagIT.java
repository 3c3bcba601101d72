package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code If-None-Match: "<etag>"} on writes (issue 12): 412 when the current version has that ETag,
 * checked atomically with the write; any other ETag, or an absent key, lets the write through.
 */
class IfNoneMatchEtagIT {
  static final String BUCKET = "none-match";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final int WRITERS = 10;
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static String put(String key, String body) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body)).eTag();
  }

  static String read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  @Test
  void putObjectIfNoneMatchTheCurrentEtagIsPreconditionFailed() {
    String etag = put("put", "first");
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("put").ifNoneMatch(etag),
                RequestBody.fromString("second")));
    // unquoted, or in a list, it is the same entity tag
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("put").ifNoneMatch(etag.replace("\"", "")),
                RequestBody.fromString("second")));
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.putObject(
                b -> b.bucket(BUCKET).key("put").ifNoneMatch("\"0123\", " + etag),
                RequestBody.fromString("second")));
    assertThat(read("put")).isEqualTo("first");
    // another ETag lets the write through
    String next =
        s3.putObject(
                b -> b.bucket(BUCKET).key("put").ifNoneMatch("\"" + "0".repeat(32) + "\""),
                RequestBody.fromString("second"))
            .eTag();
    assertThat(read("put")).isEqualTo("second");
    assertThat(next).isNotEqualTo(etag);
    // and so does an absent key
    s3.putObject(
        b -> b.bucket(BUCKET).key("put-absent").ifNoneMatch(etag), RequestBody.fromString("new"));
    assertThat(read("put-absent")).isEqualTo("new");
  }

  @Test
  void completeMultipartUploadIfNoneMatchTheCurrentEtagIsPreconditionFailed() {
    String etag = put("mp", "old");
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp")).uploadId();
    String part =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("new"))
            .eTag();
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("mp")
                        .uploadId(uploadId)
                        .ifNoneMatch(etag)
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
    assertThat(read("mp")).isEqualTo("old");
    // the upload is intact: with another ETag it completes
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mp")
                .uploadId(uploadId)
                .ifNoneMatch("\"other\"")
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
    assertThat(read("mp")).isEqualTo("new");
  }

  @Test
  void completeMultipartUploadIfMatchFollowsAws() {
    // If-Match on an absent key is NoSuchKey, another ETag is 412; either leaves the upload intact
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("mp-if-match")).uploadId();
    String part =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("mp-if-match").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("mp"))
            .eTag();
    assertS3Error(
        404,
        "NoSuchKey",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("mp-if-match")
                        .uploadId(uploadId)
                        .ifMatch("\"abc\"")
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
    String etag = put("mp-if-match", "old");
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.completeMultipartUpload(
                b ->
                    b.bucket(BUCKET)
                        .key("mp-if-match")
                        .uploadId(uploadId)
                        .ifMatch("\"abc\"")
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part)))));
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("mp-if-match")
                .uploadId(uploadId)
                .ifMatch(etag)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
    assertThat(read("mp-if-match")).isEqualTo("mp");
  }

  @Test
  void copyObjectIfNoneMatchTheCurrentEtagIsPreconditionFailed() {
    put("copy-source", "source");
    String etag = put("copy-target", "target");
    assertS3Error(
        412,
        "PreconditionFailed",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket(BUCKET)
                        .sourceKey("copy-source")
                        .destinationBucket(BUCKET)
                        .destinationKey("copy-target")
                        .ifNoneMatch(etag)));
    assertThat(read("copy-target")).isEqualTo("target");
  }

  /**
   * Writers race to store the same bytes unless the key already holds them: the first write gives
   * the key that ETag, so exactly one may succeed, whatever the interleaving.
   */
  @Test
  void exactlyOneIfNoneMatchEtagPutWins() throws Exception {
    List<S3Client> clients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int i = 0; i < WRITERS; i++) {
        clients.add(coffer.client());
      }
      for (int round = 0; round < 5; round++) {
        String key = "race-" + round;
        put(key, "before");
        String target = "the one state " + round;
        String targetEtag = put("probe-" + round, target);
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<Boolean>> results = new ArrayList<>();
        for (S3Client client : clients) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      client.putObject(
                          b -> b.bucket(BUCKET).key(key).ifNoneMatch(targetEtag),
                          RequestBody.fromString(target));
                      return true;
                    } catch (S3Exception e) {
                      assertThat(e.statusCode()).as(e.getMessage()).isIn(409, 412);
                      return false;
                    }
                  }));
        }
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
        assertThat(read(key)).isEqualTo(target);
      }
    } finally {
      pool.shutdownNow();
      clients.forEach(S3Client::close);
    }
  }
}
