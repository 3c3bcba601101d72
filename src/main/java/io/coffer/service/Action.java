package io.coffer.service;

/**
 * What a caller asks to do, named as S3's policy language names it: the unit an access decision
 * (see {@link Access}) is made on.
 */
public enum Action {
  LIST_ALL_MY_BUCKETS("s3:ListAllMyBuckets"),
  CREATE_BUCKET("s3:CreateBucket"),
  DELETE_BUCKET("s3:DeleteBucket"),
  /** Listing a bucket's objects, and HeadBucket. */
  LIST_BUCKET("s3:ListBucket"),
  GET_BUCKET_LOCATION("s3:GetBucketLocation"),
  GET_BUCKET_VERSIONING("s3:GetBucketVersioning"),
  /** GetObject and HeadObject, and reading the source of a copy. */
  GET_OBJECT("s3:GetObject"),
  /** PutObject, the target of a copy, and creating, uploading to and completing an upload. */
  PUT_OBJECT("s3:PutObject"),
  DELETE_OBJECT("s3:DeleteObject"),
  LIST_MULTIPART_UPLOADS("s3:ListBucketMultipartUploads"),
  LIST_PARTS("s3:ListMultipartUploadParts"),
  ABORT_MULTIPART_UPLOAD("s3:AbortMultipartUpload");

  private final String policyName;

  Action(String policyName) {
    this.policyName = policyName;
  }

  /** The action's name in a policy document, e.g. {@code s3:GetObject}. */
  public String policyName() {
    return policyName;
  }
}
