package io.coffer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  static final String SHAPE = "[0-9A-F]{16}";

  @Test
  void idsAreSixteenUpperCaseHexDigitsEvenWithLeadingZeros() {
    // A thousand sequences: about one in sixteen starts with a zero digit, which must be kept.
    Set<Character> firstDigits = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = new RequestIds().next();
      assertThat(id).matches(SHAPE);
      firstDigits.add(id.charAt(0));
    }
    assertThat(firstDigits).contains('0');
    assertThat(RequestIds.random()).matches(SHAPE);
  }

  @Test
  void oneSequenceNeverRepeatsAndKeepsItsPrefix() {
    RequestIds ids = new RequestIds();
    Set<String> seen = new HashSet<>();
    String first = ids.next();
    seen.add(first);
    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      assertThat(seen.add(id)).as(id).isTrue();
      assertThat(id.substring(0, 6)).isEqualTo(first.substring(0, 6));
    }
  }
}
