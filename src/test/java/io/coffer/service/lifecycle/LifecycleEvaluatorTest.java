package io.coffer.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import io.coffer.service.lifecycle.LifecycleEvaluator.Due;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleEvaluatorTest {
  private static final LifecycleEvaluator DAYS = new LifecycleEvaluator(Duration.ofDays(1));
  private static final LifecycleEvaluator TEN_SECONDS =
      new LifecycleEvaluator(Duration.ofSeconds(10));

  static LifecycleRule expireAfter(String id, int days, LifecycleFilter filter) {
    return new LifecycleRule(
        id, true, filter, new LifecycleExpiration(days, null, false), null, null);
  }

  static LifecycleFilter prefix(String prefix) {
    return new LifecycleFilter(prefix, Map.of(), null, null, false);
  }

  static LifecycleConfiguration config(LifecycleRule... rules) {
    return new LifecycleConfiguration(java.util.List.of(rules));
  }

  @ParameterizedTest(name = "{0} + {1} days -> {2}")
  @CsvSource({
    // AWS: creation + Days, rounded up to the next midnight UTC
    "2026-03-01T10:15:00Z, 1, 2026-03-03T00:00:00Z",
    "2026-03-01T00:00:00Z, 1, 2026-03-02T00:00:00Z",
    "2026-03-01T23:59:59Z, 30, 2026-04-01T00:00:00Z",
  })
  void daysRoundUpToTheNextMidnightUtc(Instant created, int days, Instant expected) {
    assertThat(DAYS.daysAfter(created, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "second {0} + {1} short days -> second {2}")
  @CsvSource({"13, 1, 30", "10, 1, 20", "0, 3, 30", "19, 2, 40"})
  void aShortenedDayRoundsUpToItsOwnBoundary(long created, int days, long expected) {
    assertThat(TEN_SECONDS.daysAfter(Instant.ofEpochSecond(created), days))
        .isEqualTo(Instant.ofEpochSecond(expected));
  }

  @Test
  void theEarliestOfTheMatchingEnabledRulesApplies() {
    LifecycleConfiguration c =
        config(
            expireAfter("slow", 30, LifecycleFilter.EVERYTHING),
            expireAfter("logs", 7, prefix("logs/")),
            new LifecycleRule(
                "off", false, prefix("logs/"), new LifecycleExpiration(1, null, false), null, null),
            expireAfter("other", 1, prefix("tmp/")));
    Instant created = Instant.parse("2026-01-01T12:00:00Z");
    assertThat(DAYS.currentExpiry(c, "logs/a", 1, Map::of, created))
        .contains(new Due("logs", Instant.parse("2026-01-09T00:00:00Z")));
    assertThat(DAYS.currentExpiry(c, "data/a", 1, Map::of, created).map(Due::ruleId))
        .contains("slow");
  }

  @Test
  void aDateExpiresAtMidnightUtcWhateverTheDayLength() {
    LifecycleConfiguration c =
        config(
            new LifecycleRule(
                "date",
                true,
                LifecycleFilter.EVERYTHING,
                new LifecycleExpiration(null, LocalDate.parse("2027-01-01"), false),
                null,
                null));
    assertThat(TEN_SECONDS.currentExpiry(c, "k", 1, Map::of, Instant.EPOCH))
        .contains(new Due("date", Instant.parse("2027-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "size {0}: {1}")
  @CsvSource({"100, false", "101, true", "199, true", "200, false"})
  void sizeLimitsAreStrict(long size, boolean applies) {
    LifecycleConfiguration c =
        config(expireAfter("sized", 1, new LifecycleFilter(null, Map.of(), 100L, 200L, false)));
    assertThat(DAYS.currentExpiry(c, "k", size, Map::of, Instant.EPOCH).isPresent())
        .isEqualTo(applies);
  }

  @Test
  void tagFiltersNeedEveryTagAndAskForTagsOnlyWhenTheRestMatches() {
    LifecycleConfiguration c =
        config(
            expireAfter(
                "tagged",
                1,
                new LifecycleFilter(
                    "a/", Map.of("class", "temp", "team", "x"), null, null, false)));
    assertThat(
            DAYS.currentExpiry(
                c,
                "a/k",
                1,
                () -> Map.of("class", "temp", "team", "x", "more", "1"),
                Instant.EPOCH))
        .isPresent();
    assertThat(DAYS.currentExpiry(c, "a/k", 1, () -> Map.of("class", "temp"), Instant.EPOCH))
        .isEmpty();
    assertThat(
            DAYS.currentExpiry(
                c,
                "b/k",
                1,
                () -> {
                  throw new AssertionError("tags looked up for a key the prefix excludes");
                },
                Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void noncurrentVersionsCountFromWhenTheyBecameNoncurrentAndKeepTheNewest() {
    LifecycleConfiguration c =
        config(
            new LifecycleRule(
                "nc",
                true,
                LifecycleFilter.EVERYTHING,
                null,
                new NoncurrentVersionExpiration(2, 3),
                null));
    Instant since = Instant.parse("2026-05-05T08:00:00Z");
    assertThat(DAYS.noncurrentExpiry(c, "k", 1, false, Map::of, since, 2)).isEmpty();
    assertThat(DAYS.noncurrentExpiry(c, "k", 1, false, Map::of, since, 3))
        .contains(new Due("nc", Instant.parse("2026-05-08T00:00:00Z")));
  }

  @Test
  void deleteMarkersIgnoreSizeLimitsAndNeverMatchTagFilters() {
    LifecycleConfiguration c =
        config(
            new LifecycleRule(
                "eodm",
                true,
                new LifecycleFilter("x/", Map.of(), 10L, null, false),
                new LifecycleExpiration(null, null, true),
                null,
                null),
            new LifecycleRule(
                "tags",
                true,
                new LifecycleFilter(null, Map.of("a", "b"), null, null, false),
                null,
                new NoncurrentVersionExpiration(1, null),
                null));
    assertThat(DAYS.expiredMarkerRule(c, "x/k")).contains("eodm");
    assertThat(DAYS.expiredMarkerRule(c, "y/k")).isEmpty();
    assertThat(DAYS.noncurrentExpiry(c, "x/k", 0, true, Map::of, Instant.EPOCH, 0)).isEmpty();
    // An ExpiredObjectDeleteMarker rule expires no current version.
    assertThat(DAYS.currentExpiry(c, "x/k", 50, Map::of, Instant.EPOCH)).isEmpty();
  }

  @Test
  void uploadsAreAbortedDaysAfterInitiationUnderTheirPrefix() {
    LifecycleConfiguration c =
        config(new LifecycleRule("mpu", true, prefix("big/"), null, null, 2));
    Instant initiated = Instant.ofEpochSecond(25);
    assertThat(TEN_SECONDS.uploadAbort(c, "big/file", initiated))
        .contains(new Due("mpu", Instant.ofEpochSecond(50)));
    assertThat(TEN_SECONDS.uploadAbort(c, "small/file", initiated)).isEqualTo(Optional.empty());
  }
}
