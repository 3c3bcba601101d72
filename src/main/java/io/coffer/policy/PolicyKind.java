package io.coffer.policy;

/** Where a policy document is attached, which decides whether it names principals. */
public enum PolicyKind {
  /** Attached to credentials and groups (and a service account's inline policy): no Principal. */
  IDENTITY,
  /** A bucket policy: every statement names its Principal or NotPrincipal. */
  BUCKET
}
