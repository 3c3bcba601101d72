package io.coffer.it.tls;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates.KeyFormat;
import io.coffer.it.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * SSE-C as AWS allows it: over HTTPS, with no --allow-sse-c-over-http. (Over plain HTTP the same
 * requests are refused: NeverPretendIT.)
 */
class SseCOverTlsIT {
  static final TlsFixture TLS = new TlsFixture("RSA", KeyFormat.PKCS8);

  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets("vault")
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.AUTO)))
          .trusting(TLS.ca.trustManagers());

  @AfterAll
  static void deleteCertificates() throws Exception {
    TLS.delete();
  }

  @Test
  void customerKeysWorkOverHttpsWithoutTheHttpException() {
    byte[] key = Arrays.copyOf("a key sent only over TLS".getBytes(StandardCharsets.UTF_8), 32);
    String keyBase64 = TestData.base64(key);
    String keyMd5 = TestData.base64(TestData.digest("MD5", key));
    byte[] body = TestData.random(200_000, 7);
    S3Client s3 = coffer.s3();

    PutObjectResponse put =
        s3.putObject(
            b ->
                b.bucket("vault")
                    .key("doc")
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(keyBase64)
                    .sseCustomerKeyMD5(keyMd5),
            RequestBody.fromBytes(body));
    assertThat(put.sseCustomerKeyMD5()).isEqualTo(keyMd5);

    byte[] read =
        s3.getObjectAsBytes(
                b ->
                    b.bucket("vault")
                        .key("doc")
                        .range("bytes=100000-100099")
                        .sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(keyBase64)
                        .sseCustomerKeyMD5(keyMd5))
            .asByteArray();
    assertThat(read).isEqualTo(Arrays.copyOfRange(body, 100_000, 100_100));

    assertS3Error(
        400, "InvalidRequest", () -> s3.getObjectAsBytes(b -> b.bucket("vault").key("doc")));
  }
}
