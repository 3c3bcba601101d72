package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates.KeyFormat;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * aws:SecureTransport and s3:TlsVersion reach bucket policies: the policies AWS recommends (deny
 * requests over plain HTTP; deny TLS older than 1.3) hold on Coffer, whether it serves TLS or not.
 */
class TlsPolicyIT {
  static final TlsFixture TLS = new TlsFixture("EC", KeyFormat.PKCS8);

  @RegisterExtension
  static final CofferTestServer SECURE =
      CofferTestServer.withBuckets("guarded", "modern")
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.AUTO)))
          .trusting(TLS.ca.trustManagers());

  @RegisterExtension static final CofferTestServer PLAIN = CofferTestServer.withBuckets("guarded");

  @AfterAll
  static void deleteCertificates() throws Exception {
    TLS.delete();
  }

  static String denyInsecureTransport(String bucket) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"TlsOnly\","
        + " \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": \"arn:aws:s3:::"
        + bucket
        + "/*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}]}";
  }

  @Test
  void aPolicyDenyingInsecureTransportRefusesPlainHttpAndServesHttps() {
    for (CofferTestServer coffer : new CofferTestServer[] {SECURE, PLAIN}) {
      S3Client s3 = coffer.s3();
      s3.putObject(b -> b.bucket("guarded").key("doc"), RequestBody.fromString("secret"));
      s3.putBucketPolicy(b -> b.bucket("guarded").policy(denyInsecureTransport("guarded")));
    }
    assertThat(SECURE.s3().getObjectAsBytes(b -> b.bucket("guarded").key("doc")).asUtf8String())
        .isEqualTo("secret");
    assertThatThrownBy(() -> PLAIN.s3().getObjectAsBytes(b -> b.bucket("guarded").key("doc")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            });
  }

  @Test
  void aPolicyOnTlsVersionTellsTls12FromTls13() {
    S3Client admin = SECURE.s3();
    admin.putObject(b -> b.bucket("modern").key("doc"), RequestBody.fromString("new only"));
    admin.putBucketPolicy(
        b ->
            b.bucket("modern")
                .policy(
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
                        + " \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::modern/*\", \"Condition\": {\"NumericLessThan\":"
                        + " {\"s3:TlsVersion\": \"1.3\"}}}]}"));
    try (S3Client tls12 = clientOffering("TLSv1.2");
        S3Client tls13 = clientOffering("TLSv1.3")) {
      assertThat(tls13.getObjectAsBytes(b -> b.bucket("modern").key("doc")).asUtf8String())
          .isEqualTo("new only");
      assertThatThrownBy(() -> tls12.getObjectAsBytes(b -> b.bucket("modern").key("doc")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      // The policy is about this key's reads only: TLS 1.2 still lists the bucket.
      assertThat(tls12.listObjectsV2(b -> b.bucket("modern")).contents()).hasSize(1);
    }
  }

  /** The admin's SDK client over HTTPS offering only this TLS version. */
  static S3Client clientOffering(String protocol) {
    SSLConnectionSocketFactory sockets =
        new SSLConnectionSocketFactory(
            TLS.ca.clientContext(),
            new String[] {protocol},
            null,
            SSLConnectionSocketFactory.getDefaultHostnameVerifier());
    return S3Client.builder()
        .endpointOverride(SECURE.s3Uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .httpClient(ApacheHttpClient.builder().socketFactory(sockets).build())
        .build();
  }
}
