package io.coffer.service;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Generated identifiers that only need to be unique, not secret. */
final class Ids {
  private Ids() {}

  static String storageId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
