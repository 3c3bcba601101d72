package io.coffer.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.s3.auth.SigV4Signer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** One test per compatibility bug that scripts/e2e-clients.sh found with a real client. */
class ClientRegressionIT {
  static final String BUCKET = "client-regressions";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  /**
   * boto3 and the AWS CLI upload an empty file as {@code Content-Length: 0} with {@code Expect:
   * 100-continue}. Answered with a final response only, botocore kept that status line for the next
   * response on the connection and hung until its 60 s read timeout (aws s3 sync of a tree with an
   * empty file took a minute). S3 answers 100 Continue first.
   */
  @Test
  void emptyBodyWithExpectContinueGets100ContinueAndTheConnectionStaysUsable() throws Exception {
    URI endpoint = coffer.s3Uri();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(signedPut(endpoint, "/" + BUCKET + "/empty", "Expect: 100-continue\r\n"));
      out.flush();
      assertThat(readUntil(in, "\r\n\r\nHTTP/1.1 200 OK"))
          .startsWith("HTTP/1.1 100 Continue\r\n\r\n");
      readUntil(in, "\r\n\r\n"); // the rest of the 200's headers; it has no body
      out.write(signedPut(endpoint, "/" + BUCKET + "/after-empty", ""));
      out.flush();
      assertThat(readUntil(in, "\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
    }
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("empty")).contentLength()).isZero();
  }

  /**
   * boto3's generate_presigned_url, the AWS CLI v1's {@code aws s3 presign} and s3cmd's signurl
   * make SigV2 URLs by default, which Coffer used to reject as an unsupported mechanism.
   */
  @Test
  void sigV2PresignedUrlsAsBotoMakesThemByDefault() throws Exception {
    String key = "tree/x y+z%20 ünï.txt";
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("presigned v2"));
    String path = "/" + BUCKET + "/" + SigV4Signer.encodePath(key);
    long expires = Instant.now().getEpochSecond() + 300;

    HttpResponse<String> ok = get(sigV2Url(path, expires, ""));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("presigned v2");

    HttpResponse<String> override =
        get(sigV2Url(path, expires, "response-content-type=text%2Fx-coffer"));
    assertThat(override.statusCode()).isEqualTo(200);
    assertThat(override.headers().firstValue("Content-Type")).hasValue("text/x-coffer");

    HttpResponse<String> expired = get(sigV2Url(path, Instant.now().getEpochSecond() - 1, ""));
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("<Code>AccessDenied</Code>");

    HttpResponse<String> otherKey = get(sigV2Url(path, expires, "").replace("x%20y", "x%20z"));
    assertThat(otherKey.statusCode()).isEqualTo(403);
    assertThat(otherKey.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  /** A SigV2 query-string URL as botocore's HmacV1QueryAuth builds it. */
  private static String sigV2Url(String path, long expires, String overrideQuery) throws Exception {
    String resource = path;
    if (!overrideQuery.isEmpty()) {
      resource += "?" + java.net.URLDecoder.decode(overrideQuery, StandardCharsets.UTF_8);
    }
    String stringToSign = "GET\n\n\n" + expires + "\n" + resource;
    Mac mac = Mac.getInstance("HmacSHA1");
    byte[] secret = CofferTestServer.SECRET_KEY.getBytes(StandardCharsets.UTF_8);
    mac.init(new SecretKeySpec(secret, "HmacSHA1"));
    byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    String signature = Base64.getEncoder().encodeToString(digest);
    return coffer.s3Uri()
        + path
        + "?"
        + (overrideQuery.isEmpty() ? "" : overrideQuery + "&")
        + SigV4Signer.encodeQuery(
            Map.of(
                "AWSAccessKeyId",
                CofferTestServer.ACCESS_KEY,
                "Expires",
                Long.toString(expires),
                "Signature",
                signature));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static byte[] signedPut(URI endpoint, String rawPath, String extraHeaders) {
    String host = endpoint.getHost() + ":" + endpoint.getPort();
    SigV4Signer.HeaderSignature signature =
        SigV4Signer.sign(
            "PUT",
            host,
            rawPath,
            Map.of(),
            Map.of(),
            EMPTY_SHA256,
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "us-east-1",
            Instant.now());
    StringBuilder request =
        new StringBuilder("PUT " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\n");
    signature
        .headersToAdd()
        .forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("Content-Length: 0\r\n").append(extraHeaders).append("\r\n");
    return request.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads until {@code marker} has been seen; returns everything read, marker included. */
  private static String readUntil(InputStream in, String marker) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    while (!seen.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
      int b = in.read();
      assertThat(b).as("connection closed before %s; got %s", marker, seen).isNotNegative();
      seen.write(b);
    }
    return seen.toString(StandardCharsets.ISO_8859_1);
  }
}
