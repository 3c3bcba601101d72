package io.coffer.it.auth;

import static io.coffer.it.support.RawS3.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Authentication and request decoding as real clients met them (issue 12): the region named in
 * AuthorizationHeaderMalformed, unsupported schemes, non-UTF-8 key paths, SigV2 presigned URLs for
 * ten years, and non-ASCII metadata values sent raw.
 */
class AuthRegressionIT {
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets("regress");
  static URI s3;
  static S3Client client;

  @BeforeAll
  static void bucket() {
    s3 = SERVER.s3Uri();
    client = SERVER.s3();
  }

  @Test
  void authorizationHeaderMalformedNamesTheExpectedRegion() throws Exception {
    HttpResponse<String> header =
        ForgedRequest.of(s3, "GET", "/regress").scope("eu-central-1", "s3").send(new byte[0]);
    assertThat(header.statusCode()).isEqualTo(400);
    assertThat(header.body())
        .contains("<Code>AuthorizationHeaderMalformed</Code>")
        .contains("is wrong; expecting")
        .contains("<Region>us-east-1</Region>");
    String url =
        SigV4Signer.presign(
            "GET",
            s3.toString(),
            "regress",
            "k",
            Map.of(),
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            "eu-central-1",
            Instant.now(),
            600);
    HttpResponse<String> presigned = RawS3.sendUrl("GET", url, new byte[0]);
    assertThat(RawS3.errorCode(presigned)).isEqualTo("AuthorizationQueryParametersError");
    assertThat(presigned.body()).contains("<Region>us-east-1</Region>");
  }

  @Test
  void unsupportedAuthorizationTypeIsInvalidArgument() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(s3.resolve("/regress"))
            .header("Authorization", "Bearer abc.def")
            .GET()
            .build();
    HttpResponse<String> response = RawS3.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>InvalidArgument</Code>")
        .contains("<Message>Unsupported Authorization Type</Message>")
        .contains("<ArgumentName>Authorization</ArgumentName>")
        .contains("<ArgumentValue>Bearer abc.def</ArgumentValue>");
  }

  @Test
  void keyPathWhosePercentEscapesAreNotUtf8IsRefused() throws Exception {
    for (String path :
        new String[] {"/regress/%FF%FE", "/regress/%FF", "/regress/%C3", "/regress/a%C3%28"}) {
      HttpResponse<String> put = RawS3.send(s3, "PUT", path, utf8("bytes"));
      assertThat(put.statusCode()).as(path).isEqualTo(400);
      assertThat(RawS3.errorCode(put)).as(path).isEqualTo("InvalidURI");
    }
    HttpResponse<String> bucket = RawS3.send(s3, "GET", "/re%FFgress", new byte[0]);
    assertThat(RawS3.errorCode(bucket)).isEqualTo("InvalidURI");
    assertThat(client.listObjectsV2(b -> b.bucket("regress").prefix("\uFFFD")).contents())
        .isEmpty();
    // Valid UTF-8 escapes still name their key.
    assertThat(RawS3.send(s3, "PUT", "/regress/caf%C3%A9", utf8("ok")).statusCode()).isEqualTo(200);
    assertThat(client.headObject(b -> b.bucket("regress").key("café")).contentLength())
        .isEqualTo(2);
  }

  @Test
  void queryWhosePercentEscapesAreNotUtf8IsRefusedBeforeAuthentication() throws Exception {
    // The query used to decode such bytes to U+FFFD for routing, while the verifier signed them.
    for (String query :
        new String[] {"prefix=%FF", "prefix=%C0%AF", "list-type=2&start-after=%ED%A0%80"}) {
      HttpRequest request = HttpRequest.newBuilder(s3.resolve("/regress?" + query)).GET().build();
      HttpResponse<String> response =
          RawS3.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(RawS3.errorCode(response)).as(query).isEqualTo("InvalidURI");
    }
    HttpResponse<String> valid =
        RawS3.request(s3, "GET", "/regress").query("prefix", "caf\u00e9").send(new byte[0]);
    assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
  }

  @Test
  void sigV2PresignedUrlExpiringMoreThanSevenDaysAheadIsRefused() throws Exception {
    client.putObject(
        b -> b.bucket("regress").key("shared.txt"),
        software.amazon.awssdk.core.sync.RequestBody.fromString("shared"));
    long now = Instant.now().getEpochSecond();
    HttpResponse<String> tenYears =
        RawS3.sendUrl("GET", sigV2Url("/regress/shared.txt", now + 10L * 365 * 86400), new byte[0]);
    assertThat(tenYears.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(tenYears)).isEqualTo("AuthorizationQueryParametersError");
    HttpResponse<String> eightDays =
        RawS3.sendUrl("GET", sigV2Url("/regress/shared.txt", now + 8L * 86400), new byte[0]);
    assertThat(eightDays.statusCode()).isEqualTo(400);
    HttpResponse<String> sixDays =
        RawS3.sendUrl("GET", sigV2Url("/regress/shared.txt", now + 6L * 86400), new byte[0]);
    assertThat(sixDays.statusCode()).as(sixDays.body()).isEqualTo(200);
    assertThat(sixDays.body()).isEqualTo("shared");
  }

  /**
   * boto3 sends a non-ASCII metadata value's UTF-8 bytes raw and signs its UTF-8 string. Here the
   * AWS SDK's own SigV4 signer signs the value, and the bytes are sent as boto3 sends them. S3
   * keeps the value and answers it RFC 2047-encoded: the expected header is the example of AWS's
   * "Working with object metadata" page, byte for byte.
   */
  @Test
  void nonAsciiMetadataSentRawIsAcceptedAndReturnedRfc2047Encoded() throws Exception {
    String value = "ÄMÄZÕÑ S3";
    byte[] body = utf8("with metadata");
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .uri(s3.resolve("/regress/meta.txt"))
            .method(SdkHttpMethod.PUT)
            .putHeader("x-amz-meta-nonascii", value)
            .putHeader("x-amz-content-sha256", RawS3.sha256Hex(body))
            .build();
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsBasicCredentials.create(
                                CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
            .request();
    // Written as UTF-8 over a socket, as boto3 writes it (Java's HTTP client would send '?').
    StringBuilder request = new StringBuilder("PUT /regress/meta.txt HTTP/1.1\r\n");
    signed
        .headers()
        .forEach(
            (name, values) ->
                request.append(name).append(": ").append(values.get(0)).append("\r\n"));
    request
        .append("Content-Length: ")
        .append(body.length)
        .append("\r\n\r\n")
        .append("with metadata");
    try (RawSocket socket = new RawSocket(s3.getPort())) {
      RawSocket.Response response = socket.write(request.toString()).readResponse();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> head = RawS3.send(s3, "HEAD", "/regress/meta.txt", new byte[0]);
    assertThat(head.headers().firstValue("x-amz-meta-nonascii"))
        .hasValue("=?UTF-8?B?w4PChE3Dg8KEWsODwpXDg8KRIFMz?=");
    assertThat(client.headObject(b -> b.bucket("regress").key("meta.txt")).metadata())
        .containsEntry("nonascii", "=?UTF-8?B?w4PChE3Dg8KEWsODwpXDg8KRIFMz?=");
  }

  /** A SigV2 presigned GET URL, signed here from AWS's documentation. */
  private static String sigV2Url(String path, long expires) throws Exception {
    String toSign = "GET\n\n\n" + expires + "\n" + path;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(
        new SecretKeySpec(
            CofferTestServer.SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String signature =
        Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    return s3
        + path
        + "?AWSAccessKeyId="
        + CofferTestServer.ACCESS_KEY
        + "&Expires="
        + expires
        + "&Signature="
        + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8);
  }
}
