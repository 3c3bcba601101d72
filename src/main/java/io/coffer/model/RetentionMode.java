package io.coffer.model;

/** Object lock retention modes, named as S3 names them. */
public enum RetentionMode {
  /** Removable before its date only by a caller allowed to bypass governance retention. */
  GOVERNANCE,
  /** Removable by no one before its date; the date can only be extended. */
  COMPLIANCE
}
