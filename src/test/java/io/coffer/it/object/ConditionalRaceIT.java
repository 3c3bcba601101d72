package io.coffer.it.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes under contention, as Terraform and OpenTofu use them to lock state: of many
 * clients racing to write one key, exactly one wins and the stored bytes are the winner's.
 */
class ConditionalRaceIT {
  static final String BUCKET = "races";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final int WRITERS = 12;
  static final int ROUNDS = 5;
  static final List<S3Client> clients = new ArrayList<>();
  static ExecutorService pool;

  @BeforeAll
  static void setUp() {
    for (int i = 0; i < WRITERS; i++) {
      clients.add(coffer.client()); // a client each: separate connections, truly concurrent
    }
    pool = Executors.newFixedThreadPool(WRITERS);
  }

  @AfterAll
  static void close() {
    pool.shutdownNow();
    clients.forEach(S3Client::close);
  }

  /** Runs one attempt per writer, all released together; returns the index of each winner. */
  static List<Integer> race(IntFunction<Callable<Void>> attempt) throws Exception {
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      Callable<Void> call = attempt.apply(i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  call.call();
                  return true;
                } catch (S3Exception e) {
                  // 412 PreconditionFailed, or 409 ConditionalRequestConflict as AWS may answer
                  assertThat(e.statusCode()).as(e.getMessage()).isIn(409, 412);
                  return false;
                }
              }));
    }
    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      if (results.get(i).get()) {
        winners.add(i);
      }
    }
    return winners;
  }

  static String body(String key, int writer) {
    return key + " written by " + writer;
  }

  static String read(String key) {
    return clients.get(0).getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
  }

  @Test
  void exactlyOneIfNoneMatchPutWins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String key = "lock-" + round + ".tflock";
      List<Integer> winners =
          race(
              i ->
                  () -> {
                    clients
                        .get(i)
                        .putObject(
                            b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"),
                            RequestBody.fromString(body(key, i)));
                    return null;
                  });
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(read(key)).isEqualTo(body(key, winners.get(0)));
    }
  }

  @Test
  void exactlyOneIfMatchPutWins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String key = "state-" + round;
      String etag =
          clients
              .get(0)
              .putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("v0"))
              .eTag();
      List<Integer> winners =
          race(
              i ->
                  () -> {
                    clients
                        .get(i)
                        .putObject(
                            b -> b.bucket(BUCKET).key(key).ifMatch(etag),
                            RequestBody.fromString(body(key, i)));
                    return null;
                  });
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(read(key)).isEqualTo(body(key, winners.get(0)));
    }
  }

  @Test
  void exactlyOneIfNoneMatchCompleteMultipartUploadWins() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String key = "mp-lock-" + round;
      List<String> uploads = new ArrayList<>();
      List<String> etags = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        String uploadId =
            clients.get(0).createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        uploads.add(uploadId);
        int writer = i;
        etags.add(
            clients
                .get(0)
                .uploadPart(
                    b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                    RequestBody.fromString(body(key, writer)))
                .eTag());
      }
      List<Integer> winners =
          race(
              i ->
                  () -> {
                    clients
                        .get(i)
                        .completeMultipartUpload(
                            b ->
                                b.bucket(BUCKET)
                                    .key(key)
                                    .uploadId(uploads.get(i))
                                    .ifNoneMatch("*")
                                    .multipartUpload(
                                        m -> m.parts(p -> p.partNumber(1).eTag(etags.get(i)))));
                    return null;
                  });
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(read(key)).isEqualTo(body(key, winners.get(0)));
    }
  }
}
