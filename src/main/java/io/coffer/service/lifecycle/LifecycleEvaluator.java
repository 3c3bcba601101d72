package io.coffer.service.lifecycle;

import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which lifecycle rule applies to a version, a delete marker or an upload, and from when. Pure: the
 * caller gives the configuration, what it knows of the version and the time.
 *
 * <p>Days are lifecycle days of {@link #day()} (86,400 s normally; shorter for tests and demos). As
 * AWS does, a "Days" expiry is rounded up to the next day boundary: the next midnight UTC for a
 * normal day, and for a shortened day the next multiple of the day length since the epoch (so with
 * a day of 10 s, an object created at second 13 under {@code Days: 1} expires at second 30). A
 * {@code Date} is a calendar date and is never scaled. When several enabled rules apply, the one
 * that acts first wins.
 */
public final class LifecycleEvaluator {
  private final long dayMillis;

  public LifecycleEvaluator(Duration day) {
    if (day.toMillis() <= 0) {
      throw new IllegalArgumentException("a lifecycle day must be positive: " + day);
    }
    this.dayMillis = day.toMillis();
  }

  public Duration day() {
    return Duration.ofMillis(dayMillis);
  }

  /** A rule and the moment it acts. */
  public record Due(String ruleId, Instant at) {
    public boolean reached(Instant now) {
      return !now.isBefore(at);
    }
  }

  /** {@code days} lifecycle days after {@code start}, rounded up to the next day boundary. */
  public Instant daysAfter(Instant start, int days) {
    long end = start.toEpochMilli() + days * dayMillis;
    return Instant.ofEpochMilli(Math.ceilDiv(end, dayMillis) * dayMillis);
  }

  /**
   * When the current version of a key expires (Expiration with Days or Date), or empty when no
   * enabled rule expires it. {@code tags} is asked only when a rule with a tag filter otherwise
   * applies.
   */
  public Optional<Due> currentExpiry(
      LifecycleConfiguration config,
      String key,
      long size,
      Supplier<Map<String, String>> tags,
      Instant created) {
    Due first = null;
    for (LifecycleRule rule : config.rules()) {
      LifecycleExpiration expiration = rule.expiration();
      if (!rule.enabled() || expiration == null) {
        continue;
      }
      Instant at;
      if (expiration.days() != null) {
        at = daysAfter(created, expiration.days());
      } else if (expiration.date() != null) {
        at = expiration.date().atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        continue; // ExpiredObjectDeleteMarker only
      }
      if ((first == null || at.isBefore(first.at()))
          && matches(rule.filter(), key, size, false, tags)) {
        first = new Due(rule.id(), at);
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * When a noncurrent version (or noncurrent delete marker) is removed for good, or empty when no
   * enabled rule removes it: NoncurrentDays after it became noncurrent, and only once at least
   * NewerNoncurrentVersions newer noncurrent versions are kept.
   *
   * @param noncurrentSince when its successor (the next newer version) was created
   * @param newerNoncurrent how many noncurrent versions of the key are newer than this one
   */
  public Optional<Due> noncurrentExpiry(
      LifecycleConfiguration config,
      String key,
      long size,
      boolean deleteMarker,
      Supplier<Map<String, String>> tags,
      Instant noncurrentSince,
      int newerNoncurrent) {
    Due first = null;
    for (LifecycleRule rule : config.rules()) {
      NoncurrentVersionExpiration noncurrent = rule.noncurrentExpiration();
      if (!rule.enabled() || noncurrent == null) {
        continue;
      }
      Integer keep = noncurrent.newerNoncurrentVersions();
      if (keep != null && newerNoncurrent < keep) {
        continue;
      }
      Instant at = daysAfter(noncurrentSince, noncurrent.noncurrentDays());
      if ((first == null || at.isBefore(first.at()))
          && matches(rule.filter(), key, size, deleteMarker, tags)) {
        first = new Due(rule.id(), at);
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * The rule that removes an expired object delete marker (a current delete marker with no other
   * version behind it) of this key, if any: at once, as AWS removes them at its next run.
   */
  public Optional<String> expiredMarkerRule(LifecycleConfiguration config, String key) {
    for (LifecycleRule rule : config.rules()) {
      LifecycleExpiration expiration = rule.expiration();
      if (rule.enabled()
          && expiration != null
          && expiration.expiredObjectDeleteMarker()
          && matches(rule.filter(), key, 0, true, Map::of)) {
        return Optional.of(rule.id());
      }
    }
    return Optional.empty();
  }

  /** When an incomplete multipart upload is aborted, or empty when no enabled rule aborts it. */
  public Optional<Due> uploadAbort(LifecycleConfiguration config, String key, Instant initiated) {
    Due first = null;
    for (LifecycleRule rule : config.rules()) {
      Integer days = rule.abortIncompleteUploadDays();
      if (!rule.enabled() || days == null) {
        continue;
      }
      Instant at = daysAfter(initiated, days);
      // AWS refuses tag and size filters with this action: only the prefix can apply.
      if ((first == null || at.isBefore(first.at())) && prefixMatches(rule.filter(), key)) {
        first = new Due(rule.id(), at);
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * Whether a version falls under a filter. A delete marker has no tags and no size: a rule with a
   * tag filter never applies to one, and size limits are not asked of it.
   */
  static boolean matches(
      LifecycleFilter filter,
      String key,
      long size,
      boolean deleteMarker,
      Supplier<Map<String, String>> tags) {
    if (!prefixMatches(filter, key)) {
      return false;
    }
    if (deleteMarker) {
      return filter.tags().isEmpty();
    }
    if (!sizeMatches(filter.sizeGreaterThan(), filter.sizeLessThan(), size)) {
      return false;
    }
    if (filter.tags().isEmpty()) {
      return true;
    }
    Map<String, String> have = tags.get();
    for (Map.Entry<String, String> want : filter.tags().entrySet()) {
      if (!want.getValue().equals(have.get(want.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean prefixMatches(LifecycleFilter filter, String key) {
    return filter.prefix() == null || key.startsWith(filter.prefix());
  }

  private static boolean sizeMatches(
      @Nullable Long greaterThan, @Nullable Long lessThan, long size) {
    return (greaterThan == null || size > greaterThan) && (lessThan == null || size < lessThan);
  }
}
