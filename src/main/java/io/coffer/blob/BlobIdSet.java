package io.coffer.blob;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The blob IDs the metadata refers to, for a clean-up to test files against: 8 bytes per ID (up to
 * 12 while it grows) where a {@code HashSet<String>} takes about 110, so that a store with millions
 * of blobs can be reconciled at start-up within a small heap.
 *
 * <p>A blob ID is 128 random bits in 32 hex digits; the set keeps the first 64 bits of each,
 * sorted. Two IDs that share them make a file look referenced, which only ever keeps a file that
 * could have gone: with {@code n} IDs the chance that any such pair exists is about n²/2⁶⁵ (3·10⁻⁶
 * at ten million). An ID of any other form (none is written, but the metadata is not trusted to
 * hold only this store's IDs) is kept as it is.
 *
 * <p>Filled by one thread, then tested: the first test sorts.
 */
public final class BlobIdSet implements Predicate<String> {
  private static final int HEX_DIGITS = 32;

  private long[] prefixes = new long[1024];
  private int size;
  private boolean sorted = true;
  private final Set<String> otherForms = new HashSet<>();

  public void add(String id) {
    if (!isBlobIdForm(id)) {
      otherForms.add(id);
      return;
    }
    if (size == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, prefixes.length + (prefixes.length >> 1));
    }
    prefixes[size++] = prefixOf(id);
    sorted = false;
  }

  /** Whether {@code id} may be referenced (false only when it certainly is not). */
  @Override
  public boolean test(String id) {
    if (!isBlobIdForm(id)) {
      return otherForms.contains(id);
    }
    if (!sorted) {
      Arrays.sort(prefixes, 0, size);
      sorted = true;
    }
    return Arrays.binarySearch(prefixes, 0, size, prefixOf(id)) >= 0;
  }

  /** The IDs added in blob-ID form, counted with repeats. */
  public int size() {
    return size;
  }

  private static boolean isBlobIdForm(String id) {
    if (id.length() != HEX_DIGITS) {
      return false;
    }
    for (int i = 0; i < HEX_DIGITS; i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static long prefixOf(String id) {
    return Long.parseUnsignedLong(id, 0, HEX_DIGITS / 2, 16);
  }
}
