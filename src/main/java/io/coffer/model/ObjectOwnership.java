package io.coffer.model;

import java.util.Optional;

/** A bucket's object ownership setting (ownership controls), as AWS names its values. */
public enum ObjectOwnership {
  /** ACLs are disabled; the bucket owner owns every object. */
  BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
  /** ACLs apply; objects written with bucket-owner-full-control are the bucket owner's. */
  BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"),
  /** ACLs apply; the writer owns what it writes. */
  OBJECT_WRITER("ObjectWriter");

  private final String awsName;

  ObjectOwnership(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  public static Optional<ObjectOwnership> fromAwsName(String name) {
    for (ObjectOwnership value : values()) {
      if (value.awsName.equals(name)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  public boolean aclsEnabled() {
    return this != BUCKET_OWNER_ENFORCED;
  }
}
