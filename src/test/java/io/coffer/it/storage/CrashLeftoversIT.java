package io.coffer.it.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SdkClients;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a crash leaves behind (a half-written temp file, a blob written or replaced but never
 * committed or never deleted) is removed at the next start; committed objects are untouched.
 */
class CrashLeftoversIT {
  static final String BUCKET = "leftovers";
  Path dataDir;

  @AfterEach
  void cleanUp() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
  }

  CofferServer start() throws Exception {
    return CofferServer.start(
        ServerConfig.forTests(dataDir)
            .withCredentials(
                CofferTestServer.ACCESS_KEY,
                CofferTestServer.SECRET_KEY,
                CofferTestServer.API_KEY));
  }

  static S3Client client(CofferServer server) {
    return SdkClients.admin(URI.create(server.s3Endpoint()));
  }

  @Test
  void startUpRemovesTempFilesAndUnreferencedBlobsAndKeepsTheRest() throws Exception {
    dataDir = Files.createTempDirectory("coffer-leftovers-");
    byte[] first = random(300_000, 1);
    byte[] second = random(70_000, 2);
    try (CofferServer server = start();
        S3Client s3 = client(server)) {
      s3.createBucket(b -> b.bucket(BUCKET));
      s3.putObject(b -> b.bucket(BUCKET).key("first"), RequestBody.fromBytes(first));
      s3.putObject(b -> b.bucket(BUCKET).key("second"), RequestBody.fromBytes(second));
    }
    List<Path> committed = blobFiles();
    assertThat(committed).hasSize(2);

    Path temp =
        Files.writeString(
            dataDir.resolve(".coffer/tmp/0123456789abcdef0123456789abcdef.tmp"), "half written");
    // Named like a blob (buckets/<bucket id>/ab/cd/<32 hex>), but no metadata refers to it.
    Path orphan = bucketFolder().resolve("ab/cd/abcd0123456789abcdef0123456789ab");
    Files.createDirectories(orphan.getParent());
    Files.write(orphan, random(5_000, 3));
    // The folder of a bucket whose deletion a crash interrupted (no bucket has this ID).
    Path deletedBucket = dataDir.resolve("buckets/ffffffffffffffffffffffffffffffff");
    Path leftover = deletedBucket.resolve("12/34/1234fedcba9876543210fedcba987654");
    Files.createDirectories(leftover.getParent());
    Files.write(leftover, random(5_000, 4));
    assertThat(blobFiles()).hasSize(4);

    try (CofferServer server = start();
        S3Client s3 = client(server)) {
      assertThat(temp).doesNotExist();
      assertThat(orphan).doesNotExist();
      assertThat(orphan.getParent().getParent())
          .as("the orphan's emptied fan-out folders")
          .doesNotExist();
      assertThat(deletedBucket).doesNotExist();
      assertThat(blobFiles()).containsExactlyInAnyOrderElementsOf(committed);
      assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("first")).asByteArray())
          .isEqualTo(first);
      assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("second")).asByteArray())
          .isEqualTo(second);
    }
  }

  Path bucketFolder() throws Exception {
    try (Stream<Path> folders = Files.list(dataDir.resolve("buckets"))) {
      return folders.findFirst().orElseThrow();
    }
  }

  List<Path> blobFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dataDir.resolve("buckets"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  static byte[] random(int size, int seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
