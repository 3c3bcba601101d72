package io.coffer.it.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawSocket;
import java.net.InetAddress;
import java.net.URI;
import org.apache.http.conn.DnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Virtual-hosted-style addressing with --domain: the SDK sends {@code Host: bucket.domain:port}
 * (names under the test domain resolve to the loopback address inside this test only), while
 * path-style requests keep working on the same server.
 */
class VirtualHostIT {
  static final String DOMAIN = "s3.coffer.test";

  @RegisterExtension
  static final CofferTestServer coffer =
      new CofferTestServer().configured(c -> c.withDomain(DOMAIN));

  static S3Client virtualHosted;
  static S3Client pathStyle;

  /** bucket.s3.coffer.test and s3.coffer.test are 127.0.0.1, without touching /etc/hosts. */
  static final DnsResolver LOOPBACK_FOR_TEST_DOMAIN =
      host -> {
        if (host.equals(DOMAIN) || host.endsWith("." + DOMAIN)) {
          return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        return InetAddress.getAllByName(host);
      };

  @BeforeAll
  static void start() {
    int port = coffer.s3Uri().getPort();
    virtualHosted = client(URI.create("http://" + DOMAIN + ":" + port), false);
    pathStyle = client(coffer.s3Uri(), true);
  }

  static S3Client client(URI endpoint, boolean pathStyleAccess) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY)))
        .serviceConfiguration(
            S3Configuration.builder().pathStyleAccessEnabled(pathStyleAccess).build())
        .httpClient(ApacheHttpClient.builder().dnsResolver(LOOPBACK_FOR_TEST_DOMAIN).build())
        .build();
  }

  @AfterAll
  static void stop() throws Exception {
    virtualHosted.close();
    pathStyle.close();
  }

  @Test
  void bucketsAndObjectsAddressedByHostName() {
    virtualHosted.createBucket(b -> b.bucket("vhost"));
    virtualHosted.putObject(
        b -> b.bucket("vhost").key("dir/file name.txt"), RequestBody.fromString("by host"));
    assertThat(
            virtualHosted
                .getObjectAsBytes(b -> b.bucket("vhost").key("dir/file name.txt"))
                .asUtf8String())
        .isEqualTo("by host");
    assertThat(virtualHosted.listObjectsV2(b -> b.bucket("vhost")).contents())
        .extracting(S3Object::key)
        .containsExactly("dir/file name.txt");
    assertThat(virtualHosted.listBuckets().buckets()).extracting(Bucket::name).contains("vhost");
    // the same object, path style, on the same server
    assertThat(
            pathStyle
                .getObjectAsBytes(b -> b.bucket("vhost").key("dir/file name.txt"))
                .asUtf8String())
        .isEqualTo("by host");
  }

  @Test
  void pathStyleStillWorksWithADomain() {
    pathStyle.createBucket(b -> b.bucket("paths"));
    pathStyle.putObject(b -> b.bucket("paths").key("k"), RequestBody.fromString("by path"));
    assertThat(virtualHosted.getObjectAsBytes(b -> b.bucket("paths").key("k")).asUtf8String())
        .isEqualTo("by path");
    virtualHosted.deleteObject(b -> b.bucket("paths").key("k"));
    assertThat(pathStyle.listObjectsV2(b -> b.bucket("paths")).contents()).isEmpty();
  }

  /** A preflight names its bucket by host name too: its rules, not the path's first segment. */
  @Test
  void aPreflightIsAnsweredForTheBucketItsHostNames() throws Exception {
    virtualHosted.createBucket(b -> b.bucket("vhost-cors"));
    virtualHosted.putBucketCors(
        b ->
            b.bucket("vhost-cors")
                .corsConfiguration(
                    c ->
                        c.corsRules(
                            r -> r.allowedOrigins("https://app.test").allowedMethods("PUT"))));
    int port = coffer.s3Uri().getPort();
    try (RawSocket socket = new RawSocket(port)) {
      RawSocket.Response response =
          socket
              .write(
                  "OPTIONS /vhost-cors/k HTTP/1.1\r\nHost: vhost-cors."
                      + DOMAIN
                      + ":"
                      + port
                      + "\r\nOrigin: https://app.test\r\n"
                      + "Access-Control-Request-Method: PUT\r\n\r\n")
              .readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.test");
    }
  }
}
