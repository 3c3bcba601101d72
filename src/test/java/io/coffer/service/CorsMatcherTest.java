package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rule lets a browser request through: the first whose origin, method and headers match. */
class CorsMatcherTest {
  private static final CorsRule APP =
      new CorsRule(
          "app",
          List.of("https://*.example.com"),
          List.of("GET", "PUT"),
          List.of("Content-*", "x-amz-date"),
          List.of("ETag"),
          3000);
  private static final CorsRule ANY_GET =
      new CorsRule("any", List.of("*"), List.of("GET"), List.of(), List.of(), null);
  private static final CorsConfiguration RULES = new CorsConfiguration(List.of(APP, ANY_GET));

  @ParameterizedTest
  @CsvSource({
    "*suffix, foo.suffix, true",
    "*suffix, suffix, true",
    "*suffix, foo.suffix.get, false",
    "start*end, startend, true",
    "start*end, start12end, true",
    "start*end, 0start12end, false",
    "prefix*, prefix.suffix, true",
    "prefix*, bla.prefix, false",
    "https://*.example.com, https://A.Example.COM, true",
    "https://*.example.com, https://app.example.com.evil.org, false",
    "https://*.example.com, http://app.example.com, false",
    "https://*.example.com, https://evilexample.com, false",
    "http://a.org, http://a.org/, false",
    "http://a.org, http://A.ORG, true",
    "*, anything, true",
  })
  void patternsHaveOneAnchoredWildcardThatMatchesAnyRun(
      String pattern, String value, boolean matches) {
    assertThat(CorsMatcher.matches(pattern, value)).isEqualTo(matches);
  }

  @Test
  void theFirstMatchingRuleWins() {
    CorsMatcher.Match match = CorsMatcher.find(RULES, "https://app.example.com", "GET", List.of());
    assertThat(match).isEqualTo(new CorsMatcher.Match(APP, false));
    CorsConfiguration reversed = new CorsConfiguration(List.of(ANY_GET, APP));
    assertThat(CorsMatcher.find(reversed, "https://app.example.com", "GET", List.of()))
        .isEqualTo(new CorsMatcher.Match(ANY_GET, true));
  }

  @Test
  void theMethodMustBeAllowedAsSpelled() {
    assertThat(CorsMatcher.find(RULES, "https://app.example.com", "PUT", List.of())).isNotNull();
    assertThat(CorsMatcher.find(RULES, "https://other.org", "PUT", List.of())).isNull();
    assertThat(CorsMatcher.find(RULES, "https://other.org", "get", List.of())).isNull();
    assertThat(CorsMatcher.find(RULES, "https://other.org", "OPTIONS", List.of())).isNull();
  }

  @Test
  void everyRequestedHeaderMustBeAllowedWithoutRegardToCase() {
    String origin = "https://app.example.com";
    List<String> asked = CorsMatcher.requestedHeaders("Content-Type,X-Amz-Date");
    assertThat(asked).containsExactly("content-type", "x-amz-date");
    assertThat(CorsMatcher.find(RULES, origin, "PUT", asked)).isNotNull();
    List<String> tooMany = CorsMatcher.requestedHeaders("content-type, authorization");
    assertThat(CorsMatcher.find(RULES, origin, "PUT", tooMany)).isNull();
    // A rule without AllowedHeader allows no requested header at all.
    assertThat(
            CorsMatcher.find(
                RULES, "https://other.org", "GET", CorsMatcher.requestedHeaders("x-amz-date")))
        .isNull();
  }

  @Test
  void requestedHeadersAreTrimmedLowerCasedAndEmptyOnesDropped() {
    assertThat(CorsMatcher.requestedHeaders(null)).isEmpty();
    assertThat(CorsMatcher.requestedHeaders(" , ")).isEmpty();
    assertThat(CorsMatcher.requestedHeaders(" X-A ,, x-b")).containsExactly("x-a", "x-b");
  }
}
