package io.coffer.service;

import io.coffer.policy.ConditionKeys;
import io.coffer.policy.ConditionValues;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of one request, computed only when a policy's condition asks for one. Keys the
 * request does not carry (object tags until Coffer stores them, s3:TlsVersion on plain HTTP) are
 * absent, which conditions treat as AWS does.
 */
final class RequestConditions implements ConditionValues {
  private final Caller caller;
  private final Instant now;

  RequestConditions(Caller caller, Instant now) {
    this.caller = caller;
    this.now = now;
  }

  @Override
  public List<String> get(String key) {
    String value = value(key);
    return value == null ? List.of() : List.of(value);
  }

  private @Nullable String value(String key) {
    RequestContext request = caller.context();
    return switch (key) {
      case ConditionKeys.SOURCE_IP -> request.sourceIp();
      case ConditionKeys.SECURE_TRANSPORT -> Boolean.toString(request.secureTransport());
      case ConditionKeys.CURRENT_TIME -> now.truncatedTo(ChronoUnit.SECONDS).toString();
      case ConditionKeys.EPOCH_TIME -> Long.toString(now.getEpochSecond());
      case ConditionKeys.USERNAME ->
          caller instanceof Caller.User user ? user.credential().userName() : null;
      case ConditionKeys.USERID ->
          caller instanceof Caller.User user ? Long.toString(user.credential().id()) : null;
      case ConditionKeys.PRINCIPAL_TYPE ->
          switch (caller) {
            case Caller.User user -> "User";
            case Caller.Anonymous anonymous -> "Anonymous";
            case Caller.Admin admin -> "Account";
          };
      case ConditionKeys.REFERER -> request.headers().get("Referer");
      case ConditionKeys.USER_AGENT -> request.headers().get("User-Agent");
      case ConditionKeys.PREFIX -> request.query().get("prefix");
      case ConditionKeys.DELIMITER -> request.query().get("delimiter");
      case ConditionKeys.MAX_KEYS -> request.query().get("max-keys");
      case ConditionKeys.VERSION_ID -> request.query().get("versionId");
      case ConditionKeys.X_AMZ_ACL -> request.headers().get("x-amz-acl");
      case ConditionKeys.X_AMZ_SERVER_SIDE_ENCRYPTION ->
          request.headers().get("x-amz-server-side-encryption");
      case ConditionKeys.X_AMZ_COPY_SOURCE -> request.headers().get("x-amz-copy-source");
      case ConditionKeys.X_AMZ_METADATA_DIRECTIVE ->
          request.headers().get("x-amz-metadata-directive");
      case ConditionKeys.X_AMZ_CONTENT_SHA256 -> request.headers().get("x-amz-content-sha256");
      case ConditionKeys.OBJECT_LOCK_MODE -> request.headers().get("x-amz-object-lock-mode");
      case ConditionKeys.OBJECT_LOCK_RETAIN_UNTIL_DATE ->
          request.headers().get("x-amz-object-lock-retain-until-date");
      case ConditionKeys.OBJECT_LOCK_REMAINING_RETENTION_DAYS -> remainingRetentionDays(request);
      case ConditionKeys.OBJECT_LOCK_LEGAL_HOLD ->
          request.headers().get("x-amz-object-lock-legal-hold");
      case ConditionKeys.SIGNATURE_VERSION -> request.signatureVersion();
      case ConditionKeys.AUTH_TYPE -> request.authType();
      default -> null;
    };
  }

  private @Nullable String remainingRetentionDays(RequestContext request) {
    String until = request.headers().get("x-amz-object-lock-retain-until-date");
    if (until == null) {
      return null;
    }
    try {
      Instant retainUntil = Instant.parse(until);
      return Long.toString(Math.max(0, Duration.between(now, retainUntil).toDays()));
    } catch (DateTimeParseException e) {
      return null; // the request is refused for its invalid date anyway
    }
  }
}
