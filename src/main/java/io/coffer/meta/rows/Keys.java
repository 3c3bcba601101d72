package io.coffer.meta.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Object keys as UTF-8 byte strings, compared as unsigned bytes (S3 listing order). */
public final class Keys {
  /**
   * Greater than every stored key: 0xFF never occurs in UTF-8, so a one-byte 0xFF BLOB bounds any
   * key encoded from a Java string.
   */
  public static final byte[] INFINITY = {(byte) 0xFF};

  private Keys() {}

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** The smallest byte string greater than {@code b}: b followed by 0x00. */
  public static byte[] successor(byte[] b) {
    return Arrays.copyOf(b, b.length + 1);
  }

  /**
   * The smallest byte string greater than every string starting with {@code prefix} (the prefix
   * with its last byte incremented, carrying over 0xFF), or {@link #INFINITY} when there is none
   * (empty prefix or all 0xFF).
   */
  public static byte[] prefixUpperBound(byte[] prefix) {
    int i = prefix.length - 1;
    while (i >= 0 && prefix[i] == (byte) 0xFF) {
      i--;
    }
    if (i < 0) {
      return INFINITY;
    }
    byte[] upper = Arrays.copyOf(prefix, i + 1);
    upper[i]++;
    return upper;
  }

  /** Index of the first occurrence of {@code needle} in {@code hay} at or after {@code from}. */
  public static int indexOf(byte[] hay, byte[] needle, int from) {
    int last = hay.length - needle.length;
    byte first = needle[0];
    outer:
    for (int i = from; i <= last; i++) {
      if (hay[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
