package io.coffer.s3.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The timestamps of SigV4: {@code yyyyMMdd'T'HHmmss'Z'}, or an HTTP {@code Date} header. */
final class AmzDate {
  private AmzDate() {}

  /**
   * Parses {@code 20130524T000000Z}; null when malformed. Written out to keep regex off the path.
   */
  static @Nullable Instant parse(String value) {
    if (value == null
        || value.length() != 16
        || value.charAt(8) != 'T'
        || value.charAt(15) != 'Z') {
      return null;
    }
    int year = digits(value, 0, 4);
    int month = digits(value, 4, 6);
    int day = digits(value, 6, 8);
    int hour = digits(value, 9, 11);
    int minute = digits(value, 11, 13);
    int second = digits(value, 13, 15);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Parses an RFC 1123 {@code Date} header; null when malformed. */
  static @Nullable Instant parseHttpDate(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(16);
    pad(out, t.getYear(), 4);
    pad(out, t.getMonthValue(), 2);
    pad(out, t.getDayOfMonth(), 2);
    out.append('T');
    pad(out, t.getHour(), 2);
    pad(out, t.getMinute(), 2);
    pad(out, t.getSecond(), 2);
    return out.append('Z').toString();
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
  }
}
