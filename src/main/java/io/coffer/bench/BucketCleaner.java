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

  /**
   * Empties and deletes a versioned bucket: every version and delete marker is deleted by its
   * version ID, a page at a time.
   */
  static void deleteVersionedBucket(S3Calls calls, Connections connections) throws Exception {
    try (Connection c = connections.open()) {
      while (true) {
        Response page = calls.listVersions(c, 1000).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!page.ok()) {
          throw new IllegalStateException("version listing for cleanup failed: " + page.describe());
        }
        // every <Version> and <DeleteMarker> has one Key and one VersionId, in document order
        List<String> keys = XmlScan.all(page.bodyText(), "Key");
        List<String> ids = XmlScan.all(page.bodyText(), "VersionId");
        if (keys.isEmpty()) {
          break;
        }
        if (keys.size() != ids.size()) {
          throw new IllegalStateException(
              "version listing has " + keys.size() + " keys but " + ids.size() + " version IDs");
        }
        Response deleted =
            calls.deleteVersions(c, keys, ids).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
