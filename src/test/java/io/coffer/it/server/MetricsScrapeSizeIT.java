package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * One scrape stays small after traffic on many S3 operations: each operation's latency histogram
 * has the dozen fixed buckets (it had ~70 each with Micrometer's percentile histogram, 1,776 lines
 * and ~167 KB for a test run's traffic).
 */
class MetricsScrapeSizeIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static final Set<String> BUCKETS =
      Set.of(
          "0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0",
          "10.0", "+Inf");

  private static final String BUCKET_LINE = "coffer_s3_request_duration_seconds_bucket{";
  private static final Pattern OPERATION = Pattern.compile("operation=\"([A-Za-z0-9]+)\"");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  /**
   * Bounds for the traffic below (measured: ~610 lines, ~46 KB); ~70 buckets per operation would
   * add over 1,300 lines.
   */
  static final int MAX_LINES = 900;

  static final int MAX_BYTES = 64 * 1024;

  @Test
  void aScrapeAfterTrafficOnManyOperationsStaysSmall() throws Exception {
    List<String> operations = manyOperations(coffer.s3());
    String text = scrapeText();
    List<String> lines = text.lines().toList();
    Map<String, Set<String>> bucketsByOperation = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith(BUCKET_LINE)) {
        Matcher operation = OPERATION.matcher(line);
        Matcher le = LE.matcher(line);
        assertThat(operation.find() && le.find()).as(line).isTrue();
        bucketsByOperation
            .computeIfAbsent(operation.group(1), k -> new TreeSet<>())
            .add(le.group(1));
      }
    }
    assertThat(bucketsByOperation.keySet()).containsAll(operations);
    bucketsByOperation.forEach(
        (operation, buckets) ->
            assertThat(buckets).as(operation + "'s latency buckets").isEqualTo(BUCKETS));
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf(
        "MetricsScrapeSizeIT: %d S3 operations seen, scrape %d lines, %d bytes%n",
        bucketsByOperation.size(), lines.size(), bytes);
    assertThat(lines.size()).as("lines in one scrape").isLessThanOrEqualTo(MAX_LINES);
    assertThat(bytes).as("bytes in one scrape").isLessThanOrEqualTo(MAX_BYTES);
  }

  /** Drives 24 operations (some answered with errors); returns their names as /metrics has them. */
  static List<String> manyOperations(S3Client s3) {
    String bucket = "scrape-size";
    s3.createBucket(b -> b.bucket(bucket));
    s3.headBucket(b -> b.bucket(bucket));
    s3.listBuckets();
    s3.getBucketLocation(b -> b.bucket(bucket));
    s3.putBucketVersioning(
        b ->
            b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.getBucketVersioning(b -> b.bucket(bucket));
    for (int i = 0; i < 5; i++) {
      String key = "k" + i;
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("value " + key));
    }
    s3.getObject(b -> b.bucket(bucket).key("k1"), (response, in) -> in.readAllBytes());
    try {
      s3.getObject(b -> b.bucket(bucket).key("missing"), (response, in) -> in.readAllBytes());
    } catch (NoSuchKeyException expected) {
      // a 404 is one more status of GetObject
    }
    s3.headObject(b -> b.bucket(bucket).key("k2"));
    s3.listObjectsV2(b -> b.bucket(bucket));
    s3.listObjects(b -> b.bucket(bucket));
    s3.listObjectVersions(b -> b.bucket(bucket));
    s3.copyObject(
        b -> b.sourceBucket(bucket).sourceKey("k1").destinationBucket(bucket).destinationKey("c"));
    s3.putObjectTagging(
        b ->
            b.bucket(bucket)
                .key("k1")
                .tagging(t -> t.tagSet(Tag.builder().key("a").value("b").build())));
    s3.getObjectTagging(b -> b.bucket(bucket).key("k1"));
    s3.deleteObjectTagging(b -> b.bucket(bucket).key("k1"));
    String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("mp")).uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(bucket).key("mp").uploadId(upload).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    s3.listParts(b -> b.bucket(bucket).key("mp").uploadId(upload));
    s3.listMultipartUploads(b -> b.bucket(bucket));
    s3.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key("mp")
                .uploadId(upload)
                .multipartUpload(
                    m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    String aborted = s3.createMultipartUpload(b -> b.bucket(bucket).key("ab")).uploadId();
    s3.abortMultipartUpload(b -> b.bucket(bucket).key("ab").uploadId(aborted));
    s3.deleteObjects(
        b ->
            b.bucket(bucket)
                .delete(
                    d ->
                        d.objects(
                            ObjectIdentifier.builder().key("k3").build(),
                            ObjectIdentifier.builder().key("k4").build())));
    s3.deleteObject(b -> b.bucket(bucket).key("k0"));
    return List.of(
        "CreateBucket",
        "HeadBucket",
        "ListBuckets",
        "GetBucketLocation",
        "PutBucketVersioning",
        "GetBucketVersioning",
        "PutObject",
        "GetObject",
        "HeadObject",
        "ListObjectsV2",
        "ListObjects",
        "ListObjectVersions",
        "CopyObject",
        "PutObjectTagging",
        "GetObjectTagging",
        "DeleteObjectTagging",
        "CreateMultipartUpload",
        "UploadPart",
        "ListParts",
        "ListMultipartUploads",
        "CompleteMultipartUpload",
        "AbortMultipartUpload",
        "DeleteObjects",
        "DeleteObject");
  }

  static String scrapeText() throws Exception {
    HttpResponse<String> response =
        RawS3.HTTP.send(
            HttpRequest.newBuilder(URI.create(coffer.server().consoleEndpoint() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
