package io.coffer.s3.request;

import io.coffer.http.Query;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The subresources of the S3 API that Coffer does not implement, and their operations' names. */
final class Subresources {
  /** Bucket subresources, each the name of an AWS operation family. */
  static final List<String> BUCKET =
      List.of(
          "encryption",
          "website",
          "logging",
          "notification",
          "replication",
          "accelerate",
          "requestPayment",
          "object-lock",
          "analytics",
          "metrics",
          "inventory",
          "intelligent-tiering",
          "versioning",
          "metadataTable",
          "metadataConfiguration",
          "metadataInventoryTable",
          "metadataJournalTable",
          "abac",
          "session");

  static final List<String> OBJECT =
      List.of(
          "retention", "legal-hold", "torrent", "restore", "select", "renameObject", "encryption");

  private Subresources() {}

  /** The first of {@code known} the query names, with or without a value; null for none. */
  static @Nullable String find(Query query, List<String> known) {
    for (String name : known) {
      if (query.has(name)) {
        return name;
      }
    }
    return null;
  }

  /**
   * The operation a subresource stands for: "GetBucket" and "object-lock" make GetBucketObjectLock.
   */
  static S3Operation unsupported(
      String prefix, String subresource, String bucket, @Nullable String key) {
    return new S3Operation.Unsupported(prefix + capitalize(subresource), bucket, key);
  }

  private static String capitalize(String subresource) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : subresource.toCharArray()) {
      if (c == '-') {
        upper = true;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
  }
}
