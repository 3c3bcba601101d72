package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The hand-written date formats equal DateTimeFormatter's output, years 1 to 9999 (RFC 1123 has no
 * more).
 */
class HttpDatesTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Property
  void sameAsDateTimeFormatter(
      @ForAll @LongRange(min = -62_000_000_000_000L, max = 253_402_300_799_999L) long epochMillis) {
    // sub-second parts, which both forms truncate
    Instant instant =
        Instant.ofEpochMilli(epochMillis).plusNanos(Math.floorMod(epochMillis * 7919, 1_000_000));
    assertThat(HttpDates.iso8601(instant))
        .isEqualTo(ISO.format(instant.truncatedTo(ChronoUnit.SECONDS)));
    assertThat(HttpDates.rfc1123(instant))
        .isEqualTo(
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
  }

  @Test
  void knownDates() {
    Instant instant = Instant.parse("2008-06-03T11:05:30.045Z");
    assertThat(HttpDates.iso8601(instant)).isEqualTo("2008-06-03T11:05:30.000Z");
    assertThat(HttpDates.rfc1123(instant)).isEqualTo("Tue, 3 Jun 2008 11:05:30 GMT");
    assertThat(HttpDates.iso8601(Instant.parse("1999-12-31T23:59:59.999999Z")))
        .isEqualTo("1999-12-31T23:59:59.000Z");
  }

  /** A listing's LastModified and a HEAD's Last-Modified name the same second, as on AWS. */
  @Test
  void lastModifiedInListingsHasWholeSecondsLikeHeadAndGet() {
    Instant stored = Instant.parse("2024-05-06T07:08:42.734Z");
    assertThat(HttpDates.iso8601(stored)).isEqualTo("2024-05-06T07:08:42.000Z");
    assertThat(HttpDates.parseOrNull(HttpDates.rfc1123(stored)))
        .isEqualTo(Instant.parse(HttpDates.iso8601(stored)));
  }
}
