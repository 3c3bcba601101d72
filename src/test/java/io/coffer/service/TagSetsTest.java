package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagSetsTest {
  @Test
  void parsesTheHeaderInOrderDecodingEscapesAndEmptyValues() {
    Map<String, String> tags = TagSets.parseQueryString("b=2&a=x%20y&empty=&bare&p=a+b");
    assertThat(tags)
        .containsExactly(
            Map.entry("b", "2"),
            Map.entry("a", "x y"),
            Map.entry("empty", ""),
            Map.entry("bare", ""),
            Map.entry("p", "a b"));
    assertThat(TagSets.parseQueryString("")).isEmpty();
  }

  @Test
  void aDuplicateKeyInTheHeaderIsInvalidArgument() {
    assertCode(() -> TagSets.parseQueryString("a=1&a=2"), ErrorCode.INVALID_ARGUMENT);
    assertCode(() -> TagSets.parseQueryString("a=%zz"), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void theHeaderIsValidatedAsAnObjectTagSet() {
    StringBuilder eleven = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
    }
    assertCode(() -> TagSets.parseQueryString(eleven.toString()), ErrorCode.BAD_REQUEST);
    assertCode(() -> TagSets.parseQueryString("a=%3Cb%3E"), ErrorCode.INVALID_TAG);
  }

  @Test
  void objectTagLimits() {
    TagSets.validateObjectTags(numbered(10));
    assertCode(() -> TagSets.validateObjectTags(numbered(11)), ErrorCode.BAD_REQUEST);
    TagSets.validateObjectTags(Map.of("k".repeat(128), "v".repeat(256)));
    // Lengths count Unicode characters, not UTF-16 units or bytes.
    TagSets.validateObjectTags(Map.of("𝐀".repeat(128), "é".repeat(256)));
    assertCode(
        () -> TagSets.validateObjectTags(Map.of("k".repeat(129), "v")), ErrorCode.INVALID_TAG);
    assertCode(
        () -> TagSets.validateObjectTags(Map.of("k", "v".repeat(257))), ErrorCode.INVALID_TAG);
  }

  @Test
  void allowedCharactersAndReservedPrefix() {
    TagSets.validateObjectTags(Map.of("Ünï cödé_.:/=+-@9", "välue _.:/=+-@ 7", "k", ""));
    assertCode(() -> TagSets.validateObjectTags(Map.of("", "v")), ErrorCode.INVALID_TAG);
    assertCode(() -> TagSets.validateObjectTags(Map.of("a*b", "v")), ErrorCode.INVALID_TAG);
    assertCode(() -> TagSets.validateObjectTags(Map.of("k", "v?")), ErrorCode.INVALID_TAG);
    assertCode(() -> TagSets.validateObjectTags(Map.of("aws:x", "v")), ErrorCode.INVALID_TAG);
    assertCode(() -> TagSets.validateBucketTags(Map.of("AWS:x", "v")), ErrorCode.INVALID_TAG);
  }

  @Test
  void bucketTagLimit() {
    TagSets.validateBucketTags(numbered(50));
    assertCode(() -> TagSets.validateBucketTags(numbered(51)), ErrorCode.BAD_REQUEST);
  }

  @Test
  void pairsKeepTheirOrderAndRefuseDuplicates() {
    assertThat(TagSets.fromPairs(List.of(Map.entry("z", "1"), Map.entry("a", "2"))))
        .containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
    assertCode(
        () -> TagSets.fromPairs(List.of(Map.entry("a", "1"), Map.entry("a", "2"))),
        ErrorCode.INVALID_TAG);
  }

  private static Map<String, String> numbered(int n) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      tags.put("k" + i, "v");
    }
    return tags;
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOf(CofferException.class)
        .satisfies(e -> assertThat(((CofferException) e).code()).isEqualTo(code));
  }
}
