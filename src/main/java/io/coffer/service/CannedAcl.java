package io.coffer.service;

import java.util.Optional;

/** S3's canned ACLs, the values of the {@code x-amz-acl} header. */
public enum CannedAcl {
  PRIVATE("private"),
  PUBLIC_READ("public-read"),
  PUBLIC_READ_WRITE("public-read-write"),
  AUTHENTICATED_READ("authenticated-read"),
  /** READ for Amazon EC2, which Coffer has no principal for: refused. */
  AWS_EXEC_READ("aws-exec-read"),
  BUCKET_OWNER_READ("bucket-owner-read"),
  BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
  LOG_DELIVERY_WRITE("log-delivery-write");

  private final String headerValue;

  CannedAcl(String headerValue) {
    this.headerValue = headerValue;
  }

  public String headerValue() {
    return headerValue;
  }

  public static Optional<CannedAcl> fromHeader(String value) {
    for (CannedAcl acl : values()) {
      if (acl.headerValue.equals(value)) {
        return Optional.of(acl);
      }
    }
    return Optional.empty();
  }
}
