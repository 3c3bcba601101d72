package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.ExpectedChecksums;
import io.coffer.it.support.SignedHttp;
import io.coffer.it.support.TestData;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Single-object checksums: every algorithm sent as a header or as a trailer (signed or unsigned
 * chunks), verified, stored and returned with x-amz-checksum-mode: ENABLED.
 */
class ChecksumIT {
  static final String BUCKET = "checksums";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final byte[] DATA = TestData.random(300_000, 30);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static HttpResponse<byte[]> getWithChecksumMode(String key, String range) throws Exception {
    SignedHttp get =
        SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, key)
            .header("x-amz-checksum-mode", "ENABLED");
    if (range != null) {
      get.header("Range", range);
    }
    return get.send();
  }

  static void assertStoredChecksum(String key, ChecksumAlgorithm algorithm, String expected)
      throws Exception {
    HttpResponse<byte[]> got = getWithChecksumMode(key, null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue(algorithm.headerName())).as(key).hasValue(expected);
    assertThat(got.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    var head =
        SignedHttp.request(coffer.s3Uri(), "HEAD", BUCKET, key)
            .header("x-amz-checksum-mode", "ENABLED")
            .send();
    assertThat(head.headers().firstValue(algorithm.headerName())).as(key).hasValue(expected);
  }

  @Test
  void theSdkDefaultCrc32TrailerIsVerifiedStoredAndReturned() {
    s3.putObject(b -> b.bucket(BUCKET).key("sdk-default"), RequestBody.fromBytes(DATA));
    GetObjectResponse got =
        s3.getObjectAsBytes(
                b -> b.bucket(BUCKET).key("sdk-default").checksumMode(ChecksumMode.ENABLED))
            .response();
    assertThat(got.checksumCRC32()).isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, DATA));
    assertThat(got.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    var head =
        s3.headObject(b -> b.bucket(BUCKET).key("sdk-default").checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumCRC32()).isEqualTo(ExpectedChecksums.of(ChecksumAlgorithm.CRC32, DATA));
  }

  @Test
  void everyAlgorithmTheSdkComputesRoundTrips() {
    var algorithms =
        Map.of(
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32,
                ChecksumAlgorithm.CRC32,
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.CRC32C,
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA1,
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256,
                ChecksumAlgorithm.SHA256);
    algorithms.forEach(
        (sdk, ours) -> {
          String key = "sdk-" + ours;
          var put =
              s3.putObject(
                  b -> b.bucket(BUCKET).key(key).checksumAlgorithm(sdk),
                  RequestBody.fromBytes(DATA));
          String expected = ExpectedChecksums.of(ours, DATA);
          var got =
              s3.getObjectAsBytes(
                  b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
          assertThat(got.asByteArray()).isEqualTo(DATA);
          String returned =
              switch (ours) {
                case CRC32 -> got.response().checksumCRC32();
                case CRC32C -> got.response().checksumCRC32C();
                case SHA1 -> got.response().checksumSHA1();
                case SHA256 -> got.response().checksumSHA256();
                case CRC64NVME -> got.response().checksumCRC64NVME();
              };
          assertThat(returned).as(key).isEqualTo(expected);
          String acknowledged =
              switch (ours) {
                case CRC32 -> put.checksumCRC32();
                case CRC32C -> put.checksumCRC32C();
                case SHA1 -> put.checksumSHA1();
                case SHA256 -> put.checksumSHA256();
                case CRC64NVME -> put.checksumCRC64NVME();
              };
          assertThat(acknowledged).as(key).isEqualTo(expected);
        });
  }

  @Test
  void everyAlgorithmAsAHeaderIsVerifiedAndStored() throws Exception {
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      String key = "header-" + algorithm;
      String expected = ExpectedChecksums.of(algorithm, DATA);
      var put =
          SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
              .header(algorithm.headerName(), expected)
              .body(DATA)
              .send();
      assertThat(put.statusCode()).as(key).isEqualTo(200);
      assertThat(put.headers().firstValue(algorithm.headerName())).hasValue(expected);
      assertStoredChecksum(key, algorithm, expected);
    }
  }

  @Test
  void everyAlgorithmAsASignedOrUnsignedTrailerIsVerifiedAndStored() throws Exception {
    for (String mode :
        new String[] {SignedHttp.STREAMING_SIGNED_TRAILER, SignedHttp.STREAMING_UNSIGNED_TRAILER}) {
      for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
        String key = "trailer-" + mode + "-" + algorithm;
        String expected = ExpectedChecksums.of(algorithm, DATA);
        var put =
            SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
                .payload(mode)
                .trailers(Map.of(algorithm.headerName(), expected))
                .body(DATA)
                .send();
        assertThat(put.statusCode()).as(key + " " + SignedHttp.text(put)).isEqualTo(200);
        assertStoredChecksum(key, algorithm, expected);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray())
            .isEqualTo(DATA);
      }
    }
  }

  @Test
  void theCrcsMatchTheirPublishedCheckValues() throws Exception {
    Map<ChecksumAlgorithm, String> check =
        Map.of(
            ChecksumAlgorithm.CRC32, "cbf43926",
            ChecksumAlgorithm.CRC32C, "e3069283",
            ChecksumAlgorithm.CRC64NVME, "ae8b14860a799888");
    for (var entry : check.entrySet()) {
      String key = "check-value-" + entry.getKey();
      String value = TestData.base64(HexFormat.of().parseHex(entry.getValue()));
      var put =
          SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
              .header(entry.getKey().headerName(), value)
              .body("123456789")
              .send();
      assertThat(put.statusCode()).as(key).isEqualTo(200);
      assertThat(ExpectedChecksums.of(entry.getKey(), "123456789".getBytes())).isEqualTo(value);
    }
  }

  @Test
  void aWrongChecksumIsBadDigestAndNothingIsStored() throws Exception {
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      String wrong = ExpectedChecksums.of(algorithm, "something else".getBytes());
      String key = "wrong-" + algorithm;
      var header =
          SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
              .header(algorithm.headerName(), wrong)
              .body(DATA)
              .send();
      assertThat(header.statusCode()).as(key).isEqualTo(400);
      assertThat(SignedHttp.errorCode(header)).as(key).isEqualTo("BadDigest");
      for (String mode :
          new String[] {
            SignedHttp.STREAMING_SIGNED_TRAILER, SignedHttp.STREAMING_UNSIGNED_TRAILER
          }) {
        var trailer =
            SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, key)
                .payload(mode)
                .trailers(Map.of(algorithm.headerName(), wrong))
                .body(DATA)
                .send();
        assertThat(trailer.statusCode()).as(key + " " + mode).isEqualTo(400);
        assertThat(SignedHttp.errorCode(trailer)).as(key + " " + mode).isEqualTo("BadDigest");
      }
      assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key(key)));
    }
  }

  @Test
  void malformedOrConflictingChecksumHeadersAreInvalidRequest() throws Exception {
    var notBase64 =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "bad")
            .header("x-amz-checksum-crc32", "!!!")
            .body(DATA)
            .send();
    assertThat(notBase64.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(notBase64)).isEqualTo("InvalidRequest");
    var wrongLength =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "bad")
            .header("x-amz-checksum-sha256", TestData.base64(new byte[4]))
            .body(DATA)
            .send();
    assertThat(SignedHttp.errorCode(wrongLength)).isEqualTo("InvalidRequest");
    var two =
        SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, "bad")
            .header("x-amz-checksum-crc32", ExpectedChecksums.of(ChecksumAlgorithm.CRC32, DATA))
            .header("x-amz-checksum-sha1", ExpectedChecksums.of(ChecksumAlgorithm.SHA1, DATA))
            .body(DATA)
            .send();
    assertThat(two.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(two)).isEqualTo("InvalidRequest");
    assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(BUCKET).key("bad")));
  }

  @Test
  void checksumsAreReturnedOnlyWhenAskedForAndNeverForARange() throws Exception {
    s3.putObject(b -> b.bucket(BUCKET).key("ranged"), RequestBody.fromBytes(DATA));
    var plain = SignedHttp.request(coffer.s3Uri(), "GET", BUCKET, "ranged").send();
    assertThat(plain.headers().firstValue("x-amz-checksum-crc32")).isEmpty();
    var ranged = getWithChecksumMode("ranged", "bytes=0-99");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.headers().map().keySet())
        .noneMatch(h -> h.toLowerCase().startsWith("x-amz-checksum-crc"));
    // and the SDK, which validates what it is given, reads the range without complaint
    var sdk =
        s3.getObjectAsBytes(
            b ->
                b.bucket(BUCKET)
                    .key("ranged")
                    .range("bytes=100-199")
                    .checksumMode(ChecksumMode.ENABLED));
    assertThat(sdk.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(DATA, 100, 200));
  }
}
