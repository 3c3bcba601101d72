package io.coffer.it.compat;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.SdkClients;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * People arriving from MinIO: its health paths answer like Coffer's (GET and HEAD, no credentials,
 * on the S3 port), {@code minio} is a reserved bucket name as in MinIO, and {@code MINIO_ROOT_USER}
 * / {@code MINIO_ROOT_PASSWORD} are the admin credential when Coffer's variables are absent.
 */
class MinioCompatibilityIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  @Test
  void minioHealthPathsAnswerLikeCoffersWithoutCredentials() throws Exception {
    for (String check : new String[] {"live", "ready", "cluster", "cluster/read"}) {
      HttpResponse<String> response =
          RawS3.sendUrl("GET", coffer.s3Uri() + "/minio/health/" + check, new byte[0]);
      assertThat(response.statusCode()).as(check).isEqualTo(200);
      assertThat(response.headers().firstValue("x-amz-request-id")).as(check).isPresent();
      assertThat(head("/minio/health/" + check))
          .as("HEAD " + check)
          .startsWith("HTTP/1.1 200 ")
          .endsWith("\r\n\r\n");
    }
    assertThat(head("/coffer/health/ready")).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n");
    HttpResponse<String> unknown =
        RawS3.sendUrl("GET", coffer.s3Uri() + "/minio/health/other", new byte[0]);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("<Error>");
  }

  @Test
  void minioIsAReservedBucketName() {
    try (S3Client s3 = coffer.client()) {
      assertS3Error(400, "InvalidBucketName", () -> s3.createBucket(b -> b.bucket("minio")));
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }

  /** The whole answer to a HEAD request: the status line and headers, and not one byte of body. */
  static String head(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", coffer.s3Uri().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * A MinIO compose file's credential works unchanged; Coffer's own variables win when both are
   * set.
   */
  @Test
  void minioRootUserAndPasswordAreTheAdminCredential() throws Exception {
    Path dataDir = Files.createTempDirectory("coffer-minio-");
    Map<String, String> minio =
        Map.of("MINIO_ROOT_USER", "minio-root-user", "MINIO_ROOT_PASSWORD", "minio-root-password");
    try (CofferProcess server =
        CofferProcess.server(dataDir.resolve("minio"), CofferProcess.FAST_START, minio)) {
      server.awaitLine(Pattern.compile("API key:\\s+\\S+"), Duration.ofSeconds(10));
      try (S3Client s3 = SdkClients.of(server.s3Uri(), "minio-root-user", "minio-root-password")) {
        s3.createBucket(b -> b.bucket("from-minio"));
        assertThat(s3.listBuckets().buckets()).hasSize(1);
      }
      assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
      assertThat(server.stdout()).as("nothing generated").doesNotContain("Secret key");
    }

    Map<String, String> both = new java.util.HashMap<>(minio);
    both.putAll(
        Map.of("COFFER_ACCESS_KEY", "coffer-access-key", "COFFER_SECRET_KEY", "coffer-secret-key"));
    try (CofferProcess server =
        CofferProcess.server(dataDir.resolve("both"), CofferProcess.FAST_START, both)) {
      try (S3Client s3 = SdkClients.of(server.s3Uri(), "coffer-access-key", "coffer-secret-key")) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
      }
      try (S3Client s3 = SdkClients.of(server.s3Uri(), "minio-root-user", "minio-root-password")) {
        assertS3Error(403, "InvalidAccessKeyId", s3::listBuckets);
      }
      assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
    } finally {
      CofferTestServer.deleteRecursively(dataDir);
    }
  }
}
