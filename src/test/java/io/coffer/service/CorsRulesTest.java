package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.model.ErrorCode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S3's limits on a CORS configuration, each refused with InvalidRequest and S3's message. */
class CorsRulesTest {
  private static CorsRule rule(
      List<String> origins, List<String> methods, List<String> allowed, List<String> exposed) {
    return new CorsRule(null, origins, methods, allowed, exposed, null);
  }

  private static final CorsRule OK = rule(List.of("*"), List.of("GET"), List.of(), List.of());

  private static String refusal(CorsRule rule) {
    CofferException e =
        catchThrowableOfType(
            CofferException.class, () -> CorsRules.validate(new CorsConfiguration(List.of(rule))));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    return e.getMessage();
  }

  @Test
  void aConfigurationS3AcceptsPasses() {
    assertThatCode(
            () ->
                CorsRules.validate(
                    new CorsConfiguration(
                        List.of(
                            new CorsRule(
                                "x".repeat(255),
                                List.of("https://*.example.com", ""),
                                List.of("GET", "PUT", "POST", "DELETE", "HEAD"),
                                List.of("x-amz-*", "*"),
                                List.of("ETag", "x-amz-version-id"),
                                0)))))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheFiveMethodsAreAllowed() {
    assertThat(refusal(rule(List.of("*"), List.of("PATCH"), List.of(), List.of())))
        .isEqualTo("Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
    assertThat(refusal(rule(List.of("*"), List.of("get"), List.of(), List.of())))
        .endsWith("Unsupported method is get");
    assertThat(refusal(rule(List.of("*"), List.of(""), List.of(), List.of())))
        .endsWith("Unsupported method is ");
  }

  @Test
  void originsAndAllowedHeadersHaveOneWildcardAtMost() {
    assertThat(refusal(rule(List.of("*example*.com"), List.of("GET"), List.of(), List.of())))
        .isEqualTo("AllowedOrigin \"*example*.com\" can not have more than one wildcard.");
    assertThat(refusal(rule(List.of("*"), List.of("GET"), List.of("x-*-*"), List.of())))
        .isEqualTo("AllowedHeader \"x-*-*\" can not have more than one wildcard.");
  }

  @Test
  void exposedHeadersHaveNoWildcard() {
    assertThat(refusal(rule(List.of("*"), List.of("GET"), List.of(), List.of("x-amz-*"))))
        .contains("We currently do not support wildcard for ExposeHeader.");
  }

  @Test
  void valuesThatCannotBeSentAsHeadersAreRefused() {
    assertThat(refusal(rule(List.of("*"), List.of("GET"), List.of(), List.of("a\r\nb"))))
        .startsWith("ExposeHeader");
    assertThat(refusal(rule(List.of("https://é.org"), List.of("GET"), List.of(), List.of())))
        .startsWith("AllowedOrigin");
  }

  @Test
  void anIdOver255CharactersAndANegativeMaxAgeAreRefused() {
    refusal(
        new CorsRule("x".repeat(256), List.of("*"), List.of("GET"), List.of(), List.of(), null));
    refusal(new CorsRule(null, List.of("*"), List.of("GET"), List.of(), List.of(), -1));
  }

  @Test
  void atMost100Rules() {
    assertThatCode(() -> CorsRules.validate(new CorsConfiguration(Collections.nCopies(100, OK))))
        .doesNotThrowAnyException();
    CofferException e =
        catchThrowableOfType(
            CofferException.class,
            () -> CorsRules.validate(new CorsConfiguration(Collections.nCopies(101, OK))));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("100 rules");
  }
}
