package io.coffer.it.support;

import java.net.URI;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** AWS SDK clients for servers a test starts itself (a restarted server, a separate process). */
public final class SdkClients {
  private SdkClients() {}

  public static S3Client admin(URI endpoint) {
    return of(endpoint, CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY);
  }

  public static S3Client of(URI endpoint, String accessKey, String secretKey) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  /** A client over HTTPS that trusts these (a test's own certificate authority). */
  public static S3Client of(
      URI endpoint, String accessKey, String secretKey, TrustManager[] trustManagers) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .httpClient(
            ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trustManagers).build())
        .build();
  }

  /** The administrator's client over HTTPS trusting these. */
  public static S3Client admin(URI endpoint, TrustManager[] trustManagers) {
    return of(endpoint, CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY, trustManagers);
  }

  /** A presigner signing as the test administrator, path-style as the clients above. */
  public static S3Presigner adminPresigner(URI endpoint) {
    return S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY)))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }
}
