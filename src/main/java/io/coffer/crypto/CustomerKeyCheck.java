package io.coffer.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises an SSE-C key without keeping it: a random salt and HMAC-SHA256 keyed by the customer's
 * key over that salt. Unlike the MD5 AWS echoes, it cannot be checked against guesses without the
 * key itself being the guess, and the salt makes equal keys look unrelated across objects.
 *
 * <p>Format: version (1 byte) · salt (16) · HMAC (32) = 49 bytes.
 */
final class CustomerKeyCheck {
  private static final byte VERSION = 1;
  private static final byte[] LABEL = "coffer sse-c key check v1".getBytes(StandardCharsets.UTF_8);

  private CustomerKeyCheck() {}

  static byte[] of(byte[] customerKey) {
    byte[] salt = Random32.bytes(16);
    return ByteBuffer.allocate(49).put(VERSION).put(salt).put(hmac(customerKey, salt)).array();
  }

  /** Compares in constant time. */
  static boolean matches(byte[] check, byte[] customerKey) {
    if (check.length != 49 || check[0] != VERSION) {
      return false;
    }
    byte[] salt = Arrays.copyOfRange(check, 1, 17);
    return MessageDigest.isEqual(Arrays.copyOfRange(check, 17, 49), hmac(customerKey, salt));
  }

  private static byte[] hmac(byte[] customerKey, byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(customerKey, "HmacSHA256"));
      mac.update(LABEL);
      return mac.doFinal(salt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
