package io.coffer.service;

import java.security.SecureRandom;

/** Random access keys, secrets and API keys from a secure source. */
public final class SecretGenerator {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ACCESS_KEY_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final char[] TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private SecretGenerator() {}

  /** 20 upper-case alphanumerics, like AWS access key IDs. */
  public static String accessKey() {
    return random(ACCESS_KEY_ALPHABET, 20);
  }

  /** 40 base64 characters, like AWS secret access keys. */
  public static String secretKey() {
    return random(SECRET_ALPHABET, 40);
  }

  /** A URL-safe token of the given length (API keys, upload IDs, tracking hashes). */
  public static String token(int length) {
    return random(TOKEN_ALPHABET, length);
  }

  private static String random(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
