package io.coffer.it.support;

import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed requests the SDK will not send (invalid names, odd encodings, tampered signatures), over
 * plain HTTP. Signing uses the server's own {@link SigV4Signer}; what goes on the wire can differ
 * from what was signed, which is the point of most negative tests.
 */
public final class RawS3 {
  public static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint;
  private final String method;
  private final String rawPath;
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> signedHeaders = new LinkedHashMap<>();
  private final Map<String, String> unsignedHeaders = new LinkedHashMap<>();
  private String accessKey = CofferTestServer.ACCESS_KEY;
  private String secretKey = CofferTestServer.SECRET_KEY;
  private Instant time;
  private String payloadHash;

  private RawS3(URI endpoint, String method, String rawPath) {
    this.endpoint = endpoint;
    this.method = method;
    this.rawPath = rawPath;
  }

  /** A request for {@code rawPath} (already percent-encoded), signed as the test admin. */
  public static RawS3 request(URI endpoint, String method, String rawPath) {
    return new RawS3(endpoint, method, rawPath);
  }

  /** Signs and sends, the payload hash being the body's SHA-256. */
  public static HttpResponse<String> send(URI endpoint, String method, String rawPath, byte[] body)
      throws Exception {
    return request(endpoint, method, rawPath).send(body);
  }

  /** A header that is signed and sent. */
  public RawS3 header(String name, String value) {
    signedHeaders.put(name, value);
    return this;
  }

  /** A header sent but left out of the signature (or replacing a signed one's value). */
  public RawS3 unsignedHeader(String name, String value) {
    unsignedHeaders.put(name, value);
    return this;
  }

  /** A decoded query parameter. */
  public RawS3 query(String name, String value) {
    query.put(name, value);
    return this;
  }

  public RawS3 as(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    return this;
  }

  public RawS3 signedAt(Instant time) {
    this.time = time;
    return this;
  }

  /** The x-amz-content-sha256 to sign and send instead of the body's hash. */
  public RawS3 payloadHash(String payloadHash) {
    this.payloadHash = payloadHash;
    return this;
  }

  /** Signs for {@code body}; its {@code streaming()} context frames an aws-chunked body. */
  public SigV4Signer.HeaderSignature sign(byte[] body) {
    String hash = payloadHash != null ? payloadHash : sha256Hex(body);
    return SigV4Signer.sign(
        method,
        host(),
        rawPath,
        query,
        signedHeaders,
        hash,
        accessKey,
        secretKey,
        "us-east-1",
        time != null ? time : Instant.now());
  }

  public HttpResponse<String> send(byte[] body) throws Exception {
    return send(sign(body), body);
  }

  /** Sends {@code body} with a signature made earlier (for aws-chunked bodies framed after it). */
  public HttpResponse<String> send(SigV4Signer.HeaderSignature signature, byte[] body)
      throws Exception {
    return send(
        signature,
        HttpRequest.BodyPublishers.ofByteArray(body),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a body of any kind (a stream of gigabytes, say) and receives a response of any kind. */
  public <T> HttpResponse<T> send(
      SigV4Signer.HeaderSignature signature,
      HttpRequest.BodyPublisher body,
      HttpResponse.BodyHandler<T> handler)
      throws Exception {
    String target = rawPath + (signature.rawQuery().isEmpty() ? "" : "?" + signature.rawQuery());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(target)).method(method, body);
    headersToSend(signature).forEach(request::header);
    return HTTP.send(request.build(), handler);
  }

  /** The request line and header section for a raw socket, Host and Content-Length included. */
  public String head(
      SigV4Signer.HeaderSignature signature, long contentLength, String... extraLines) {
    String target = rawPath + (signature.rawQuery().isEmpty() ? "" : "?" + signature.rawQuery());
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    head.append("Host: ").append(host()).append("\r\n");
    head.append("Content-Length: ").append(contentLength).append("\r\n");
    headersToSend(signature)
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    for (String line : extraLines) {
      head.append(line).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private Map<String, String> headersToSend(SigV4Signer.HeaderSignature signature) {
    Map<String, String> headers = new LinkedHashMap<>(signedHeaders);
    headers.putAll(signature.headersToAdd());
    headers.putAll(unsignedHeaders);
    return headers;
  }

  private String host() {
    return endpoint.getHost() + ":" + endpoint.getPort();
  }

  /** A presigned URL as the test admin would hand it out. */
  public static String presign(
      URI endpoint,
      String method,
      String bucket,
      String key,
      Instant signedAt,
      long expiresSeconds) {
    return SigV4Signer.presign(
        method,
        endpoint.toString(),
        bucket,
        key,
        Map.of(),
        CofferTestServer.ACCESS_KEY,
        CofferTestServer.SECRET_KEY,
        "us-east-1",
        signedAt,
        expiresSeconds);
  }

  /** Sends a request to an absolute URL as it is (presigned or anonymous). */
  public static HttpResponse<String> sendUrl(String method, String url, byte[] body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code <Code>} of an S3 XML error body. */
  public static String errorCode(HttpResponse<String> response) {
    String body = response.body();
    int start = body.indexOf("<Code>");
    int end = body.indexOf("</Code>");
    return start < 0 || end < start ? null : body.substring(start + 6, end);
  }
}
