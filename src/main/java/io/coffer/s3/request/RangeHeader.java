package io.coffer.s3.request;

import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the single byte ranges S3 serves: {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}.
 */
public final class RangeHeader {
  private static final Pattern COPY_SOURCE_RANGE =
      Pattern.compile("bytes=([0-9]{1,18})-([0-9]{1,18})");

  private RangeHeader() {}

  /**
   * The requested range, or null when the header is absent or not a single byte range (S3 then
   * serves the whole object, as HTTP allows).
   */
  public static @Nullable ByteRange parse(@Nullable String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
      return null;
    }
    String spec = value.substring(6).trim();
    if (spec.contains(",")) {
      return null;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String first = spec.substring(0, dash).trim();
    String last = spec.substring(dash + 1).trim();
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return null;
        }
        return new ByteRange(-1, -1, parseNumber(last));
      }
      long start = parseNumber(first);
      if (last.isEmpty()) {
        return new ByteRange(start, -1, -1);
      }
      long end = parseNumber(last);
      if (end < start) {
        return null;
      }
      return new ByteRange(start, end, -1);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The range of x-amz-copy-source-range, which must be exactly {@code bytes=first-last} with
   * {@code first <= last} (no open or suffix ranges, no lists, no spaces inside).
   */
  public static @Nullable ByteRange parseCopySourceRange(@Nullable String header) {
    if (header == null) {
      return null;
    }
    Matcher m = COPY_SOURCE_RANGE.matcher(header.trim());
    if (m.matches()) {
      long first = Long.parseLong(m.group(1));
      long last = Long.parseLong(m.group(2));
      if (first <= last) {
        return ByteRange.copySource(first, last);
      }
    }
    throw new CofferException(
        ErrorCode.INVALID_ARGUMENT,
        "The x-amz-copy-source-range value must be of the form bytes=first-last where first and"
            + " last are the zero-based offsets of the first and last bytes to copy");
  }

  private static long parseNumber(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      throw new NumberFormatException(digits);
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw new NumberFormatException(digits);
      }
    }
    return Long.parseLong(digits);
  }
}
