package io.coffer.service;

import io.coffer.model.ManagedPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canned policies every Coffer has, as MinIO's: they cannot be changed or deleted, and no
 * stored policy may take their names ({@link ManagedPolicy#BUILT_IN_NAMES}). Their creation time is
 * the epoch, since they were never created.
 */
final class BuiltInPolicies {
  private static final Map<String, String> DOCUMENTS =
      Map.of(
          "readonly",
          statement(
              "[\"s3:GetBucketLocation\", \"s3:GetObject\", \"s3:GetObjectVersion\","
                  + " \"s3:ListBucket\", \"s3:ListBucketVersions\", \"s3:ListAllMyBuckets\"]",
              "\"*\""),
          "readwrite",
          statement("\"s3:*\"", "\"arn:aws:s3:::*\""),
          "writeonly",
          statement(
              "[\"s3:PutObject\", \"s3:AbortMultipartUpload\", \"s3:ListMultipartUploadParts\","
                  + " \"s3:ListBucketMultipartUploads\"]",
              "\"arn:aws:s3:::*\""),
          "admin",
          statement("\"s3:*\"", "\"*\""));

  static {
    if (!DOCUMENTS.keySet().equals(ManagedPolicy.BUILT_IN_NAMES)) {
      throw new AssertionError("built-in policy names disagree");
    }
  }

  private BuiltInPolicies() {}

  private static String statement(String action, String resource) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
        + action
        + ", \"Resource\": "
        + resource
        + "}]}";
  }

  static boolean isBuiltIn(String name) {
    return ManagedPolicy.BUILT_IN_NAMES.contains(name);
  }

  static Optional<ManagedPolicy> find(String name) {
    String document = DOCUMENTS.get(name);
    return document == null
        ? Optional.empty()
        : Optional.of(new ManagedPolicy(name, document, Instant.EPOCH, Instant.EPOCH));
  }

  /** All of them, in name order. */
  static List<ManagedPolicy> all() {
    return DOCUMENTS.keySet().stream().sorted().map(n -> find(n).orElseThrow()).toList();
  }
}
