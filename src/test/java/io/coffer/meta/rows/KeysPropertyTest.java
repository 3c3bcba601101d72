package io.coffer.meta.rows;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The prefix-range successor SQLite's listings seek to. */
class KeysPropertyTest {
  @Property(tries = 200)
  void prefixUpperBoundIsTheLeastStringAbovePrefixRange(
      @ForAll byte[] prefix, @ForAll byte[] other) {
    byte[] upper = Keys.prefixUpperBound(prefix);
    boolean startsWith =
        other.length >= prefix.length
            && Keys.compare(java.util.Arrays.copyOf(other, prefix.length), prefix) == 0;
    if (upper == Keys.INFINITY) {
      assertThat(prefix.length == 0 || allFf(prefix)).isTrue();
    } else {
      assertThat(Keys.compare(other, upper) < 0 && Keys.compare(other, prefix) >= 0)
          .isEqualTo(startsWith);
    }
  }

  private static boolean allFf(byte[] b) {
    for (byte x : b) {
      if (x != (byte) 0xFF) {
        return false;
      }
    }
    return true;
  }
}
