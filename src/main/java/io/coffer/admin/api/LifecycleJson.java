package io.coffer.admin.api;

import io.coffer.admin.api.body.LifecycleBodies;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lifecycle rules between the API's JSON and the model. Only the shape is checked here (required
 * fields, a date's format); what AWS would refuse is {@code service.LifecycleRules}'.
 */
final class LifecycleJson {
  private LifecycleJson() {}

  static LifecycleBodies.Configuration body(LifecycleConfiguration configuration) {
    List<LifecycleBodies.Rule> rules = new ArrayList<>();
    for (LifecycleRule rule : configuration.rules()) {
      rules.add(body(rule));
    }
    return new LifecycleBodies.Configuration(rules);
  }

  private static LifecycleBodies.Rule body(LifecycleRule rule) {
    LifecycleFilter filter = rule.filter();
    LifecycleExpiration expiration = rule.expiration();
    NoncurrentVersionExpiration noncurrent = rule.noncurrentExpiration();
    return new LifecycleBodies.Rule(
        rule.id(),
        rule.enabled(),
        new LifecycleBodies.Filter(
            filter.prefix(),
            filter.tags().isEmpty() ? null : filter.tags(),
            filter.sizeGreaterThan(),
            filter.sizeLessThan()),
        expiration == null
            ? null
            : new LifecycleBodies.Expiration(
                expiration.days(),
                expiration.date() == null ? null : expiration.date().toString(),
                expiration.expiredObjectDeleteMarker() ? true : null),
        noncurrent == null
            ? null
            : new LifecycleBodies.NoncurrentExpiration(
                noncurrent.noncurrentDays(), noncurrent.newerNoncurrentVersions()),
        rule.abortIncompleteUploadDays());
  }

  /**
   * @throws ApiException 400 for a missing {@code rules} or {@code noncurrent_days}, or a date that
   *     is not YYYY-MM-DD
   */
  static LifecycleConfiguration configuration(LifecycleBodies.Configuration body) {
    if (body.rules() == null) {
      throw ApiException.invalid("rules is required; DELETE removes the lifecycle rules.");
    }
    List<LifecycleRule> rules = new ArrayList<>();
    for (LifecycleBodies.Rule rule : body.rules()) {
      if (rule == null) {
        throw ApiException.invalid("A rule cannot be null.");
      }
      rules.add(rule(rule));
    }
    return new LifecycleConfiguration(rules);
  }

  private static LifecycleRule rule(LifecycleBodies.Rule rule) {
    LifecycleBodies.Filter filter = rule.filter();
    LifecycleBodies.NoncurrentExpiration noncurrent = rule.noncurrentExpiration();
    return new LifecycleRule(
        rule.id() == null ? "" : rule.id(),
        rule.enabled() == null || rule.enabled(),
        filter == null
            ? LifecycleFilter.EVERYTHING
            : new LifecycleFilter(
                filter.prefix(),
                tags(filter.tags()),
                filter.sizeGreaterThan(),
                filter.sizeLessThan(),
                false),
        expiration(rule.expiration()),
        noncurrent == null ? null : noncurrent(noncurrent),
        rule.abortIncompleteUploadDays());
  }

  private static Map<String, String> tags(@Nullable Map<String, String> tags) {
    if (tags == null) {
      return Map.of();
    }
    if (tags.containsValue(null)) {
      throw ApiException.invalid("A tag's value is a string (\"\" for an empty one), never null.");
    }
    return tags;
  }

  private static @Nullable LifecycleExpiration expiration(
      LifecycleBodies.@Nullable Expiration expiration) {
    if (expiration == null) {
      return null;
    }
    LocalDate date = null;
    if (expiration.date() != null) {
      try {
        date = LocalDate.parse(expiration.date());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("expiration.date must be a date: YYYY-MM-DD.");
      }
    }
    return new LifecycleExpiration(
        expiration.days(),
        date,
        expiration.expiredObjectDeleteMarker() != null && expiration.expiredObjectDeleteMarker());
  }

  private static NoncurrentVersionExpiration noncurrent(
      LifecycleBodies.NoncurrentExpiration noncurrent) {
    if (noncurrent.noncurrentDays() == null) {
      throw ApiException.invalid("noncurrent_expiration.noncurrent_days is required.");
    }
    return new NoncurrentVersionExpiration(
        noncurrent.noncurrentDays(), noncurrent.newerNoncurrentVersions());
  }
}
