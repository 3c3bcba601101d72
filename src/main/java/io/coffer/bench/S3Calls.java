package io.coffer.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The S3 operations the workloads use, each one request on a given connection. */
final class S3Calls {
  private final RequestFactory requests;
  private final String bucket;
  private final Map<String, String> objectHeaders;

  @SuppressWarnings("NullAway") // null only for the stub that sizes payloads and sends nothing
  S3Calls(@Nullable RequestFactory requests, String bucket) {
    this(requests, bucket, Map.of());
  }

  /**
   * Calls whose object writes (PutObject, CreateMultipartUpload) also send {@code objectHeaders},
   * e.g. {@code x-amz-server-side-encryption}: what encrypting each object costs.
   */
  @SuppressWarnings("NullAway") // null only for the stub that sizes payloads and sends nothing
  S3Calls(@Nullable RequestFactory requests, String bucket, Map<String, String> objectHeaders) {
    this.requests = requests;
    this.bucket = bucket;
    this.objectHeaders = Map.copyOf(objectHeaders);
  }

  String bucket() {
    return bucket;
  }

  /** The same calls on another bucket. */
  S3Calls withBucket(String other) {
    return new S3Calls(requests, other, objectHeaders);
  }

  /** PutBucketVersioning with status Enabled. */
  CompletableFuture<Response> enableVersioning(Connection c) {
    byte[] body =
        ("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Status>Enabled</Status></VersioningConfiguration>")
            .getBytes(StandardCharsets.UTF_8);
    return c.send(
        requests.withDocument(
            HttpMethod.PUT,
            bucket,
            null,
            Map.of("versioning", ""),
            Map.of("Content-MD5", md5Base64(body)),
            body),
        true);
  }

  /** ListObjectVersions from the start of the bucket. */
  CompletableFuture<Response> listVersions(Connection c, int maxKeys) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("versions", "");
    query.put("max-keys", Integer.toString(maxKeys));
    return c.send(requests.empty(HttpMethod.GET, bucket, null, query), true);
  }

  CompletableFuture<Response> createBucket(Connection c) {
    return c.send(requests.empty(HttpMethod.PUT, bucket, null, Map.of()), true);
  }

  CompletableFuture<Response> putBucketPolicy(Connection c, String policy) {
    byte[] body = policy.getBytes(StandardCharsets.UTF_8);
    return c.send(
        requests.withDocument(HttpMethod.PUT, bucket, null, Map.of("policy", ""), Map.of(), body),
        true);
  }

  CompletableFuture<Response> deleteBucket(Connection c) {
    return c.send(requests.empty(HttpMethod.DELETE, bucket, null, Map.of()), true);
  }

  CompletableFuture<Response> put(Connection c, String key, long size) {
    return c.send(
        requests.withPayload(HttpMethod.PUT, bucket, key, Map.of(), objectHeaders, size), false);
  }

  CompletableFuture<Response> get(Connection c, String key) {
    return c.send(requests.empty(HttpMethod.GET, bucket, key, Map.of()), false);
  }

  /** HeadObject: the object's metadata, no body. */
  CompletableFuture<Response> head(Connection c, String key) {
    return c.send(requests.empty(HttpMethod.HEAD, bucket, key, Map.of()), false);
  }

  /** DeleteObject. */
  CompletableFuture<Response> delete(Connection c, String key) {
    return c.send(requests.empty(HttpMethod.DELETE, bucket, key, Map.of()), false);
  }

  /** ListObjectsV2; null arguments are left out. */
  CompletableFuture<Response> list(
      Connection c,
      @Nullable String prefix,
      @Nullable String delimiter,
      @Nullable String continuationToken,
      @Nullable String startAfter,
      int maxKeys) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("list-type", "2");
    query.put("max-keys", Integer.toString(maxKeys));
    putIfPresent(query, "prefix", prefix);
    putIfPresent(query, "delimiter", delimiter);
    putIfPresent(query, "continuation-token", continuationToken);
    putIfPresent(query, "start-after", startAfter);
    return c.send(requests.empty(HttpMethod.GET, bucket, null, query), true);
  }

  CompletableFuture<Response> createUpload(Connection c, String key) {
    return c.send(
        requests.withHeaders(HttpMethod.POST, bucket, key, Map.of("uploads", ""), objectHeaders),
        true);
  }

  CompletableFuture<Response> uploadPart(
      Connection c, String key, String uploadId, int partNumber, long size) {
    Map<String, String> query =
        Map.of("partNumber", Integer.toString(partNumber), "uploadId", uploadId);
    return c.send(requests.withPayload(HttpMethod.PUT, bucket, key, query, Map.of(), size), false);
  }

  CompletableFuture<Response> completeUpload(
      Connection c, String key, String uploadId, List<String> etags) {
    StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
    for (int i = 0; i < etags.size(); i++) {
      xml.append("<Part><PartNumber>")
          .append(i + 1)
          .append("</PartNumber><ETag>")
          .append(XmlScan.escape(etags.get(i)))
          .append("</ETag></Part>");
    }
    xml.append("</CompleteMultipartUpload>");
    byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
    return c.send(
        requests.withDocument(
            HttpMethod.POST, bucket, key, Map.of("uploadId", uploadId), Map.of(), body),
        true);
  }

  CompletableFuture<Response> abortUpload(Connection c, String key, String uploadId) {
    return c.send(
        requests.empty(HttpMethod.DELETE, bucket, key, Map.of("uploadId", uploadId)), true);
  }

  /** DeleteObjects (quiet) of up to 1000 keys; Content-MD5 because S3 and s3proxy require it. */
  CompletableFuture<Response> deleteObjects(Connection c, List<String> keys) {
    return deleteVersions(c, keys, null);
  }

  /**
   * DeleteObjects (quiet) of up to 1000 keys, each with its version ID ({@code ids} null: the
   * current versions).
   */
  CompletableFuture<Response> deleteVersions(
      Connection c, List<String> keys, @Nullable List<String> ids) {
    StringBuilder xml = new StringBuilder("<Delete><Quiet>true</Quiet>");
    for (int i = 0; i < keys.size(); i++) {
      xml.append("<Object><Key>").append(XmlScan.escape(keys.get(i))).append("</Key>");
      if (ids != null) {
        xml.append("<VersionId>").append(XmlScan.escape(ids.get(i))).append("</VersionId>");
      }
      xml.append("</Object>");
    }
    xml.append("</Delete>");
    byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = Map.of("Content-MD5", md5Base64(body));
    return c.send(
        requests.withDocument(HttpMethod.POST, bucket, null, Map.of("delete", ""), headers, body),
        true);
  }

  private static void putIfPresent(Map<String, String> query, String name, @Nullable String value) {
    if (value != null) {
      query.put(name, value);
    }
  }

  private static String md5Base64(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
