package io.coffer.crypto;

import java.security.SecureRandom;

/** Fresh random bytes for keys and salts. */
final class Random32 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Random32() {}

  static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static byte[] key() {
    return bytes(32);
  }
}
