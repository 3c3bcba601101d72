package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.policy.ConditionKeys;
import io.coffer.policy.ConditionValues;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of one request, computed only when a policy's condition asks for one. Keys the
 * request does not carry (s3:TlsVersion on plain HTTP, object tags on an action that has none) are
 * absent, which conditions treat as AWS does.
 *
 * <p>Tags, as AWS offers them: s3:RequestObjectTag/&lt;key&gt; and s3:RequestObjectTagKeys on
 * s3:PutObject (the x-amz-tagging header, or a POST upload's tagging field) and s3:PutObjectTagging
 * (its document); s3:ExistingObjectTag/&lt;key&gt; on the actions that act on a stored version
 * (reads, its ACL, tags, retention and legal hold), read from the store the first time a condition
 * asks.
 */
final class RequestConditions implements ConditionValues {
  /** The actions s3:ExistingObjectTag applies to: those on one existing object version. */
  private static final Set<Action> ON_EXISTING_OBJECT =
      EnumSet.of(
          Action.GET_OBJECT,
          Action.GET_OBJECT_VERSION,
          Action.GET_OBJECT_ACL,
          Action.GET_OBJECT_VERSION_ACL,
          Action.PUT_OBJECT_ACL,
          Action.PUT_OBJECT_VERSION_ACL,
          Action.GET_OBJECT_TAGGING,
          Action.GET_OBJECT_VERSION_TAGGING,
          Action.PUT_OBJECT_TAGGING,
          Action.PUT_OBJECT_VERSION_TAGGING,
          Action.DELETE_OBJECT_TAGGING,
          Action.DELETE_OBJECT_VERSION_TAGGING,
          Action.GET_OBJECT_RETENTION,
          Action.PUT_OBJECT_RETENTION,
          Action.GET_OBJECT_LEGAL_HOLD,
          Action.PUT_OBJECT_LEGAL_HOLD);

  /** The actions s3:RequestObjectTag applies to: those that set an object's tags. */
  private static final Set<Action> SETTING_TAGS =
      EnumSet.of(Action.PUT_OBJECT, Action.PUT_OBJECT_TAGGING, Action.PUT_OBJECT_VERSION_TAGGING);

  private final Caller caller;
  private final Action action;
  private final @Nullable String bucket;
  private final @Nullable String key;
  private final Instant now;
  private final ExistingObjectTags existingTags;
  private @Nullable Map<String, String> existing;

  RequestConditions(
      Caller caller,
      Action action,
      @Nullable String bucket,
      @Nullable String key,
      Instant now,
      ExistingObjectTags existingTags) {
    this.caller = caller;
    this.action = action;
    this.bucket = bucket;
    this.key = key;
    this.now = now;
    this.existingTags = existingTags;
  }

  @Override
  public List<String> get(String name) {
    if (name.startsWith(ConditionKeys.EXISTING_OBJECT_TAG)) {
      return single(existingTags().get(name.substring(ConditionKeys.EXISTING_OBJECT_TAG.length())));
    }
    if (name.startsWith(ConditionKeys.REQUEST_OBJECT_TAG)) {
      Map<String, String> tags = requestTags();
      return single(
          tags == null
              ? null
              : tags.get(name.substring(ConditionKeys.REQUEST_OBJECT_TAG.length())));
    }
    if (name.equals(ConditionKeys.REQUEST_OBJECT_TAG_KEYS)) {
      Map<String, String> tags = requestTags();
      return tags == null ? List.of() : List.copyOf(tags.keySet());
    }
    return single(value(name));
  }

  private static List<String> single(@Nullable String value) {
    return value == null ? List.of() : List.of(value);
  }

  /**
   * The tags the request sets, or null when its action sets none. A copy sets tags only with
   * x-amz-tagging-directive REPLACE; a malformed header counts as none (the request is refused for
   * it anyway).
   */
  private @Nullable Map<String, String> requestTags() {
    if (!SETTING_TAGS.contains(action)) {
      return null;
    }
    RequestContext request = caller.context();
    if (request.requestTags() != null) {
      return request.requestTags();
    }
    String header = request.headers().get("x-amz-tagging");
    if (header == null || (request.headers().get("x-amz-copy-source") != null && !replacesTags())) {
      return null;
    }
    try {
      return TagSets.parseQueryString(header);
    } catch (CofferException malformed) {
      return null;
    }
  }

  private boolean replacesTags() {
    String directive = caller.context().headers().get("x-amz-tagging-directive");
    return directive != null && directive.trim().equalsIgnoreCase("REPLACE");
  }

  /** The acted-on version's tags, read once; empty when the action acts on no existing version. */
  private Map<String, String> existingTags() {
    if (existing == null) {
      existing =
          bucket == null || key == null || !ON_EXISTING_OBJECT.contains(action)
              ? Map.of()
              : existingTags.of(bucket, key, actedOnVersion());
    }
    return existing;
  }

  /**
   * The version the request acts on: the versionId parameter, or for the read of a copy's source
   * the version x-amz-copy-source names.
   */
  private @Nullable String actedOnVersion() {
    RequestContext request = caller.context();
    String copySource = request.headers().get("x-amz-copy-source");
    if (copySource != null
        && (action == Action.GET_OBJECT || action == Action.GET_OBJECT_VERSION)) {
      int at = copySource.indexOf("?versionId=");
      return at < 0 ? null : copySource.substring(at + "?versionId=".length());
    }
    return request.query().get("versionId");
  }

  private @Nullable String value(String key) {
    RequestContext request = caller.context();
    return switch (key) {
      case ConditionKeys.SOURCE_IP -> request.sourceIp();
      case ConditionKeys.SECURE_TRANSPORT -> Boolean.toString(request.secureTransport());
      case ConditionKeys.TLS_VERSION -> request.tlsVersion();
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
