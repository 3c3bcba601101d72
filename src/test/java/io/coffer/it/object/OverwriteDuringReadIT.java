package io.coffer.it.object;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.StoredFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** A reader that has started keeps reading the version it started with, whatever writers do. */
class OverwriteDuringReadIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static final String BUCKET = "reads";

  /** Far more than socket buffers hold, so most of it is read from disk after the overwrite. */
  static final int SIZE = 32 * 1024 * 1024;

  @Test
  void aStartedReadKeepsTheOldBytesThroughAnOverwriteAndADelete() throws Exception {
    byte[] original = random(SIZE, 1);
    byte[] replacement = random(SIZE, 2);
    try (S3Client reader = coffer.client();
        S3Client writer = coffer.client()) {
      writer.createBucket(b -> b.bucket(BUCKET));
      writer.putObject(b -> b.bucket(BUCKET).key("big"), RequestBody.fromBytes(original));
      MessageDigest read = MessageDigest.getInstance("SHA-256");
      try (ResponseInputStream<GetObjectResponse> stream =
          reader.getObject(b -> b.bucket(BUCKET).key("big"))) {
        copy(stream, read, 1024 * 1024);

        writer.putObject(b -> b.bucket(BUCKET).key("big"), RequestBody.fromBytes(replacement));
        assertThat(sha256(writer.getObjectAsBytes(b -> b.bucket(BUCKET).key("big")).asByteArray()))
            .isEqualTo(sha256(replacement));
        writer.deleteObject(b -> b.bucket(BUCKET).key("big"));
        assertS3Error(404, "NoSuchKey", () -> writer.headObject(b -> b.bucket(BUCKET).key("big")));

        copy(stream, read, Long.MAX_VALUE);
      }
      assertThat(read.digest()).isEqualTo(sha256(original));
    }
    awaitNoBlobFiles(); // once the reader is done, the replaced versions' files go too
  }

  static void copy(InputStream in, MessageDigest digest, long limit) throws Exception {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    int n;
    while (copied < limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) > 0) {
      digest.update(buffer, 0, n);
      copied += n;
    }
  }

  static void awaitNoBlobFiles() throws Exception {
    Path objects = StoredFiles.bucketFolder(coffer.dataDir(), BUCKET);
    assertThat(StoredFiles.filesOnce(objects, 0)).as("blob files left").isEmpty();
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  static byte[] random(int size, int seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
