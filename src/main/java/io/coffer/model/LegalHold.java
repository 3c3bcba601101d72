package io.coffer.model;

/**
 * A version's legal hold status, as S3 names it. A version whose hold was never set has none (null
 * where it is kept), which S3 tells apart from OFF: GetObjectLegalHold answers it with
 * NoSuchObjectLockConfiguration.
 */
public enum LegalHold {
  ON,
  OFF
}
