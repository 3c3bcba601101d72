package io.coffer.crash;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One client thread's loop of PUTs, overwrites, copies, multipart uploads and deletes over its own
 * keys, recording in each key's model what it is about to do before it does it. Errors while the
 * server is alive are failures; errors after the kill are expected and leave the key ambiguous.
 * Each thread writes in one {@link SseMode} (plaintext, SSE-S3, SSE-KMS, SSE-C).
 */
final class CrashWorkload implements Runnable {
  static final String BUCKET = "crash";
  private static final int MIB = 1024 * 1024;

  private final S3Client client;
  private final List<KeyModel> keys;
  private final Random random;
  private final AtomicBoolean killed;
  private final AtomicLong generations;
  private final SseMode sse;
  final AtomicLong acknowledged = new AtomicLong();
  final List<Throwable> failures = new ArrayList<>();

  CrashWorkload(
      S3Client client,
      List<KeyModel> keys,
      long seed,
      AtomicBoolean killed,
      AtomicLong generations,
      SseMode sse) {
    this.sse = sse;
    this.client = client;
    this.keys = keys;
    this.random = new Random(seed);
    this.killed = killed;
    this.generations = generations;
  }

  @Override
  public void run() {
    while (!killed.get()) {
      KeyModel key = keys.get(random.nextInt(keys.size()));
      try {
        step(key);
        key.acknowledge();
        acknowledged.incrementAndGet();
      } catch (Exception e) {
        if (!killed.get()) {
          synchronized (failures) {
            failures.add(
                new AssertionError(
                    "operation on " + key.key + " failed while the server was up", e));
          }
        }
        return;
      }
    }
  }

  private void step(KeyModel key) throws Exception {
    int dice = random.nextInt(100);
    ObjectState current = key.current();
    if (dice < 45) {
      put(key, 1 + random.nextInt(dice < 5 ? 2 * MIB : 64 * 1024));
    } else if (dice < 60) {
      KeyModel source = keys.get(random.nextInt(keys.size()));
      if (source == key || !source.current().exists()) {
        put(key, 1 + random.nextInt(4096));
        return;
      }
      copy(source, key);
    } else if (dice < 70) {
      multipart(key);
    } else if (dice < 85 || !current.exists()) {
      delete(key);
    } else {
      put(key, 1 + random.nextInt(1024));
    }
  }

  private void put(KeyModel key, int size) throws Exception {
    byte[] body = bytes(size);
    String generation = String.valueOf(generations.incrementAndGet());
    String contentType = "application/x-crash-" + generation;
    key.begin(
        new ObjectState(
            sha256(body), size, contentType, generation, ObjectState.blobFilesFor(size)));
    client.putObject(
        r ->
            sse.put(r)
                .bucket(BUCKET)
                .key(key.key)
                .contentType(contentType)
                .metadata(Map.of("gen", generation)),
        RequestBody.fromBytes(body));
  }

  private void copy(KeyModel source, KeyModel target) {
    ObjectState from = source.current();
    target.begin(
        new ObjectState(
            from.sha256(),
            from.size(),
            from.contentType(),
            from.generation(),
            ObjectState.blobFilesFor(from.size())));
    client.copyObject(
        r ->
            sse.copy(r)
                .sourceBucket(BUCKET)
                .sourceKey(source.key)
                .destinationBucket(BUCKET)
                .destinationKey(target.key));
  }

  private void multipart(KeyModel key) throws Exception {
    byte[] first = bytes(5 * MIB);
    byte[] last = bytes(1 + random.nextInt(64 * 1024));
    MessageDigest whole = MessageDigest.getInstance("SHA-256");
    whole.update(first);
    whole.update(last);
    String generation = String.valueOf(generations.incrementAndGet());
    String contentType = "application/x-crash-mp-" + generation;
    key.begin(
        new ObjectState(
            HexFormat.of().formatHex(whole.digest()),
            first.length + last.length,
            contentType,
            generation,
            2));
    String uploadId =
        client
            .createMultipartUpload(
                r ->
                    sse.create(r)
                        .bucket(BUCKET)
                        .key(key.key)
                        .contentType(contentType)
                        .metadata(Map.of("gen", generation)))
            .uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    byte[][] bodies = {first, last};
    for (int i = 0; i < bodies.length; i++) {
      int number = i + 1;
      String etag =
          client
              .uploadPart(
                  r ->
                      sse.part(r).bucket(BUCKET).key(key.key).uploadId(uploadId).partNumber(number),
                  RequestBody.fromInputStream(
                      new ByteArrayInputStream(bodies[i]), bodies[i].length))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    client.completeMultipartUpload(
        r ->
            r.bucket(BUCKET)
                .key(key.key)
                .uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
  }

  private void delete(KeyModel key) {
    key.begin(ObjectState.ABSENT);
    client.deleteObject(r -> r.bucket(BUCKET).key(key.key));
  }

  private byte[] bytes(int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  static String sha256(byte[] body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }
}
