package io.coffer.it.support;

import io.coffer.s3.auth.AwsChunkedEncoder;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signed requests with any headers, query and body framing, for what the SDK will not send: wrong
 * checksums in headers or trailers, aws-chunked bodies of every layout, and bodies sent with {@code
 * Transfer-Encoding: chunked} and no Content-Length (as the AWS C++ SDK does).
 */
public final class SignedHttp {
  public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  public static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  public static final String STREAMING_SIGNED_TRAILER =
      "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  public static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int CHUNK = 64 * 1024;

  private final URI endpoint;
  private final String method;
  private final String path;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private byte[] body = new byte[0];
  private String payloadMode;
  private Map<String, String> trailers;
  private boolean unknownLength;
  private String accessKey = CofferTestServer.ACCESS_KEY;
  private String secretKey = CofferTestServer.SECRET_KEY;

  private SignedHttp(URI endpoint, String method, String bucket, String key) {
    this.endpoint = endpoint;
    this.method = method;
    this.path = "/" + bucket + (key == null ? "" : "/" + SigV4Signer.encodePath(key));
  }

  public static SignedHttp request(URI endpoint, String method, String bucket, String key) {
    return new SignedHttp(endpoint, method, bucket, key);
  }

  public SignedHttp query(String name, String value) {
    query.put(name, value);
    return this;
  }

  public SignedHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public SignedHttp body(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  public SignedHttp body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** x-amz-content-sha256 literal; default: the body's hex SHA-256. */
  public SignedHttp payload(String mode) {
    this.payloadMode = mode;
    return this;
  }

  /** Frames the body as aws-chunked with these trailers (names are announced in x-amz-trailer). */
  public SignedHttp trailers(Map<String, String> trailers) {
    this.trailers = trailers;
    return this;
  }

  /** Sends the body with Transfer-Encoding: chunked and no Content-Length. */
  public SignedHttp unknownLength() {
    this.unknownLength = true;
    return this;
  }

  /** Signs with this credential instead of the test server's admin. */
  public SignedHttp as(String newAccessKey, String newSecretKey) {
    this.accessKey = newAccessKey;
    this.secretKey = newSecretKey;
    return this;
  }

  public HttpResponse<byte[]> send() throws Exception {
    return HTTP.send(build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends the request and returns once the headers arrived, the body left to read as it comes. */
  public HttpResponse<java.io.InputStream> open() throws Exception {
    return HTTP.send(build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpRequest build() throws Exception {
    boolean streaming = payloadMode != null && payloadMode.startsWith("STREAMING-");
    Map<String, String> signed = new TreeMap<>(headers);
    if (streaming) {
      signed.put("Content-Encoding", "aws-chunked");
      signed.put("x-amz-decoded-content-length", Long.toString(body.length));
      if (trailers != null) {
        signed.put("x-amz-trailer", String.join(",", trailers.keySet()));
      }
    }
    String payloadHash = payloadMode != null ? payloadMode : TestData.sha256Hex(body);
    String host = endpoint.getHost() + ":" + endpoint.getPort();
    SigV4Signer.HeaderSignature signature =
        SigV4Signer.sign(
            method,
            host,
            path,
            query,
            signed,
            payloadHash,
            accessKey,
            secretKey,
            "us-east-1",
            Instant.now());
    byte[] wire = body;
    if (streaming) {
      var context = payloadMode.equals(STREAMING_UNSIGNED_TRAILER) ? null : signature.streaming();
      wire = AwsChunkedEncoder.encode(context, body, CHUNK, trailers);
    }
    BodyPublisher publisher = BodyPublishers.ofByteArray(wire);
    if (unknownLength) {
      publisher = BodyPublishers.fromPublisher(publisher);
    }
    String uri =
        endpoint + path + (signature.rawQuery().isEmpty() ? "" : "?" + signature.rawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).method(method, publisher);
    signed.forEach(request::header);
    signature.headersToAdd().forEach(request::header);
    return request.build();
  }

  /** The S3 error code in an error response's XML body, or null. */
  public static String errorCode(HttpResponse<byte[]> response) {
    String xml = new String(response.body(), StandardCharsets.UTF_8);
    int start = xml.indexOf("<Code>");
    int end = xml.indexOf("</Code>");
    return start < 0 || end < 0 ? null : xml.substring(start + 6, end);
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
