package io.coffer.s3.request;

import static io.coffer.fuzz.FuzzInputs.lines;
import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.model.ByteRange;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Range and x-amz-copy-source-range headers. Input: the object size in decimal on the
 * first line, the header value on the second.
 */
class RangeHeaderFuzzTest {

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void rangeLiesWithinTheObject(byte[] data) {
    List<String> lines = lines(wireText(data));
    long size = objectSize(lines.get(0));
    String header = lines.size() > 1 ? lines.get(1) : null;

    ByteRange range = RangeHeader.parse(header);
    if (range != null) {
      checkResolved(range, size);
    }
    ByteRange copyRange = refusedOr(() -> RangeHeader.parseCopySourceRange(header));
    if (copyRange != null) {
      assertThat(copyRange.first()).isNotNegative();
      assertThat(copyRange.last()).isGreaterThanOrEqualTo(copyRange.first());
      checkResolved(copyRange, size);
    }
  }

  private static void checkResolved(ByteRange range, long size) {
    ByteRange.Resolved resolved = refusedOr(() -> range.resolve(size));
    if (resolved == null) {
      return;
    }
    assertThat(resolved.objectSize()).isEqualTo(size);
    assertThat(resolved.start()).isBetween(0L, size - 1);
    assertThat(resolved.end()).isBetween(resolved.start(), size - 1);
    assertThat(resolved.length()).isBetween(1L, size);
    if (range.first() >= 0) {
      assertThat(resolved.start()).isEqualTo(range.first());
      if (range.last() >= 0) {
        assertThat(resolved.end()).isLessThanOrEqualTo(range.last());
      }
    } else {
      assertThat(resolved.length()).isLessThanOrEqualTo(range.suffixLength());
    }
    assertThat(resolved.contentRange())
        .isEqualTo("bytes " + resolved.start() + "-" + resolved.end() + "/" + size);
  }

  /** The first line's decimal number; anything else (or a negative number) is an empty object. */
  private static long objectSize(String line) {
    try {
      return Math.max(0, Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
