package io.coffer.it.bucket;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.it.support.StoredFiles;
import io.coffer.it.support.TestData;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import tools.jackson.databind.JsonNode;

/**
 * Bucket quotas: every write that adds bytes (PUT, copy, UploadPart, UploadPartCopy, completion, a
 * streaming body of unknown length, an upload through the management API) is refused with 403
 * QuotaExceeded once it would take the bucket's stored bytes past the quota, and leaves nothing
 * behind: no blob file, no temporary file, counters unchanged.
 */
class QuotaIT {
  /** Larger than the inline threshold, so that a stored body would be a blob file. */
  static final int SIZE = 100 * 1024;

  static final int MIB = 1024 * 1024;

  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final Api API = new Api(coffer);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static void bucketWithQuota(String bucket, long quota) {
    s3.createBucket(b -> b.bucket(bucket));
    setQuota(bucket, Long.toString(quota));
  }

  static void setQuota(String bucket, String quota) {
    Api.Reply reply =
        API.send("PUT", "/buckets/" + bucket + "/quota", "{\"quota_bytes\": " + quota + "}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(200);
  }

  static void put(String bucket, String key, int size) {
    s3.putObject(
        b -> b.bucket(bucket).key(key), RequestBody.fromBytes(TestData.random(size, size)));
  }

  static JsonNode usage(String bucket) {
    return API.get("/buckets/" + bucket + "/quota").json();
  }

  /** What a refused write must leave unchanged: the counters and the files on disk. */
  record Snapshot(long objects, long bytes, List<Path> blobs, List<Path> temporary) {}

  static Snapshot snapshot(String bucket) throws Exception {
    JsonNode usage = usage(bucket);
    return new Snapshot(
        usage.get("object_count").asLong(),
        usage.get("total_size").asLong(),
        StoredFiles.files(StoredFiles.bucketFolder(coffer.dataDir(), bucket)),
        StoredFiles.files(coffer.dataDir().resolve(".coffer/tmp")));
  }

  @Test
  void aPutThatFitsIsStoredAndOneThatWouldPassTheQuotaIsRefused() throws Exception {
    bucketWithQuota("quota-put", 2L * SIZE + 10);
    put("quota-put", "a", SIZE);
    put("quota-put", "b", SIZE);
    Snapshot before = snapshot("quota-put");
    assertThat(before.bytes()).isEqualTo(2L * SIZE);
    assertS3Error(403, "QuotaExceeded", () -> put("quota-put", "c", 11));
    assertThat(snapshot("quota-put")).isEqualTo(before);
    put("quota-put", "d", 10); // exactly up to the quota
    assertThat(usage("quota-put").get("total_size").asLong()).isEqualTo(2L * SIZE + 10);
  }

  @Test
  void anOverwriteCountsInFullAndEveryVersionCounts() throws Exception {
    bucketWithQuota("quota-versions", 3L * SIZE);
    s3.putBucketVersioning(
        b -> b.bucket("quota-versions").versioningConfiguration(v -> v.status("Enabled")));
    put("quota-versions", "k", SIZE);
    put("quota-versions", "k", SIZE);
    put("quota-versions", "k", SIZE);
    Snapshot before = snapshot("quota-versions");
    assertThat(before.objects()).isEqualTo(1);
    assertThat(before.bytes()).isEqualTo(3L * SIZE);
    assertS3Error(403, "QuotaExceeded", () -> put("quota-versions", "k", 1));
    assertThat(snapshot("quota-versions")).isEqualTo(before);
  }

  @Test
  void removingTheQuotaAllowsWritesAgain() throws Exception {
    bucketWithQuota("quota-removed", 0);
    assertS3Error(403, "QuotaExceeded", () -> put("quota-removed", "a", SIZE));
    put("quota-removed", "empty", 0); // adds no bytes
    setQuota("quota-removed", "null");
    put("quota-removed", "a", SIZE);
    assertThat(usage("quota-removed").get("quota_bytes").isNull()).isTrue();
  }

  @Test
  void aKnownLengthIsRefusedBeforeTheBodyIsInvited() throws Exception {
    bucketWithQuota("quota-continue", SIZE);
    byte[] body = TestData.random(SIZE + 1, 7);
    RawS3 request = RawS3.request(coffer.s3Uri(), "PUT", "/quota-continue/never-sent");
    try (RawSocket socket = new RawSocket(coffer.s3Uri().getPort())) {
      socket.write(request.head(request.sign(body), body.length, "Expect: 100-continue"));
      RawSocket.Response response = socket.readResponse();
      assertThat(response.status()).isEqualTo(403); // not 100: the body was never asked for
      assertThat(response.body()).contains("<Code>QuotaExceeded</Code>");
    }
    assertThat(snapshot("quota-continue").blobs()).isEmpty();
  }

  @Test
  void aStreamingBodyOfUnknownLengthStopsAtTheQuotaAndLeavesNothing() throws Exception {
    bucketWithQuota("quota-stream", 2L * SIZE);
    put("quota-stream", "a", SIZE);
    Snapshot before = snapshot("quota-stream");
    byte[] body = TestData.random(3 * SIZE, 9);
    RawS3 request =
        RawS3.request(coffer.s3Uri(), "PUT", "/quota-stream/streamed")
            .payloadHash("UNSIGNED-PAYLOAD");
    // An input-stream publisher has no length: the client sends Transfer-Encoding: chunked.
    HttpResponse<String> response =
        request.send(
            request.sign(body),
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(RawS3.errorCode(response)).isEqualTo("QuotaExceeded");
    assertThat(snapshot("quota-stream")).isEqualTo(before);
    assertS3Error(
        404, "NoSuchKey", () -> s3.headObject(b -> b.bucket("quota-stream").key("streamed")));
  }

  @Test
  void aCopyThatWouldPassTheQuotaIsRefused() throws Exception {
    s3.createBucket(b -> b.bucket("quota-copy-source"));
    put("quota-copy-source", "big", 2 * SIZE);
    bucketWithQuota("quota-copy", SIZE);
    Snapshot before = snapshot("quota-copy");
    assertS3Error(
        403,
        "QuotaExceeded",
        () ->
            s3.copyObject(
                b ->
                    b.sourceBucket("quota-copy-source")
                        .sourceKey("big")
                        .destinationBucket("quota-copy")
                        .destinationKey("copy")));
    assertThat(snapshot("quota-copy")).isEqualTo(before);
  }

  @Test
  void partsAndTheCompletionAreCheckedAndARefusedUploadStays() throws Exception {
    bucketWithQuota("quota-multipart", 8L * MIB);
    s3.createBucket(b -> b.bucket("quota-part-source"));
    put("quota-part-source", "nine", 9 * MIB);
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket("quota-multipart").key("k")).uploadId();
    Snapshot before = snapshot("quota-multipart");
    assertS3Error(
        403,
        "QuotaExceeded",
        () ->
            s3.uploadPart(
                b -> b.bucket("quota-multipart").key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(TestData.random(9 * MIB, 1))));
    assertS3Error(
        403,
        "QuotaExceeded",
        () ->
            s3.uploadPartCopy(
                b ->
                    b.sourceBucket("quota-part-source")
                        .sourceKey("nine")
                        .destinationBucket("quota-multipart")
                        .destinationKey("k")
                        .uploadId(uploadId)
                        .partNumber(1)));
    assertThat(snapshot("quota-multipart")).isEqualTo(before);
    // Each part fits, but together they would not: the completion is refused.
    UploadPartResponse one =
        s3.uploadPart(
            b -> b.bucket("quota-multipart").key("k").uploadId(uploadId).partNumber(1),
            RequestBody.fromBytes(TestData.random(5 * MIB, 2)));
    UploadPartResponse two =
        s3.uploadPart(
            b -> b.bucket("quota-multipart").key("k").uploadId(uploadId).partNumber(2),
            RequestBody.fromBytes(TestData.random(4 * MIB, 3)));
    assertS3Error(403, "QuotaExceeded", () -> complete(uploadId, one, two));
    assertThat(usage("quota-multipart").get("total_size").asLong()).isZero();
    assertThat(s3.listParts(b -> b.bucket("quota-multipart").key("k").uploadId(uploadId)).parts())
        .hasSize(2);
    // With fewer parts it fits.
    complete(uploadId, one);
    assertThat(usage("quota-multipart").get("total_size").asLong()).isEqualTo(5L * MIB);
  }

  /** Completes the upload of quota-multipart/k with these parts, numbered from 1. */
  static void complete(String uploadId, UploadPartResponse... parts) {
    CompletedPart[] completed = new CompletedPart[parts.length];
    for (int i = 0; i < parts.length; i++) {
      completed[i] = CompletedPart.builder().partNumber(i + 1).eTag(parts[i].eTag()).build();
    }
    s3.completeMultipartUpload(
        b ->
            b.bucket("quota-multipart")
                .key("k")
                .uploadId(uploadId)
                .multipartUpload(u -> u.parts(completed)));
  }

  @Test
  void anUploadThroughTheManagementApiIsRefusedToo() throws Exception {
    bucketWithQuota("quota-api", 4);
    Api.Reply reply = API.send("PUT", "/buckets/quota-api/objects/file.txt", "more than four");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(403);
    assertThat(reply.json().get("error").asString()).isEqualTo("quota_exceeded");
    assertThat(usage("quota-api").get("total_size").asLong()).isZero();
  }
}
