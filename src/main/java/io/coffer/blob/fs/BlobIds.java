package io.coffer.blob.fs;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Generated blob names: 128 random bits in hex, so files never carry anything of the key. */
final class BlobIds {
  private static final HexFormat HEX = HexFormat.of();

  private BlobIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
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
