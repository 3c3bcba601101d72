package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParamTest {
  @ParameterizedTest
  @ValueSource(strings = {"1", "5", "0005", "10000"})
  void digitsWithinRange(String value) {
    assertThat(DecimalParam.parse(value, 1, 10_000)).hasValue(Integer.parseInt(value));
  }

  /** Regression (noticed while fuzzing): Integer.parseInt accepts a sign and non-ASCII digits. */
  @ParameterizedTest
  @ValueSource(
      strings = {"+5", "-1", "0", "10001", "٥", "５", "1e3", " 5", "", "99999999999", "2147483648"})
  void anythingElseIsRefused(String value) {
    assertThat(DecimalParam.parse(value, 1, 10_000)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theWholeIntRangeWhenAsked() {
    assertThat(DecimalParam.parse("2147483647", 0, Integer.MAX_VALUE)).hasValue(Integer.MAX_VALUE);
    assertThat(DecimalParam.parse("2147483648", 0, Integer.MAX_VALUE)).isEmpty();
  }
}
