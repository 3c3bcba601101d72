package io.coffer.model;

/** What an ACL grant gives, as S3's AccessControlPolicy names it. */
public enum Permission {
  FULL_CONTROL,
  READ,
  WRITE,
  READ_ACP,
  WRITE_ACP
}
