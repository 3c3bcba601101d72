package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bodies sent with Transfer-Encoding: chunked and no Content-Length, as the AWS C++ SDK sends them:
 * plain (UNSIGNED-PAYLOAD or a signed hash) and aws-chunked inside HTTP chunks.
 */
class ChunkedTransferIT {
  static final String BUCKET = "chunked";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] DATA = TestData.random(1_500_000, 50);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static void assertStored(String key, byte[] expected) {
    var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
    assertThat(got.asByteArray()).as(key).isEqualTo(expected);
    assertThat(got.response().contentLength()).isEqualTo(expected.length);
    assertThat(got.response().eTag()).isEqualTo("\"" + TestData.md5Hex(expected) + "\"");
  }

  @Test
  void unsignedPayloadWithoutContentLength() throws Exception {
    var put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "unsigned")
            .payload(SignedHttp.UNSIGNED_PAYLOAD)
            .body(DATA)
            .unknownLength()
            .send();
    assertThat(put.statusCode()).as(SignedHttp.text(put)).isEqualTo(200);
    assertStored("unsigned", DATA);
  }

  @Test
  void signedPayloadWithoutContentLength() throws Exception {
    var put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "signed")
            .body(DATA)
            .unknownLength()
            .send();
    assertThat(put.statusCode()).as(SignedHttp.text(put)).isEqualTo(200);
    assertStored("signed", DATA);
  }

  @Test
  void aTamperedSignedPayloadWithoutContentLengthIsRejected() throws Exception {
    byte[] other = DATA.clone();
    other[1000] ^= 1;
    var put =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "tampered")
            .payload(TestData.sha256Hex(DATA))
            .body(other)
            .unknownLength()
            .send();
    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(put)).isEqualTo("XAmzContentSHA256Mismatch");
  }

  @Test
  void awsChunkedBodiesInsideHttpChunks() throws Exception {
    String crc = ExpectedChecksums.of(ChecksumAlgorithm.CRC32C, DATA);
    var signed =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "aws-chunked-signed")
            .payload(SignedHttp.STREAMING_SIGNED)
            .body(DATA)
            .unknownLength()
            .send();
    assertThat(signed.statusCode()).as(SignedHttp.text(signed)).isEqualTo(200);
    assertStored("aws-chunked-signed", DATA);
    var trailer =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "aws-chunked-trailer")
            .payload(SignedHttp.STREAMING_UNSIGNED_TRAILER)
            .trailers(Map.of("x-amz-checksum-crc32c", crc))
            .body(DATA)
            .unknownLength()
            .send();
    assertThat(trailer.statusCode()).as(SignedHttp.text(trailer)).isEqualTo(200);
    assertThat(trailer.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc);
    assertStored("aws-chunked-trailer", DATA);
  }

  @Test
  void emptyBodyAndUploadPartWithoutContentLength() throws Exception {
    var empty =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "empty")
            .payload(SignedHttp.UNSIGNED_PAYLOAD)
            .unknownLength()
            .send();
    assertThat(empty.statusCode()).isEqualTo(200);
    assertStored("empty", new byte[0]);

    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("part")).uploadId();
    var part =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "part")
            .query("partNumber", "1")
            .query("uploadId", uploadId)
            .payload(SignedHttp.UNSIGNED_PAYLOAD)
            .body(DATA)
            .unknownLength()
            .send();
    assertThat(part.statusCode()).isEqualTo(200);
    String etag = part.headers().firstValue("ETag").orElseThrow();
    s3.completeMultipartUpload(
        b ->
            b.bucket(BUCKET)
                .key("part")
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("part")).asByteArray())
        .isEqualTo(DATA);
    // and a normal request on a fresh connection still works afterwards
    s3.putObject(b -> b.bucket(BUCKET).key("after"), RequestBody.fromString("ok"));
    assertStored("after", "ok".getBytes());
  }
}
