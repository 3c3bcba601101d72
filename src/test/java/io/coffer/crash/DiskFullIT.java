package io.coffer.crash;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A data directory on a small tmpfs that fills up, or turns read-only: the write fails with
 * InsufficientStorage or ServiceUnavailable, the previous version stays intact, and writes succeed
 * again as soon as the storage can take them, without a restart. Mounting needs root, so this runs
 * in the {@code -Pcrash} profile that CI runs as root.
 */
@Tag("crash")
class DiskFullIT {
  private static final String ACCESS_KEY = "DISKFULLACCESSKEY001";
  private static final String SECRET_KEY = "disk-full-secret-key-0123456789abcdefghi";
  private static final int MIB = 1024 * 1024;

  private Path mountPoint;
  private CofferServer server;
  private S3Client client;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mountPoint = Files.createTempDirectory("coffer-diskfull-");
    run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString());
    server =
        CofferServer.start(
            ServerConfig.forTests(mountPoint.resolve("data"))
                .withCredentials(ACCESS_KEY, SECRET_KEY, "disk-full-api-key-0001"));
    client =
        S3Client.builder()
            .endpointOverride(URI.create(server.s3Endpoint()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
            .build();
  }

  @AfterEach
  void unmount() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    run("umount", mountPoint.toString());
    Files.deleteIfExists(mountPoint);
  }

  @Test
  void aFullDiskFailsTheWriteKeepsTheOldVersionAndRecovers() throws Exception {
    client.createBucket(r -> r.bucket("full"));
    byte[] original = random(1 * MIB);
    client.putObject(r -> r.bucket("full").key("precious"), RequestBody.fromBytes(original));

    assertS3Error(
        507,
        "InsufficientStorage",
        () ->
            client.putObject(
                r -> r.bucket("full").key("precious"), RequestBody.fromBytes(random(40 * MIB))));
    assertThat(client.getObjectAsBytes(r -> r.bucket("full").key("precious")).asByteArray())
        .isEqualTo(original);
    assertS3Error(
        507,
        "InsufficientStorage",
        () ->
            client.putObject(
                r -> r.bucket("full").key("new"), RequestBody.fromBytes(random(40 * MIB))));
    assertThat(client.listObjectsV2(r -> r.bucket("full")).keyCount()).isEqualTo(1);
    try (var temporaryFiles =
        Files.list(mountPoint.resolve("data").resolve(".coffer").resolve("tmp"))) {
      assertThat(temporaryFiles.count()).as("the failed writes left no temporary files").isZero();
    }

    run("mount", "-o", "remount,size=96m", mountPoint.toString());
    byte[] bigger = random(40 * MIB);
    client.putObject(r -> r.bucket("full").key("precious"), RequestBody.fromBytes(bigger));
    assertThat(client.getObjectAsBytes(r -> r.bucket("full").key("precious")).asByteArray())
        .isEqualTo(bigger);
  }

  @Test
  void anUnwritableDataDirFailsTheWriteWithARetryableErrorAndRecovers() throws Exception {
    client.createBucket(r -> r.bucket("readonly"));
    // larger than the inline threshold, so these bodies go to blob files
    byte[] original = random(256 * 1024);
    client.putObject(r -> r.bucket("readonly").key("kept"), RequestBody.fromBytes(original));

    // Where blobs are written turns read-only (a read-only bind mount over it; root ignores modes).
    String blobTemp = mountPoint.resolve("data").resolve(".coffer").resolve("tmp").toString();
    run("mount", "--bind", blobTemp, blobTemp);
    try {
      run("mount", "-o", "remount,bind,ro", blobTemp);
      assertS3Error(
          503,
          "ServiceUnavailable",
          () ->
              client.putObject(
                  r -> r.bucket("readonly").key("kept"),
                  RequestBody.fromBytes(random(200 * 1024))));
      assertThat(client.getObjectAsBytes(r -> r.bucket("readonly").key("kept")).asByteArray())
          .isEqualTo(original);
    } finally {
      run("umount", blobTemp);
    }
    byte[] next = random(300 * 1024);
    client.putObject(r -> r.bucket("readonly").key("kept"), RequestBody.fromBytes(next));
    assertThat(client.getObjectAsBytes(r -> r.bucket("readonly").key("kept")).asByteArray())
        .isEqualTo(next);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (this test needs root): " + output);
    }
  }
}
