package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {
  @Test
  void anAsciiNameIsGivenTwice() {
    assertThat(ContentDisposition.attachment("report-1.pdf"))
        .isEqualTo("attachment; filename=\"report-1.pdf\"; filename*=UTF-8''report-1.pdf");
  }

  @Test
  void otherCharactersAreReplacedInTheFallbackAndEncodedInFilenameStar() {
    assertThat(ContentDisposition.attachment("a \"b\"\\ é.txt"))
        .isEqualTo(
            "attachment; filename=\"a _b__ _.txt\"; filename*=UTF-8''a%20%22b%22%5C%20%C3%A9.txt");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsOneReplacement() {
    assertThat(ContentDisposition.attachment("😀"))
        .isEqualTo("attachment; filename=\"_\"; filename*=UTF-8''%F0%9F%98%80");
  }
}
