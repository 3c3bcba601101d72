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
  PUT_BUCKET_VERSIONING("s3:PutBucketVersioning"),
  /** ListObjectVersions. */
  LIST_BUCKET_VERSIONS("s3:ListBucketVersions"),
  GET_BUCKET_OBJECT_LOCK_CONFIGURATION("s3:GetBucketObjectLockConfiguration"),
  PUT_BUCKET_OBJECT_LOCK_CONFIGURATION("s3:PutBucketObjectLockConfiguration"),
  /** GetObject and HeadObject, and reading the source of a copy. */
  GET_OBJECT("s3:GetObject"),
  /** PutObject, the target of a copy, and creating, uploading to and completing an upload. */
  PUT_OBJECT("s3:PutObject"),
  /** GetObject and HeadObject of a version named by its ID. */
  GET_OBJECT_VERSION("s3:GetObjectVersion"),
  DELETE_OBJECT("s3:DeleteObject"),
  /** DeleteObject of a version named by its ID: removes it for good. */
  DELETE_OBJECT_VERSION("s3:DeleteObjectVersion"),
  GET_OBJECT_RETENTION("s3:GetObjectRetention"),
  PUT_OBJECT_RETENTION("s3:PutObjectRetention"),
  GET_OBJECT_LEGAL_HOLD("s3:GetObjectLegalHold"),
  PUT_OBJECT_LEGAL_HOLD("s3:PutObjectLegalHold"),
  /** Shortening or removing a GOVERNANCE retention, or deleting a version it protects. */
  BYPASS_GOVERNANCE_RETENTION("s3:BypassGovernanceRetention"),
  GET_BUCKET_POLICY("s3:GetBucketPolicy"),
  /** PutBucketPolicy and DeleteBucketPolicy. */
  PUT_BUCKET_POLICY("s3:PutBucketPolicy"),
  DELETE_BUCKET_POLICY("s3:DeleteBucketPolicy"),
  GET_BUCKET_POLICY_STATUS("s3:GetBucketPolicyStatus"),
  GET_BUCKET_ACL("s3:GetBucketAcl"),
  PUT_BUCKET_ACL("s3:PutBucketAcl"),
  GET_OBJECT_ACL("s3:GetObjectAcl"),
  PUT_OBJECT_ACL("s3:PutObjectAcl"),
  GET_OBJECT_VERSION_ACL("s3:GetObjectVersionAcl"),
  PUT_OBJECT_VERSION_ACL("s3:PutObjectVersionAcl"),
  /** GetBucketOwnershipControls. */
  GET_BUCKET_OWNERSHIP_CONTROLS("s3:GetBucketOwnershipControls"),
  /** PutBucketOwnershipControls and DeleteBucketOwnershipControls. */
  PUT_BUCKET_OWNERSHIP_CONTROLS("s3:PutBucketOwnershipControls"),
  GET_BUCKET_PUBLIC_ACCESS_BLOCK("s3:GetBucketPublicAccessBlock"),
  /** PutPublicAccessBlock and DeletePublicAccessBlock. */
  PUT_BUCKET_PUBLIC_ACCESS_BLOCK("s3:PutBucketPublicAccessBlock"),
  LIST_MULTIPART_UPLOADS("s3:ListBucketMultipartUploads"),
  LIST_PARTS("s3:ListMultipartUploadParts"),
  ABORT_MULTIPART_UPLOAD("s3:AbortMultipartUpload"),
  GET_OBJECT_TAGGING("s3:GetObjectTagging"),
  PUT_OBJECT_TAGGING("s3:PutObjectTagging"),
  DELETE_OBJECT_TAGGING("s3:DeleteObjectTagging"),
  GET_OBJECT_VERSION_TAGGING("s3:GetObjectVersionTagging"),
  PUT_OBJECT_VERSION_TAGGING("s3:PutObjectVersionTagging"),
  DELETE_OBJECT_VERSION_TAGGING("s3:DeleteObjectVersionTagging"),
  GET_BUCKET_TAGGING("s3:GetBucketTagging"),
  /** PutBucketTagging and DeleteBucketTagging. */
  PUT_BUCKET_TAGGING("s3:PutBucketTagging"),
  GET_BUCKET_CORS("s3:GetBucketCORS"),
  /** PutBucketCors and DeleteBucketCors. */
  PUT_BUCKET_CORS("s3:PutBucketCORS"),
  GET_ENCRYPTION_CONFIGURATION("s3:GetEncryptionConfiguration"),
  /** PutBucketEncryption and DeleteBucketEncryption. */
  PUT_ENCRYPTION_CONFIGURATION("s3:PutEncryptionConfiguration"),
  GET_LIFECYCLE_CONFIGURATION("s3:GetLifecycleConfiguration"),
  /** PutBucketLifecycleConfiguration and DeleteBucketLifecycle. */
  PUT_LIFECYCLE_CONFIGURATION("s3:PutLifecycleConfiguration"),
  GET_OBJECT_ATTRIBUTES("s3:GetObjectAttributes"),
  GET_OBJECT_VERSION_ATTRIBUTES("s3:GetObjectVersionAttributes"),
  /** ListenBucketNotification: MinIO's live event stream of a bucket (not an AWS action). */
  LISTEN_BUCKET_NOTIFICATION("s3:ListenBucketNotification"),
  /** GetBucketNotificationConfiguration. */
  GET_BUCKET_NOTIFICATION("s3:GetBucketNotification"),
  /** PutBucketNotificationConfiguration. */
  PUT_BUCKET_NOTIFICATION("s3:PutBucketNotification");

  private final String policyName;

  Action(String policyName) {
    this.policyName = policyName;
  }

  /** The action's name in a policy document, e.g. {@code s3:GetObject}. */
  public String policyName() {
    return policyName;
  }
}
