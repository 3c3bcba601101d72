package io.coffer.policy;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys a policy may name: those Coffer's requests carry ({@link ConditionKeys}), and
 * the tag families {@code s3:ExistingObjectTag/<key>} and {@code s3:RequestObjectTag/<key>}. A name
 * is canonicalized once, at parse time: lower case, except a tag family's tag key, which is kept as
 * written (tag keys are case-sensitive).
 */
final class KnownKeys {
  private static final Set<String> KEYS =
      Set.of(
          ConditionKeys.SOURCE_IP,
          ConditionKeys.SECURE_TRANSPORT,
          ConditionKeys.CURRENT_TIME,
          ConditionKeys.EPOCH_TIME,
          ConditionKeys.USERNAME,
          ConditionKeys.USERID,
          ConditionKeys.PRINCIPAL_TYPE,
          ConditionKeys.REFERER,
          ConditionKeys.USER_AGENT,
          ConditionKeys.PREFIX,
          ConditionKeys.DELIMITER,
          ConditionKeys.MAX_KEYS,
          ConditionKeys.X_AMZ_ACL,
          ConditionKeys.X_AMZ_SERVER_SIDE_ENCRYPTION,
          ConditionKeys.REQUEST_OBJECT_TAG_KEYS,
          ConditionKeys.OBJECT_LOCK_MODE,
          ConditionKeys.OBJECT_LOCK_RETAIN_UNTIL_DATE,
          ConditionKeys.OBJECT_LOCK_REMAINING_RETENTION_DAYS,
          ConditionKeys.OBJECT_LOCK_LEGAL_HOLD,
          ConditionKeys.SIGNATURE_VERSION,
          ConditionKeys.AUTH_TYPE,
          ConditionKeys.TLS_VERSION,
          ConditionKeys.VERSION_ID,
          ConditionKeys.X_AMZ_COPY_SOURCE,
          ConditionKeys.X_AMZ_METADATA_DIRECTIVE,
          ConditionKeys.X_AMZ_CONTENT_SHA256);

  private KnownKeys() {}

  /** The canonical spelling of a key name, or null when Coffer does not know the key. */
  static @Nullable String canonical(String written) {
    int slash = written.indexOf('/');
    if (slash < 0) {
      String lower = written.toLowerCase(Locale.ROOT);
      return KEYS.contains(lower) ? lower : null;
    }
    String family = written.substring(0, slash + 1).toLowerCase(Locale.ROOT);
    String tagKey = written.substring(slash + 1);
    boolean tagFamily =
        family.equals(ConditionKeys.EXISTING_OBJECT_TAG)
            || family.equals(ConditionKeys.REQUEST_OBJECT_TAG);
    return tagFamily && !tagKey.isEmpty() ? family + tagKey : null;
  }
}
