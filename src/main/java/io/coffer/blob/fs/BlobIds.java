package io.coffer.blob.fs;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generated blob names: 128 bits in hex, so files never carry anything of the key. The first four
 * digits name the blob's {@code ab/cd} folder; they are random too, or, for a blob of a group, the
 * group's.
 */
final class BlobIds {
  private static final HexFormat HEX = HexFormat.of();

  private BlobIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /**
   * A new random name whose folder digits come from {@code group}'s hash, so every blob of the
   * group lands in the same folder (and unrelated groups spread over all of them).
   */
  static String inFolderOf(String group) {
    int folder = (group.hashCode() * 0x9E3779B9) >>> 16; // Fibonacci hashing spreads the bits
    return HEX.toHexDigits((short) folder) + next().substring(4);
  }

  /** Only names this store generates are accepted, so no ID can point outside its folder. */
  static boolean isValid(String id) {
    if (id == null || id.length() != 32) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
