package io.coffer.s3.response;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a user metadata value is written back in an {@code x-amz-meta-*} response header, as S3 does
 * it: printable ASCII as it is, anything else as an RFC 2047 encoded word over the value's UTF-8
 * bytes — {@code =?UTF-8?B?...?=} (base64) when it holds a control or other unprintable character,
 * else {@code =?UTF-8?Q?...?=} (the "Q" form, in which a space is {@code _}).
 *
 * <p>A value is stored as the header arrived, one character per byte sent (ISO-8859-1), which is
 * also what S3 does: a client that sends the UTF-8 bytes of "é" raw gets back the UTF-8 encoding of
 * the two characters "Ã©" (S3's documented example, and what the AWS S3 Encryption Client
 * specification calls the S3 server's "double encoding"). Nothing sent is lost, and a client that
 * sends an RFC 2047 word itself gets it back unchanged.
 */
final class MetadataValues {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MetadataValues() {}

  static String encode(String value) {
    if (isPrintableAscii(value)) {
      return value;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (hasUnprintable(value)) {
      return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
    }
    StringBuilder out = new StringBuilder(utf8.length * 3 + 12).append("=?UTF-8?Q?");
    for (byte b : utf8) {
      int c = b & 0xff;
      if (c == ' ') {
        out.append('_');
      } else if (isQSafe(c)) {
        out.append((char) c);
      } else {
        out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.append("?=").toString();
  }

  private static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII other than space and the characters that mean something in an encoded word. */
  private static boolean isQSafe(int c) {
    return (c > 0x20 && c < 0x7f && c != '=' && c != '?' && c != '_') || c == '\t';
  }

  private static boolean hasUnprintable(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      switch (Character.getType(cp)) {
        case Character.CONTROL,
            Character.FORMAT,
            Character.PRIVATE_USE,
            Character.SURROGATE,
            Character.UNASSIGNED -> {
          return true;
        }
        default -> {
          if (cp == 0xfffd) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
