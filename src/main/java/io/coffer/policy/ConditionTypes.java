package io.coffer.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The typed values of Numeric, Date, Bool and BinaryEquals conditions, parsed the same way from the
 * policy (once, where a bad value refuses the document) and from the request (per evaluation, where
 * a bad value simply matches nothing).
 */
final class ConditionTypes {
  private static final int MAX_NUMBER_LENGTH = 64;

  private ConditionTypes() {}

  /** A decimal number ({@code 10}, {@code -2.5}), or null. No exponents, no NaN, no hex. */
  static @Nullable BigDecimal number(String text) {
    int length = text.length();
    if (length == 0 || length > MAX_NUMBER_LENGTH) {
      return null;
    }
    int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point && digits > 0) {
        point = true;
      } else {
        return null;
      }
    }
    if (digits == 0 || text.endsWith(".")) {
      return null;
    }
    return new BigDecimal(text);
  }

  /**
   * A date as IAM accepts it: ISO 8601 ({@code 2024-05-01T12:00:00Z}, with an offset, with or
   * without seconds' fractions, a date alone as its midnight UTC; no zone means UTC) or whole epoch
   * seconds ({@code 1714564800}); null otherwise.
   */
  static @Nullable Instant date(String text) {
    if (text.isEmpty() || text.length() > 40) {
      return null;
    }
    BigDecimal seconds = number(text);
    if (seconds != null) {
      try {
        return Instant.ofEpochSecond(seconds.longValueExact());
      } catch (ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
    }
    try {
      if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String upper = text.toUpperCase(Locale.ROOT);
      char last = upper.charAt(upper.length() - 1);
      int time = upper.indexOf('T');
      boolean zoned = last == 'Z' || upper.indexOf('+', time) >= 0 || upper.indexOf('-', time) >= 0;
      return zoned
          ? OffsetDateTime.parse(upper).toInstant()
          : LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code true} or {@code false} in any case, or null. */
  static @Nullable Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  /** Whether a BinaryEquals value is base64 as IAM requires. */
  static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return !text.isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
