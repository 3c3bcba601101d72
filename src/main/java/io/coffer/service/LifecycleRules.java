package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS's rules for a lifecycle configuration, whichever front end it came through (the S3 XML
 * document or the management API's JSON): limits, unique IDs, one action at least, and the
 * combinations AWS refuses. The document's own structure (one of Days, Date and
 * ExpiredObjectDeleteMarker, a Filter or a Prefix) is the parser's; what a structure can still get
 * wrong is checked here again, so that both front ends refuse the same configurations.
 */
public final class LifecycleRules {
  /** AWS's limit, not adjustable. */
  public static final int MAX_RULES = 1000;

  public static final int MAX_ID_LENGTH = 255;

  /** A key is at most 1024 bytes, so a longer prefix could never match. */
  public static final int MAX_PREFIX_BYTES = 1024;

  /** The most tags an object can have, so the most a filter can usefully require. */
  public static final int MAX_FILTER_TAGS = 10;

  public static final int MAX_NEWER_NONCURRENT_VERSIONS = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  private LifecycleRules() {}

  /**
   * The configuration to store: each rule without an ID given one, as AWS does.
   *
   * @throws CofferException INVALID_ARGUMENT or INVALID_REQUEST, with AWS's message where AWS has
   *     one, for a configuration AWS refuses
   */
  public static LifecycleConfiguration validated(LifecycleConfiguration configuration) {
    List<LifecycleRule> rules = configuration.rules();
    if (rules.isEmpty()) {
      throw invalidRequest("A lifecycle configuration needs at least one rule.");
    }
    if (rules.size() > MAX_RULES) {
      throw invalidArgument("A lifecycle configuration can have at most 1000 rules.");
    }
    List<LifecycleRule> result = new ArrayList<>(rules.size());
    Set<String> ids = new HashSet<>();
    for (LifecycleRule rule : rules) {
      LifecycleRule checked = check(rule);
      if (!ids.add(checked.id())) {
        throw invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
      }
      result.add(checked);
    }
    return new LifecycleConfiguration(result);
  }

  private static LifecycleRule check(LifecycleRule rule) {
    String id = rule.id().isEmpty() ? generatedId() : rule.id();
    if (id.length() > MAX_ID_LENGTH) {
      throw invalidArgument("ID length should not exceed allowed limit of 255");
    }
    LifecycleFilter filter = rule.filter();
    checkFilter(filter);
    LifecycleExpiration expiration = rule.expiration();
    NoncurrentVersionExpiration noncurrent = rule.noncurrentExpiration();
    Integer abortDays = rule.abortIncompleteUploadDays();
    if (expiration == null && noncurrent == null && abortDays == null) {
      throw invalidRequest("At least one action needs to be specified in a rule");
    }
    if (expiration != null) {
      checkExpiration(expiration, filter);
    }
    if (noncurrent != null) {
      if (noncurrent.noncurrentDays() <= 0) {
        throw invalidArgument(
            "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
      }
      Integer newer = noncurrent.newerNoncurrentVersions();
      if (newer != null && (newer <= 0 || newer > MAX_NEWER_NONCURRENT_VERSIONS)) {
        throw invalidArgument(
            "'NewerNoncurrentVersions' for NoncurrentVersionExpiration action must be a positive"
                + " integer of at most 100");
      }
    }
    if (abortDays != null) {
      if (abortDays <= 0) {
        throw invalidArgument(
            "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive"
                + " integer");
      }
      // An upload has neither tags that count nor a size yet.
      if (!filter.tags().isEmpty()) {
        throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
      }
      if (filter.sizeGreaterThan() != null || filter.sizeLessThan() != null) {
        throw invalidRequest(
            "AbortIncompleteMultipartUpload cannot be specified with an object size filter.");
      }
    }
    return id.equals(rule.id())
        ? rule
        : new LifecycleRule(
            id, rule.enabled(), filter, expiration, noncurrent, rule.abortIncompleteUploadDays());
  }

  private static void checkFilter(LifecycleFilter filter) {
    String prefix = filter.prefix();
    if (prefix != null && prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
      throw invalidArgument("The maximum size of a prefix is 1024");
    }
    if (filter.legacyPrefix()
        && (prefix == null
            || !filter.tags().isEmpty()
            || filter.sizeGreaterThan() != null
            || filter.sizeLessThan() != null)) {
      throw invalidArgument("A rule-level Prefix is a filter of its own: it takes nothing else.");
    }
    if (filter.tags().size() > MAX_FILTER_TAGS) {
      throw invalidArgument("A filter can name at most 10 tags.");
    }
    for (Map.Entry<String, String> tag : filter.tags().entrySet()) {
      int keyLength = tag.getKey().codePointCount(0, tag.getKey().length());
      if (keyLength < 1 || keyLength > 128) {
        throw invalidArgument("A tag's key must be 1 to 128 characters long.");
      }
      if (tag.getValue().codePointCount(0, tag.getValue().length()) > 256) {
        throw invalidArgument("A tag's value must be at most 256 characters long.");
      }
    }
    Long greater = filter.sizeGreaterThan();
    Long less = filter.sizeLessThan();
    if (greater != null && greater < 0) {
      throw invalidArgument("ObjectSizeGreaterThan must be a non-negative integer.");
    }
    if (less != null && less <= 0) {
      throw invalidArgument("ObjectSizeLessThan must be a positive integer.");
    }
    if (greater != null && less != null && greater >= less) {
      throw invalidArgument("ObjectSizeGreaterThan must be less than ObjectSizeLessThan.");
    }
  }

  private static void checkExpiration(LifecycleExpiration expiration, LifecycleFilter filter) {
    Integer days = expiration.days();
    int given =
        (days != null ? 1 : 0)
            + (expiration.date() != null ? 1 : 0)
            + (expiration.expiredObjectDeleteMarker() ? 1 : 0);
    if (given != 1) {
      throw invalidArgument(
          "An Expiration takes exactly one of Days, Date and ExpiredObjectDeleteMarker.");
    }
    if (days != null && days <= 0) {
      throw invalidArgument("'Days' for Expiration action must be a positive integer");
    }
    if (expiration.expiredObjectDeleteMarker() && !filter.tags().isEmpty()) {
      // A delete marker has no tags: a rule that needs them can never remove one.
      throw invalidArgument(
          "ExpiredObjectDeleteMarker cannot be specified with object tag filters.");
    }
  }

  /** 48 characters, as AWS's generated IDs are: base64 of 36 random bytes. */
  private static String generatedId() {
    byte[] bytes = new byte[36];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static CofferException invalidArgument(String message) {
    return new CofferException(ErrorCode.INVALID_ARGUMENT, message);
  }

  private static CofferException invalidRequest(String message) {
    return new CofferException(ErrorCode.INVALID_REQUEST, message);
  }
}
