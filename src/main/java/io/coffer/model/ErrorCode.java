package io.coffer.model;

/**
 * The closed catalogue of errors Coffer reports. Each entry carries the S3 error code and HTTP
 * status that the S3 front end renders; the management API maps the same entries to its JSON form.
 */
public enum ErrorCode {
  ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
  /** A CORS preflight refused; S3's own code for it, absent from its error table. */
  ACCESS_FORBIDDEN(
      "AccessForbidden",
      403,
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of"
          + " Origin, request method / Access-Control-Request-Method or"
          + " Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."),
  /** S3's code for a tag set with too many tags. */
  BAD_REQUEST("BadRequest", 400, "Bad Request"),
  ACCESS_CONTROL_LIST_NOT_SUPPORTED(
      "AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
  AUTHORIZATION_HEADER_MALFORMED(
      "AuthorizationHeaderMalformed", 400, "The authorization header is malformed."),
  AUTHORIZATION_QUERY_PARAMETERS_ERROR(
      "AuthorizationQueryParametersError", 400, "Error parsing the X-Amz-Credential parameter."),
  BAD_DIGEST(
      "BadDigest",
      400,
      "The Content-MD5 or checksum you specified did not match what we received."),
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available."),
  BUCKET_ALREADY_OWNED_BY_YOU(
      "BucketAlreadyOwnedByYou",
      409,
      "Your previous request to create the named bucket succeeded and you already own it."),
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty."),
  CREDENTIAL_ALREADY_EXISTS(
      "CredentialAlreadyExists", 409, "A credential with this access key already exists."),
  CREDENTIAL_IN_USE("CredentialInUse", 409, "The credential still owns buckets."),
  ENTITY_TOO_LARGE(
      "EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
  ENTITY_TOO_SMALL(
      "EntityTooSmall",
      400,
      "Your proposed upload is smaller than the minimum allowed object size."),
  EXPIRED_TOKEN("AccessDenied", 403, "Request has expired"),
  INCOMPLETE_BODY(
      "IncompleteBody",
      400,
      "You did not provide the number of bytes specified by the Content-Length HTTP header."),
  INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
  INVALID_ACCESS_KEY_ID(
      "InvalidAccessKeyId",
      403,
      "The AWS access key Id you provided does not exist in our records."),
  INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
  INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP(
      "InvalidBucketAclWithObjectOwnership",
      400,
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"),
  INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
  INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
  /** SSE-C with an algorithm other than AES256. */
  INVALID_ENCRYPTION_ALGORITHM(
      "InvalidEncryptionAlgorithmError",
      400,
      "The encryption request you specified is not valid. The valid value is AES256."),
  INVALID_PART(
      "InvalidPart",
      400,
      "One or more of the specified parts could not be found. The part may not have been uploaded,"
          + " or the specified entity tag may not match the part's entity tag."),
  INVALID_PART_ORDER(
      "InvalidPartOrder",
      400,
      "The list of parts was not in ascending order. Parts must be ordered by part number."),
  INVALID_PART_NUMBER("InvalidPartNumber", 416, "The requested partnumber is not satisfiable"),
  INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
  INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
  INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
  // POST Object (browser form uploads), with AWS's codes and texts.
  INVALID_POLICY_DOCUMENT(
      "InvalidPolicyDocument", 400, "The content of the form does not meet the conditions."),
  MALFORMED_POST_REQUEST(
      "MalformedPOSTRequest",
      400,
      "The body of your POST request is not well-formed multipart/form-data."),
  MAX_POST_PRE_DATA_LENGTH_EXCEEDED(
      "MaxPostPreDataLengthExceededError",
      400,
      "Your POST request fields preceding the upload file were too large."),
  INCORRECT_NUMBER_OF_FILES_IN_POST_REQUEST(
      "IncorrectNumberOfFilesInPostRequest",
      400,
      "POST requires exactly one file upload per request."),
  INVALID_BUCKET_STATE(
      "InvalidBucketState", 409, "The request is not valid with the current state of the bucket."),
  OBJECT_LOCK_CONFIGURATION_NOT_FOUND(
      "ObjectLockConfigurationNotFoundError",
      404,
      "Object Lock configuration does not exist for this bucket"),
  NO_SUCH_OBJECT_LOCK_CONFIGURATION(
      "NoSuchObjectLockConfiguration",
      404,
      "The specified object does not have a ObjectLock configuration"),
  KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
  /** SSE-KMS with a key the key store does not have. */
  KMS_NOT_FOUND("KMS.NotFoundException", 400, "The specified KMS key does not exist."),
  /** SSE-KMS with (or reading an object sealed by) a disabled key. */
  KMS_DISABLED("KMS.DisabledException", 400, "The specified KMS key is disabled."),
  /** Management API: a KMS key of that name exists already. */
  KMS_KEY_EXISTS("KeyAlreadyExists", 409, "A KMS key with this name already exists."),
  NOTIFICATION_TARGET_EXISTS(
      "NotificationTargetAlreadyExists", 409, "A notification target with this ID already exists."),
  NOTIFICATION_TARGET_IN_USE(
      "NotificationTargetInUse",
      409,
      "The notification target is still named by a bucket's notification configuration."),
  NO_SUCH_NOTIFICATION_TARGET(
      "NoSuchNotificationTarget", 404, "The notification target does not exist."),
  SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND(
      "ServerSideEncryptionConfigurationNotFoundError",
      404,
      "The server side encryption configuration was not found"),
  MALFORMED_TRAILER(
      "MalformedTrailerError",
      400,
      "The request contained trailing data that was not well-formed or did not conform to our"
          + " published schema."),
  MALFORMED_POLICY(
      "MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
  MALFORMED_ACL_ERROR(
      "MalformedACLError",
      400,
      "The XML you provided was not well-formed or did not validate against our published schema."),
  POLICY_TOO_LARGE("PolicyTooLarge", 400, "Policy exceeds the maximum allowed document size."),
  UNEXPECTED_CONTENT("UnexpectedContent", 400, "This request does not support content"),
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
  NO_SUCH_LIFECYCLE_CONFIGURATION(
      "NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist"),
  OWNERSHIP_CONTROLS_NOT_FOUND(
      "OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"),
  NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION(
      "NoSuchPublicAccessBlockConfiguration",
      404,
      "The public access block configuration was not found"),
  UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS(
      "UnresolvableGrantByEmailAddress",
      400,
      "The e-mail address you provided does not match any account on record."),
  NO_SUCH_POLICY("NoSuchPolicy", 404, "The specified policy does not exist."),
  POLICY_ALREADY_EXISTS("PolicyAlreadyExists", 409, "A policy with this name already exists."),
  POLICY_IN_USE("PolicyInUse", 409, "The policy is still attached to credentials or groups."),
  NO_SUCH_GROUP("NoSuchGroup", 404, "The specified group does not exist."),
  GROUP_ALREADY_EXISTS("GroupAlreadyExists", 409, "A group with this name already exists."),
  BUILT_IN_POLICY("BuiltInPolicy", 409, "Built-in policies cannot be changed or deleted."),
  MALFORMED_XML(
      "MalformedXML",
      400,
      "The XML you provided was not well-formed or did not validate against our published schema."),
  METADATA_TOO_LARGE(
      "MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size."),
  METHOD_NOT_ALLOWED(
      "MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
  NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist."),
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
  NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
  NO_SUCH_UPLOAD(
      "NoSuchUpload",
      404,
      "The specified multipart upload does not exist. The upload ID might be invalid, or the"
          + " multipart upload might have been aborted or completed."),
  NO_SUCH_CREDENTIAL("NoSuchCredential", 404, "The specified credential does not exist."),
  NO_SUCH_PRESIGNED_URL("NoSuchPresignedUrl", 404, "The specified presigned URL does not exist."),
  NOT_IMPLEMENTED(
      "NotImplemented",
      501,
      "A header or query you provided implies functionality that is not implemented."),
  PRECONDITION_FAILED(
      "PreconditionFailed", 412, "At least one of the preconditions you specified did not hold."),
  QUOTA_EXCEEDED(
      "QuotaExceeded", 403, "The write would take the bucket past its quota of stored bytes."),
  REQUEST_HEADER_FIELDS_TOO_LARGE(
      "RequestHeaderSectionTooLarge",
      431,
      "Your request header section exceeds the maximum allowed size."),
  REQUEST_TIMEOUT(
      "RequestTimeout",
      400,
      "Your socket connection to the server was not read from or written to within the timeout"
          + " period. Idle connections will be closed."),
  REQUEST_TIME_TOO_SKEWED(
      "RequestTimeTooSkewed",
      403,
      "The difference between the request time and the server's time is too large."),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
  SIGNATURE_DOES_NOT_MATCH(
      "SignatureDoesNotMatch",
      403,
      "The request signature we calculated does not match the signature you provided. Check your"
          + " key and signing method."),
  STORAGE_FULL(
      "InsufficientStorage", 507, "There is not enough space on the server to store this object."),
  X_AMZ_CONTENT_SHA256_MISMATCH(
      "XAmzContentSHA256Mismatch",
      400,
      "The provided 'x-amz-content-sha256' header does not match what was computed."),
  INVALID_CHUNK_SIZE(
      "InvalidChunkSizeError",
      400,
      "Only the last chunk is allowed to have a size less than 8192 bytes"),
  INVALID_URI("InvalidURI", 400, "Couldn't parse the specified URI."),
  INVALID_STORAGE_CLASS(
      "InvalidStorageClass", 400, "The storage class you specified is not valid."),
  INVALID_LOCATION_CONSTRAINT(
      "InvalidLocationConstraint", 400, "The specified location-constraint is not valid."),
  NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
  NO_SUCH_CORS_CONFIGURATION(
      "NoSuchCORSConfiguration", 404, "The CORS configuration does not exist");

  private final String s3Code;
  private final int httpStatus;
  private final String defaultMessage;

  ErrorCode(String s3Code, int httpStatus, String defaultMessage) {
    this.s3Code = s3Code;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  public String s3Code() {
    return s3Code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String defaultMessage() {
    return defaultMessage;
  }
}
