package io.coffer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {
  @Test
  void pathsKeepPlusAndDecodeUtf8() {
    assertThat(PercentDecoding.path("a+b%20c%C3%BC")).isEqualTo("a+b cü");
  }

  @Test
  void rawNonAsciiBytesFromTheRequestLineAreUtf8() {
    // The HTTP layer hands over each byte as one char: "ü" arrives as two chars.
    assertThat(PercentDecoding.path("\u00c3\u00bc")).isEqualTo("ü");
  }

  @Test
  void queriesTreatPlusAsSpaceAndKeepTheFirstValue() {
    assertThat(PercentDecoding.query("prefix=a+b%2Fc&limit=5&limit=6&flag"))
        .containsEntry("prefix", "a b/c")
        .containsEntry("limit", "5")
        .containsEntry("flag", "");
  }

  @Test
  void malformedInputIsRefused() {
    for (String bad : new String[] {"%", "%4", "%zz", "%C3", "%FF", "a%C3%28"}) {
      assertThatThrownBy(() -> PercentDecoding.path(bad)).as(bad).isInstanceOf(ApiException.class);
    }
    assertThatThrownBy(() -> PercentDecoding.query("a=%G0")).isInstanceOf(ApiException.class);
  }

  @Test
  void queriesDecodeUtf8ByteForByteAsPathsDo() {
    // Escaped, in either case of hex, or sent raw (one char per byte): the same "é".
    assertThat(PercentDecoding.query("a=caf%C3%A9&b=caf%c3%a9&c=caf\u00c3\u00a9"))
        .containsEntry("a", "café")
        .containsEntry("b", "café")
        .containsEntry("c", "café");
    for (String bad : new String[] {"%FF", "%C0%AF", "%ED%A0%80", "caf\u00e9"}) {
      assertThatThrownBy(() -> PercentDecoding.query("a=" + bad))
          .as(bad)
          .isInstanceOf(ApiException.class);
      assertThatThrownBy(() -> PercentDecoding.path(bad)).as(bad).isInstanceOf(ApiException.class);
    }
  }
}
