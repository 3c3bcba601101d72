package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** AWS's checks of a lifecycle configuration, shared by the S3 and management front ends. */
class LifecycleRulesTest {
  private static final LifecycleExpiration DAYS_1 = new LifecycleExpiration(1, null, false);

  private static LifecycleRule rule(String id, LifecycleFilter filter) {
    return new LifecycleRule(id, true, filter, DAYS_1, null, null);
  }

  private static LifecycleConfiguration of(LifecycleRule... rules) {
    return new LifecycleConfiguration(List.of(rules));
  }

  private static CofferException refused(LifecycleConfiguration configuration) {
    return catchThrowableOfType(
        CofferException.class, () -> LifecycleRules.validated(configuration));
  }

  /** The code a configuration of this one rule is refused with. */
  private static ErrorCode codeOf(
      LifecycleFilter filter,
      @Nullable LifecycleExpiration expiration,
      @Nullable NoncurrentVersionExpiration noncurrent,
      @Nullable Integer abortDays) {
    return refused(of(new LifecycleRule("a", true, filter, expiration, noncurrent, abortDays)))
        .code();
  }

  private static void assertRefused(
      LifecycleConfiguration configuration, ErrorCode code, String message) {
    CofferException e = refused(configuration);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).isEqualTo(message);
  }

  @Test
  void aValidConfigurationIsStoredAsGiven() {
    LifecycleConfiguration configuration =
        of(
            new LifecycleRule(
                "logs",
                true,
                new LifecycleFilter("logs/", Map.of("k", "v"), 1L, 2L, false),
                new LifecycleExpiration(null, LocalDate.of(2027, 1, 1), false),
                new NoncurrentVersionExpiration(3, 100),
                null),
            new LifecycleRule("uploads", false, LifecycleFilter.EVERYTHING, null, null, 7));
    assertThat(LifecycleRules.validated(configuration)).isEqualTo(configuration);
  }

  @Test
  void aRuleWithoutAnIdIsGivenOneOf48Characters() {
    LifecycleConfiguration stored =
        LifecycleRules.validated(
            of(rule("", LifecycleFilter.EVERYTHING), rule("", LifecycleFilter.EVERYTHING)));
    assertThat(stored.rules()).extracting(LifecycleRule::id).allMatch(id -> id.length() == 48);
    assertThat(stored.rules().get(0).id()).isNotEqualTo(stored.rules().get(1).id());
  }

  @Test
  void idsAreUniqueAndAtMost255Characters() {
    assertRefused(
        of(rule("a", LifecycleFilter.EVERYTHING), rule("a", LifecycleFilter.EVERYTHING)),
        ErrorCode.INVALID_ARGUMENT,
        "Rule ID must be unique. Found same ID for more than one rule");
    assertThat(LifecycleRules.validated(of(rule("x".repeat(255), LifecycleFilter.EVERYTHING))))
        .isNotNull();
    assertRefused(
        of(rule("x".repeat(256), LifecycleFilter.EVERYTHING)),
        ErrorCode.INVALID_ARGUMENT,
        "ID length should not exceed allowed limit of 255");
  }

  @Test
  void oneToAThousandRules() {
    assertThat(refused(new LifecycleConfiguration(List.of())).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    List<LifecycleRule> rules = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      rules.add(rule("r" + i, LifecycleFilter.EVERYTHING));
    }
    assertThat(refused(new LifecycleConfiguration(rules)).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(LifecycleRules.validated(new LifecycleConfiguration(rules.subList(0, 1000))))
        .isNotNull();
  }

  @Test
  void aRuleNeedsAnAction() {
    assertRefused(
        of(new LifecycleRule("a", true, LifecycleFilter.EVERYTHING, null, null, null)),
        ErrorCode.INVALID_REQUEST,
        "At least one action needs to be specified in a rule");
  }

  @Test
  void daysArePositive() {
    LifecycleFilter all = LifecycleFilter.EVERYTHING;
    assertRefused(
        of(new LifecycleRule("a", true, all, new LifecycleExpiration(0, null, false), null, null)),
        ErrorCode.INVALID_ARGUMENT,
        "'Days' for Expiration action must be a positive integer");
    assertThat(codeOf(all, null, new NoncurrentVersionExpiration(0, null), null))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(codeOf(all, null, new NoncurrentVersionExpiration(1, 101), null))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(codeOf(all, null, null, -1)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void anExpirationTakesExactlyOneChoice() {
    LifecycleFilter all = LifecycleFilter.EVERYTHING;
    assertThat(codeOf(all, new LifecycleExpiration(1, LocalDate.of(2027, 1, 1), false), null, null))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(codeOf(all, new LifecycleExpiration(null, null, false), null, null))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void expiredObjectDeleteMarkerTakesNoTagFilter() {
    assertThat(
            codeOf(tags(Map.of("k", "v")), new LifecycleExpiration(null, null, true), null, null))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void abortingUploadsTakesNeitherTagsNorSizes() {
    assertRefused(
        of(new LifecycleRule("a", true, tags(Map.of("k", "v")), null, null, 1)),
        ErrorCode.INVALID_REQUEST,
        "AbortIncompleteMultipartUpload cannot be specified with Tags.");
    assertThat(codeOf(sizes(5L, null), null, null, 1)).isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void sizeFiltersMakeARange() {
    assertRefused(
        of(rule("a", sizes(10L, 10L))),
        ErrorCode.INVALID_ARGUMENT,
        "ObjectSizeGreaterThan must be less than ObjectSizeLessThan.");
    assertThat(refused(of(rule("a", sizes(-1L, null)))).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(refused(of(rule("a", sizes(null, 0L)))).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(LifecycleRules.validated(of(rule("a", sizes(0L, 1L))))).isNotNull();
  }

  @Test
  void filterTagsAndPrefixesHaveAwsLimits() {
    assertThat(refused(of(rule("a", tags(Map.of("", "v"))))).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(refused(of(rule("a", tags(Map.of("k".repeat(129), "v"))))).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(refused(of(rule("a", tags(Map.of("k", "v".repeat(257)))))).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(
            refused(
                    of(
                        rule(
                            "a",
                            new LifecycleFilter("p".repeat(1025), Map.of(), null, null, false))))
                .code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    Map<String, String> eleven = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    assertThat(refused(of(rule("a", tags(eleven)))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(LifecycleRules.validated(of(rule("a", tags(Collections.singletonMap("k", ""))))))
        .isNotNull();
  }

  private static LifecycleFilter tags(Map<String, String> tags) {
    return new LifecycleFilter(null, tags, null, null, false);
  }

  private static LifecycleFilter sizes(@Nullable Long greater, @Nullable Long less) {
    return new LifecycleFilter(null, Map.of(), greater, less, false);
  }
}
