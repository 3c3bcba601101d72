package io.coffer.it.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SdkClients;
import io.coffer.server.CofferServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 12: DeleteBucket walked {@code <data>/<bucket name>/} after committing the deletion, so
 * objects PUT into a bucket of the same name created again meanwhile were acknowledged and then
 * deleted (GET answered 500, and the loss survived a restart). Blobs now live under the bucket's
 * internal ID, which a name created again never shares.
 */
class DeleteBucketRaceIT {
  static final String BUCKET = "recreated";
  static final int PARTS = 3000;
  static final int PUTS = 250;
  static final int OBJECT_SIZE = 100 * 1024;

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

  @Test
  void recreatedBucketKeepsItsObjects() throws Exception {
    dataDir = Files.createTempDirectory("coffer-delete-race-");
    Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    try (CofferServer server = start();
        S3Client s3 = SdkClients.admin(URI.create(server.s3Endpoint()))) {
      s3.createBucket(b -> b.bucket(BUCKET));
      // The reported setup: a bucket with thousands of fan-out folders, from one upload of
      // one-byte parts left in progress.
      String uploadId =
          s3.createMultipartUpload(b -> b.bucket(BUCKET).key("many-parts")).uploadId();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> parts = new ArrayList<>();
      for (int n = 1; n <= PARTS; n++) {
        int partNumber = n;
        parts.add(
            pool.submit(
                () ->
                    s3.uploadPart(
                        b ->
                            b.bucket(BUCKET)
                                .key("many-parts")
                                .uploadId(uploadId)
                                .partNumber(partNumber),
                        RequestBody.fromBytes(new byte[] {1}))));
      }
      for (Future<?> part : parts) {
        part.get(2, TimeUnit.MINUTES);
      }

      // Delete, and from another thread create the name again as soon as it is free and PUT.
      Future<?> writer =
          pool.submit(
              () -> {
                while (true) {
                  try {
                    s3.createBucket(b -> b.bucket(BUCKET));
                    break;
                  } catch (S3Exception stillThere) {
                    assertThat(stillThere.statusCode()).isEqualTo(409);
                  }
                }
                for (int i = 0; i < PUTS; i++) {
                  String key = "object-" + i;
                  byte[] body = body(i);
                  try {
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
                    acknowledged.put(key, body);
                  } catch (S3Exception refused) {
                    // not acknowledged: nothing is promised about it
                  }
                }
                return null;
              });
      s3.deleteBucket(b -> b.bucket(BUCKET));
      writer.get(5, TimeUnit.MINUTES);
      pool.shutdown();

      assertThat(acknowledged)
          .as("PUTs into the new bucket were acknowledged")
          .hasSizeGreaterThan(PUTS / 2);
      assertReadBack(s3, acknowledged);
    }
    try (CofferServer server = start();
        S3Client s3 = SdkClients.admin(URI.create(server.s3Endpoint()))) {
      assertReadBack(s3, acknowledged);
    }
  }

  private static void assertReadBack(S3Client s3, Map<String, byte[]> acknowledged) {
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : acknowledged.entrySet()) {
      try {
        byte[] read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.getKey())).asByteArray();
        if (!java.util.Arrays.equals(read, e.getValue())) {
          lost.add(e.getKey() + " (different bytes)");
        }
      } catch (S3Exception gone) {
        lost.add(e.getKey() + " (" + gone.statusCode() + ")");
      }
    }
    assertThat(lost).as("acknowledged PUTs that do not read back intact").isEmpty();
  }

  private static byte[] body(int i) {
    byte[] data = new byte[OBJECT_SIZE];
    new Random(i).nextBytes(data);
    return data;
  }
}
