package io.coffer.http;

import static io.coffer.http.UriCodec.STRICT;
import static io.coffer.http.UriCodec.TOLERANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge cases of decoding and encoding, for both codecs. Raw strings are one char per byte. */
class UriCodecTest {

  @Test
  void emptyInputIsEmpty() {
    assertThat(STRICT.decodePath("")).isEmpty();
    assertThat(STRICT.parseQuery("").all()).isEmpty();
    assertThat(STRICT.parseQuery(null).all()).isEmpty();
    assertThat(TOLERANT.canonicalPath("")).isEqualTo("/");
    assertThat(UriCodec.encodePath("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%zz", "a%", "100%", "%%41", "%4g", "%\u0661\u0661"})
  void aPercentThatStartsNoEscapeIsRefusedByTheStrictCodec(String raw) {
    assertThatThrownBy(() -> STRICT.decodePath(raw))
        .isInstanceOf(MalformedUriException.class)
        .hasMessage("The request URI contains a malformed percent-escape.");
    assertThatThrownBy(() -> STRICT.parseQuery("k=" + raw))
        .isInstanceOf(MalformedUriException.class);
    assertThatThrownBy(() -> STRICT.parseQuery(raw + "=v"))
        .isInstanceOf(MalformedUriException.class);
  }

  @Test
  void aPercentThatStartsNoEscapeIsAPercentSignToTheTolerantCodec() {
    assertThat(TOLERANT.decodePath("%")).isEqualTo("%");
    assertThat(TOLERANT.decodePath("%4")).isEqualTo("%4");
    assertThat(TOLERANT.decodePath("%zz")).isEqualTo("%zz");
    assertThat(TOLERANT.decodePath("100%")).isEqualTo("100%");
    assertThat(TOLERANT.decodePath("%%41")).isEqualTo("%A");
    assertThat(TOLERANT.parseQuery("k=%4&%zz").all())
        .containsEntry("k", "%4")
        .containsEntry("%zz", "");
  }

  @Test
  void hexDigitsAreAsciiInEitherCase() {
    for (UriCodec codec : new UriCodec[] {STRICT, TOLERANT}) {
      assertThat(codec.decodePath("caf%C3%A9")).isEqualTo("café");
      assertThat(codec.decodePath("caf%c3%a9")).isEqualTo("café");
      assertThat(codec.decodePath("caf%c3%A9")).isEqualTo("café");
      assertThat(codec.parseQuery("p=caf%c3%A9").get("p")).isEqualTo("café");
    }
    // Arabic-Indic digits are digits to Character.digit, but not to a URI.
    assertThat(TOLERANT.decodePath("%\u0661\u0661")).isEqualTo("%\u0661\u0661");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%FF", // never a UTF-8 byte
        "a%FE%FF",
        "%C3", // truncated sequence
        "%C3%28", // bad continuation byte
        "%C0%AF", // overlong '/'
        "%E0%80%AF", // overlong '/', three bytes
        "%F0%80%80%AF", // overlong '/', four bytes
        "%ED%A0%80", // a surrogate (U+D800) encoded as UTF-8
        "%ED%BF%BF", // U+DFFF
        "%F4%90%80%80", // beyond U+10FFFF
        "\u00ff", // a raw byte that is not UTF-8
        "caf\u00e9" // ISO-8859-1 é sent raw
      })
  void bytesThatAreNotUtf8AreRefusedByBothCodecs(String raw) {
    for (UriCodec codec : new UriCodec[] {STRICT, TOLERANT}) {
      assertThatThrownBy(() -> codec.decodePath(raw))
          .isInstanceOf(MalformedUriException.class)
          .hasMessage("The request URI is not valid UTF-8 once decoded.");
      assertThatThrownBy(() -> codec.parseQuery("k=" + raw))
          .isInstanceOf(MalformedUriException.class);
      assertThatThrownBy(() -> codec.parseQuery(raw)).isInstanceOf(MalformedUriException.class);
    }
  }

  @Test
  void rawNonAsciiBytesAreTheBytesTheyWere() {
    // "é" sent raw arrives from the HTTP layer as two chars, one per UTF-8 byte.
    String rawE = "\u00c3\u00a9";
    for (UriCodec codec : new UriCodec[] {STRICT, TOLERANT}) {
      assertThat(codec.decodePath("caf" + rawE)).isEqualTo("café");
      assertThat(codec.parseQuery("p=caf" + rawE).get("p")).isEqualTo("café");
      assertThat(codec.decodePath("caf" + rawE + "%C3%A9")).isEqualTo("caféé");
    }
    // The canonical forms escape those bytes, as a client signing "café" does.
    assertThat(TOLERANT.canonicalPath("/b/caf" + rawE)).isEqualTo("/b/caf%C3%A9");
    assertThat(TOLERANT.parseQuery("p=caf" + rawE).canonical(null)).isEqualTo("p=caf%C3%A9");
  }

  @Test
  void charsBeyondU00ffAreTakenAsTheirUtf8() {
    // Only callers inside the JVM can pass these; the wire gives one char per byte.
    assertThat(STRICT.decodePath("ключ/\uD83D\uDD11")).isEqualTo("ключ/\uD83D\uDD11");
    assertThat(TOLERANT.canonicalPath("/b/\uD83D\uDD11")).isEqualTo("/b/%F0%9F%94%91");
    assertThatThrownBy(() -> STRICT.decodePath("lone\uD800surrogate"))
        .isInstanceOf(MalformedUriException.class);
    assertThatThrownBy(() -> TOLERANT.parseQuery("k=\uDC00"))
        .isInstanceOf(MalformedUriException.class);
  }

  @Test
  void plusIsASpaceInAQueryAndAPlusSignInAPath() {
    assertThat(STRICT.decodePath("a+b")).isEqualTo("a+b");
    assertThat(TOLERANT.decodePath("a+b%2Bc%20d")).isEqualTo("a+b+c d");
    Query query = TOLERANT.parseQuery("a+b=c+d&e=%2B");
    assertThat(query.get("a b")).isEqualTo("c d");
    assertThat(query.get("e")).isEqualTo("+");
    assertThat(TOLERANT.canonicalPath("/b/a+b")).isEqualTo("/b/a%2Bb");
    assertThat(query.canonical(null)).isEqualTo("a%20b=c%20d&e=%2B");
  }

  @Test
  void anEscapedSlashIsASlashWithinTheDecodedPiece() {
    assertThat(STRICT.decodePath("dir%2Fkey")).isEqualTo("dir/key");
    assertThat(TOLERANT.decodePath("dir%2fkey")).isEqualTo("dir/key");
    assertThat(TOLERANT.parseQuery("prefix=a%2Fb").get("prefix")).isEqualTo("a/b");
  }

  @Test
  void encodingKeepsOnlyUnreservedCharactersAndEscapesInUpperCase() {
    assertThat(UriCodec.encodePath("/dir/a b+c~d-e_f.g")).isEqualTo("/dir/a%20b%2Bc~d-e_f.g");
    assertThat(UriCodec.encodeComponent("a/b")).isEqualTo("a%2Fb");
    assertThat(UriCodec.encodeComponent("é*'()!%")).isEqualTo("%C3%A9%2A%27%28%29%21%25");
    assertThat(UriCodec.encodePath("ключ")).isEqualTo("%D0%BA%D0%BB%D1%8E%D1%87");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "a b+c", "100%", "%2F/é/ключ/🔑", "*'()!$&,;=:@[]", "~._-"})
  void decodingWhatWasEncodedGivesItBack(String decoded) {
    assertThat(STRICT.decodePath(UriCodec.encodePath(decoded))).isEqualTo(decoded);
    assertThat(STRICT.parseQuery("k=" + UriCodec.encodeComponent(decoded)).get("k"))
        .isEqualTo(decoded);
  }
}
