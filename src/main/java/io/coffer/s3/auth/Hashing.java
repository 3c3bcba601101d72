package io.coffer.s3.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 instances. New ones are cloned from prototypes because cloning skips the
 * provider lookup of {@code getInstance}; no instance is shared, and none is kept in a ThreadLocal
 * since callers run on short-lived virtual threads.
 */
final class Hashing {
  private static final String HMAC = "HmacSHA256";
  private static final Mac MAC_PROTOTYPE;
  private static final MessageDigest SHA256_PROTOTYPE;

  static {
    try {
      MAC_PROTOTYPE = Mac.getInstance(HMAC);
      // Initialised once so that the provider is chosen now; clones only read it afterwards.
      MAC_PROTOTYPE.init(new SecretKeySpec(new byte[32], HMAC));
      SHA256_PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Hashing() {}

  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (GeneralSecurityException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  static String sha256Hex(String text) {
    return Hex.encode(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh HMAC-SHA256 keyed with {@code key}; the caller owns it. */
  static Mac hmac(byte[] key) {
    Mac mac;
    try {
      mac = (Mac) MAC_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      try {
        mac = Mac.getInstance(HMAC);
      } catch (GeneralSecurityException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    try {
      mac.init(new SecretKeySpec(key, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return mac;
  }

  static byte[] hmac(byte[] key, String data) {
    return hmac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
