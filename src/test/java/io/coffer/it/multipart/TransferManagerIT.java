package io.coffer.it.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * S3TransferManager over the SDK's Java multipart client, with default checksum settings: a 100 MiB
 * upload in parts (CRC32 trailers) and a download by parts (partNumber GETs).
 */
class TransferManagerIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final long SIZE = 100L * TestData.MIB;

  @Test
  void uploadAndDownloadA100MiBObject(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("source.bin");
    String sourceSha256 = writeRandom(source, SIZE);
    S3AsyncClient async =
        S3AsyncClient.builder()
            .endpointOverride(coffer.s3Uri())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY)))
            .forcePathStyle(true)
            .multipartEnabled(true)
            .build();
    try (async;
        S3TransferManager transfers = S3TransferManager.builder().s3Client(async).build();
        S3Client s3 = coffer.client()) {
      s3.createBucket(b -> b.bucket("transfers"));
      transfers
          .uploadFile(
              u ->
                  u.source(source)
                      .putObjectRequest(p -> p.bucket("transfers").key("big/object.bin")))
          .completionFuture()
          .join();
      var head = s3.headObject(b -> b.bucket("transfers").key("big/object.bin"));
      assertThat(head.contentLength()).isEqualTo(SIZE);
      assertThat(head.partsCount()).as("uploaded in parts").isGreaterThan(1);
      assertThat(head.eTag()).endsWith("-" + head.partsCount() + "\"");

      Path target = dir.resolve("target.bin");
      transfers
          .downloadFile(
              d ->
                  d.destination(target)
                      .getObjectRequest(g -> g.bucket("transfers").key("big/object.bin")))
          .completionFuture()
          .join();
      assertThat(Files.size(target)).isEqualTo(SIZE);
      assertThat(sha256(target)).isEqualTo(sourceSha256);
    }
  }

  private static String writeRandom(Path file, long size) throws Exception {
    Random random = new Random(60);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[TestData.MIB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += buffer.length) {
        random.nextBytes(buffer);
        sha256.update(buffer);
        out.write(buffer);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[TestData.MIB];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
