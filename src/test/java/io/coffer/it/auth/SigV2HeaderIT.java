package io.coffer.it.auth;

import static io.coffer.it.support.RawS3.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests signed with Signature Version 2 in the Authorization header ({@code AWS key:signature}),
 * as older SDKs, s3cmd with {@code signature_v2 = True} and appliances send them, against a real
 * server. The refusals (wrong secret, unknown key, skew, another owner...) are in the auth matrix.
 */
class SigV2HeaderIT {
  static final String DOMAIN = "s3.coffer.test";

  @RegisterExtension
  static final CofferTestServer coffer =
      new CofferTestServer().configured(c -> c.withDomain(DOMAIN));

  static URI s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = coffer.s3Uri();
    assertThat(SigV2Signing.request(s3, "PUT", "/sigv2").send(new byte[0]).statusCode())
        .isEqualTo(200);
  }

  @Test
  void sigV2SignedPutAndGetStoreAndReturnTheObject() throws Exception {
    byte[] body = utf8("signed with version 2");
    HttpResponse<String> put =
        SigV2Signing.request(s3, "PUT", "/sigv2/dir/file%20name.txt")
            .header("Content-Type", "text/plain")
            .header("Content-MD5", md5(body))
            .header("x-amz-meta-colour", "blue")
            .send(body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    HttpResponse<String> get =
        SigV2Signing.request(s3, "GET", "/sigv2/dir/file%20name.txt").send(new byte[0]);
    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("signed with version 2");
    assertThat(get.headers().firstValue("x-amz-meta-colour")).hasValue("blue");
    assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain");
  }

  @Test
  void sigV2WithXAmzDateAsS3cmdSendsIt() throws Exception {
    HttpResponse<String> put =
        SigV2Signing.request(s3, "PUT", "/sigv2/amz-date")
            .withAmzDate()
            .send(utf8("dated by x-amz-date"));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    HttpResponse<String> stale =
        SigV2Signing.request(s3, "GET", "/sigv2/amz-date")
            .withAmzDate()
            .at(Instant.now().minus(Duration.ofMinutes(16)))
            .send(new byte[0]);
    assertThat(RawS3.errorCode(stale)).isEqualTo("RequestTimeTooSkewed");
  }

  @Test
  void sigV2ContentMd5IsCheckedAgainstTheBody() throws Exception {
    byte[] body = utf8("the bytes sent");
    HttpResponse<String> wrong =
        SigV2Signing.request(s3, "PUT", "/sigv2/md5")
            .header("Content-MD5", md5(utf8("other bytes")))
            .send(body);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(RawS3.errorCode(wrong)).isEqualTo("BadDigest");
    HttpResponse<String> malformed =
        SigV2Signing.request(s3, "PUT", "/sigv2/md5")
            .header("Content-MD5", "not-base64!")
            .send(body);
    assertThat(RawS3.errorCode(malformed)).isEqualTo("InvalidDigest");
    HttpResponse<String> get = SigV2Signing.request(s3, "GET", "/sigv2/md5").send(new byte[0]);
    assertThat(RawS3.errorCode(get)).isEqualTo("NoSuchKey");
  }

  @Test
  void sigV2SignsSubResources() throws Exception {
    HttpResponse<String> location =
        SigV2Signing.request(s3, "GET", "/sigv2?location").send(new byte[0]);
    assertThat(location.statusCode()).as(location.body()).isEqualTo(200);
    assertThat(location.body()).contains("LocationConstraint");
    HttpResponse<String> forged =
        SigV2Signing.request(s3, "GET", "/sigv2?location").signResource("/sigv2").send(new byte[0]);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(RawS3.errorCode(forged)).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void sigV2MultipartUploadSignsUploadsUploadIdAndPartNumber() throws Exception {
    HttpResponse<String> created =
        SigV2Signing.request(s3, "POST", "/sigv2/multi?uploads").send(new byte[0]);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String uploadId = between(created.body(), "UploadId");
    HttpResponse<String> part =
        SigV2Signing.request(s3, "PUT", "/sigv2/multi?partNumber=1&uploadId=" + uploadId)
            .send(utf8("one part"));
    assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
    String etag = part.headers().firstValue("ETag").orElseThrow();
    String complete =
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
            + etag
            + "</ETag></Part></CompleteMultipartUpload>";
    HttpResponse<String> done =
        SigV2Signing.request(s3, "POST", "/sigv2/multi?uploadId=" + uploadId).send(utf8(complete));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(SigV2Signing.request(s3, "GET", "/sigv2/multi").send(new byte[0]).body())
        .isEqualTo("one part");
  }

  @Test
  void sigV2VirtualHostedRequestsSignTheBucketInTheResource() throws Exception {
    String host = "sigv2." + DOMAIN + ":" + s3.getPort();
    Map<String, String> signed =
        SigV2Signing.request(s3, "PUT", "/by-host.txt")
            .signResource("/sigv2/by-host.txt")
            .signedHeaders();
    try (RawSocket socket = new RawSocket(s3.getPort())) {
      StringBuilder head =
          new StringBuilder(
              "PUT /by-host.txt HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 7\r\n");
      signed.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      socket.write(head.append("\r\nby host").toString());
      RawSocket.Response response = socket.readResponse();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
    assertThat(SigV2Signing.request(s3, "GET", "/sigv2/by-host.txt").send(new byte[0]).body())
        .isEqualTo("by host");
  }

  private static String md5(byte[] body) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
  }

  private static String between(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).as(xml).isTrue();
    return m.group(1);
  }
}
