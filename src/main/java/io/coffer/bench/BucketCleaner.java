package io.coffer.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Empties and deletes the benchmark's bucket: list a page, delete its keys, until none are left.
 */
final class BucketCleaner {
  private static final int TIMEOUT_SECONDS = 120;

  private BucketCleaner() {}

  static void deleteBucket(S3Calls calls, Connections connections) throws Exception {
    try (Connection c = connections.open()) {
      while (true) {
        Response page =
            calls.list(c, null, null, null, null, 1000).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!page.ok()) {
          throw new IllegalStateException("listing for cleanup failed: " + page.describe());
        }
        List<String> keys = XmlScan.all(page.bodyText(), "Key");
        if (keys.isEmpty()) {
          break;
        }
        Response deleted = calls.deleteObjects(c, keys).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!deleted.ok() || deleted.bodyText().contains("<Error>")) {
          throw new IllegalStateException(
              "DeleteObjects failed: " + deleted.status() + " " + deleted.bodyText());
        }
      }
      Response gone = calls.deleteBucket(c).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!gone.ok()) {
        throw new IllegalStateException("DeleteBucket failed: " + gone.describe());
      }
    }
  }
}
