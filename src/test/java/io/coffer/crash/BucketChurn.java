package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A client thread that deletes a bucket and creates it again under the same name, over and over: a
 * few PUTs (file-backed sizes), sometimes an upload left in progress, the objects deleted, the
 * bucket deleted. Checks after a kill that the bucket holds exactly what was acknowledged (the
 * operation in flight may or may not have happened), and starts each cycle from a fresh bucket.
 */
final class BucketChurn implements Runnable {
  static final String BUCKET = "churn";

  private final S3Client client;
  private final Random random;
  private final AtomicBoolean killed;

  /** Keys whose PUT was acknowledged and not deleted since, with their bodies' SHA-256. */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

  private volatile String inFlightKey;
  private volatile String inFlightSha;
  final List<Throwable> failures = new ArrayList<>();
  long cycles;

  BucketChurn(S3Client client, long seed, AtomicBoolean killed) {
    this.client = client;
    this.random = new Random(seed);
    this.killed = killed;
  }

  @Override
  public void run() {
    try {
      while (!killed.get()) {
        client.createBucket(r -> r.bucket(BUCKET));
        int objects = 1 + random.nextInt(5);
        for (int i = 0; i < objects; i++) {
          byte[] body = new byte[70_000 + random.nextInt(30_000)];
          random.nextBytes(body);
          String key = "c" + i;
          inFlightKey = key;
          inFlightSha = sha256(body);
          client.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
          acknowledged.put(key, inFlightSha);
          inFlightKey = null;
        }
        if (random.nextBoolean()) {
          String uploadId =
              client.createMultipartUpload(r -> r.bucket(BUCKET).key("open")).uploadId();
          for (int n = 1; n <= 3; n++) {
            int partNumber = n;
            client.uploadPart(
                r -> r.bucket(BUCKET).key("open").uploadId(uploadId).partNumber(partNumber),
                RequestBody.fromBytes(new byte[] {(byte) partNumber}));
          }
        }
        for (int i = 0; i < objects; i++) {
          String key = "c" + i;
          inFlightKey = key;
          inFlightSha = acknowledged.get(key);
          client.deleteObject(r -> r.bucket(BUCKET).key(key));
          acknowledged.remove(key);
          inFlightKey = null;
        }
        client.deleteBucket(r -> r.bucket(BUCKET));
        cycles++;
      }
    } catch (Exception e) {
      if (!killed.get()) {
        synchronized (failures) {
          failures.add(new AssertionError("bucket churn failed while the server was up", e));
        }
      }
    }
  }

  /**
   * Checks the bucket against what was acknowledged.
   *
   * @return the number of blob files the bucket should have on disk
   */
  long verify(S3Client client, long seed) throws Exception {
    List<S3Object> listed;
    List<MultipartUpload> uploads;
    try {
      listed = client.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream().toList();
      uploads = client.listMultipartUploads(r -> r.bucket(BUCKET)).uploads();
    } catch (NoSuchBucketException e) {
      assertThat(acknowledged)
          .as("churn bucket gone with acknowledged objects (seed %d)", seed)
          .isEmpty();
      return 0;
    }
    String inFlight = inFlightKey;
    List<String> keys = listed.stream().map(S3Object::key).toList();
    for (String key : acknowledged.keySet()) {
      if (!key.equals(inFlight)) {
        assertThat(keys)
            .as("acknowledged PUT into the re-created bucket (seed %d)", seed)
            .contains(key);
      }
    }
    for (String key : keys) {
      String expected =
          acknowledged.containsKey(key)
              ? acknowledged.get(key)
              : key.equals(inFlight) ? inFlightSha : null;
      assertThat(expected)
          .as("churn bucket holds %s, never acknowledged nor in flight (seed %d)", key, seed)
          .isNotNull();
      byte[] read = client.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
      assertThat(sha256(read))
          .as("content of churn key %s (seed %d)", key, seed)
          .isEqualTo(expected);
    }
    long blobs = listed.size();
    for (MultipartUpload upload : uploads) {
      blobs +=
          client
              .listParts(r -> r.bucket(BUCKET).key(upload.key()).uploadId(upload.uploadId()))
              .parts()
              .size();
    }
    return blobs;
  }

  /** Deletes the bucket (after its objects), so the next cycle starts by creating it again. */
  void reset(S3Client client) {
    try {
      for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()) {
        client.deleteObject(r -> r.bucket(BUCKET).key(object.key()));
      }
      client.deleteBucket(r -> r.bucket(BUCKET));
    } catch (NoSuchBucketException gone) {
      // nothing to reset
    }
    acknowledged.clear();
    inFlightKey = null;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
