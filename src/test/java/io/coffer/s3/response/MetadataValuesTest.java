package io.coffer.s3.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * User metadata values as S3 writes them back: printable ASCII unchanged, others RFC 2047-encoded.
 * A stored value is one char per byte sent (ISO-8859-1), so {@link #sentRaw} builds what a client
 * sending UTF-8 raw leaves behind.
 */
class MetadataValuesTest {
  private static String sentRaw(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void printableAsciiIsReturnedAsItIs() {
    assertThat(MetadataValues.encode("plain value_with=?all !~ printable\tand a tab"))
        .isEqualTo("plain value_with=?all !~ printable\tand a tab");
    assertThat(MetadataValues.encode("")).isEmpty();
  }

  @Test
  void nonAsciiMetadataIsReturnedAsAwsDocumentsIt() {
    // The example of AWS's "Working with object metadata": ÄMÄZÕÑ S3 sent as UTF-8.
    assertThat(MetadataValues.encode(sentRaw("ÄMÄZÕÑ S3")))
        .isEqualTo("=?UTF-8?B?w4PChE3Dg8KEWsODwpXDg8KRIFMz?=");
  }

  @Test
  void printableNonAsciiTakesTheQForm() {
    // é sent as the single ISO-8859-1 byte E9: a printable character, so "Q", space as '_'.
    assertThat(MetadataValues.encode("Hello World\u00e9"))
        .isEqualTo("=?UTF-8?Q?Hello_World=C3=A9?=");
    assertThat(MetadataValues.encode("a=b?c_d\u00e9")).isEqualTo("=?UTF-8?Q?a=3Db=3Fc=5Fd=C3=A9?=");
  }

  @Test
  void controlCharactersTakeTheBase64Form() {
    assertThat(MetadataValues.encode("\u0004mymeta")).isEqualTo("=?UTF-8?B?BG15bWV0YQ==?=");
    assertThat(MetadataValues.encode("del\u007f")).isEqualTo("=?UTF-8?B?ZGVsfw==?=");
  }
}
