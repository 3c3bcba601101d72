package io.coffer.policy;

/** What one policy says of one request. */
public enum Decision {
  /** A statement with Effect Deny matched: nothing else can allow the request. */
  DENY,
  /** A statement with Effect Allow matched, and none with Deny. */
  ALLOW,
  /** No statement matched. */
  NONE
}
