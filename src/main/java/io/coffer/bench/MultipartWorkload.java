package io.coffer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One operation is a whole multipart upload of {@code objectSize} bytes: create, the parts in
 * {@code partSize} pieces with {@code parallelParts} in flight (one connection each), complete.
 * Part bytes count toward MB/s as each part finishes; the upload's latency is create to complete.
 * Each worker overwrites one key, so a long run does not fill the disk.
 */
record MultipartWorkload(
    String name, int concurrency, long objectSize, long partSize, int parallelParts, S3Calls calls)
    implements Workload {

  @Override
  public int connectionsPerWorker() {
    return parallelParts;
  }

  @Override
  public CompletableFuture<Outcome> next(Worker worker) {
    String key = "multipart/" + worker.index;
    return calls
        .createUpload(worker.connection(), key)
        .thenCompose(
            created -> {
              String uploadId = created.ok() ? XmlScan.first(created.bodyText(), "UploadId") : null;
              if (uploadId == null) {
                return CompletableFuture.completedFuture(
                    Outcome.failed("CreateMultipartUpload: " + created.describe()));
              }
              int parts = (int) Math.max(1, (objectSize + partSize - 1) / partSize);
              String[] etags = new String[parts];
              AtomicInteger nextPart = new AtomicInteger(1);
              List<CompletableFuture<String>> lanes = new ArrayList<>();
              for (Connection c : worker.connections) {
                lanes.add(uploadParts(worker, c, key, uploadId, parts, nextPart, etags));
              }
              return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
                  .thenCompose(
                      done -> {
                        String failure =
                            lanes.stream()
                                .map(CompletableFuture::join)
                                .filter(f -> f != null)
                                .findFirst()
                                .orElse(null);
                        if (failure != null) {
                          return calls
                              .abortUpload(worker.connection(), key, uploadId)
                              .thenApply(r -> Outcome.failed(failure));
                        }
                        return calls
                            .completeUpload(
                                worker.connection(), key, uploadId, Arrays.asList(etags))
                            .thenApply(
                                r ->
                                    r.ok() && r.bodyText().contains("<Error>")
                                        ? Outcome.failed(
                                            "CompleteMultipartUpload: "
                                                + XmlScan.first(r.bodyText(), "Code"))
                                        : Outcome.of(r, 0));
                      });
            });
  }

  /** Uploads parts on one connection until none are left; completes with a failure or null. */
  private CompletableFuture<String> uploadParts(
      Worker worker,
      Connection c,
      String key,
      String uploadId,
      int parts,
      AtomicInteger nextPart,
      String[] etags) {
    int number = nextPart.getAndIncrement();
    if (number > parts) {
      return CompletableFuture.completedFuture(null);
    }
    long size = Math.min(partSize, objectSize - (number - 1) * partSize);
    return calls
        .uploadPart(c, key, uploadId, number, size)
        .thenCompose(
            r -> {
              String etag = r.headers() == null ? null : r.headers().get("ETag");
              if (!r.ok() || etag == null) {
                return CompletableFuture.completedFuture(
                    "UploadPart " + number + ": " + r.describe());
              }
              etags[number - 1] = etag;
              worker.meter.addBytes(size);
              return uploadParts(worker, c, key, uploadId, parts, nextPart, etags);
            });
  }
}
