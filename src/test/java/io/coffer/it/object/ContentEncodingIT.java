package io.coffer.it.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Content-Encoding is stored and returned byte for byte; aws-chunked framing is not stored. */
class ContentEncodingIT {
  static final String BUCKET = "encodings";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  @Test
  void contentEncodingIsReturnedByteForByte() throws Exception {
    HttpResponse<byte[]> put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "raw")
            .header("Content-Encoding", "deflate, gzip")
            .body("x")
            .send();
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("raw")).contentEncoding())
        .isEqualTo("deflate, gzip");
    HttpResponse<byte[]> get = SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, "raw").send();
    assertThat(get.headers().allValues("Content-Encoding")).containsExactly("deflate, gzip");
  }

  @Test
  void contentEncodingThroughTheSdkIsReturnedByteForByte() {
    s3.putObject(
        b -> b.bucket(BUCKET).key("sdk").contentEncoding("deflate, gzip"),
        RequestBody.fromString("x"));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("sdk")).contentEncoding())
        .isEqualTo("deflate, gzip");
  }

  @Test
  void awsChunkedFramingIsNotStored() throws Exception {
    HttpResponse<byte[]> put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "framed")
            .payload(SignedHttp.STREAMING_SIGNED)
            .body("framed body")
            .send();
    assertThat(put.statusCode()).as(SignedHttp.text(put)).isEqualTo(200);
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("framed")).contentEncoding()).isNull();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("framed")).asUtf8String())
        .isEqualTo("framed body");
  }
}
