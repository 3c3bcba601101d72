package io.coffer.policy;

/**
 * The condition keys Coffer's requests carry, in their canonical spelling (AWS compares key names
 * without regard to case; the part after '/' — a tag key — is compared as written).
 */
public final class ConditionKeys {
  public static final String SOURCE_IP = "aws:sourceip";
  public static final String SECURE_TRANSPORT = "aws:securetransport";
  public static final String CURRENT_TIME = "aws:currenttime";
  public static final String EPOCH_TIME = "aws:epochtime";
  public static final String USERNAME = "aws:username";
  public static final String USERID = "aws:userid";
  public static final String PRINCIPAL_TYPE = "aws:principaltype";
  public static final String REFERER = "aws:referer";
  public static final String USER_AGENT = "aws:useragent";
  public static final String PREFIX = "s3:prefix";
  public static final String DELIMITER = "s3:delimiter";
  public static final String MAX_KEYS = "s3:max-keys";
  public static final String X_AMZ_ACL = "s3:x-amz-acl";
  public static final String X_AMZ_SERVER_SIDE_ENCRYPTION = "s3:x-amz-server-side-encryption";
  public static final String EXISTING_OBJECT_TAG = "s3:existingobjecttag/";
  public static final String REQUEST_OBJECT_TAG = "s3:requestobjecttag/";
  public static final String REQUEST_OBJECT_TAG_KEYS = "s3:requestobjecttagkeys";
  public static final String OBJECT_LOCK_MODE = "s3:object-lock-mode";
  public static final String OBJECT_LOCK_RETAIN_UNTIL_DATE = "s3:object-lock-retain-until-date";
  public static final String OBJECT_LOCK_REMAINING_RETENTION_DAYS =
      "s3:object-lock-remaining-retention-days";
  public static final String OBJECT_LOCK_LEGAL_HOLD = "s3:object-lock-legal-hold";
  public static final String SIGNATURE_VERSION = "s3:signatureversion";
  public static final String AUTH_TYPE = "s3:authtype";
  public static final String TLS_VERSION = "s3:tlsversion";
  public static final String VERSION_ID = "s3:versionid";
  public static final String X_AMZ_COPY_SOURCE = "s3:x-amz-copy-source";
  public static final String X_AMZ_METADATA_DIRECTIVE = "s3:x-amz-metadata-directive";
  public static final String X_AMZ_CONTENT_SHA256 = "s3:x-amz-content-sha256";

  private ConditionKeys() {}
}
