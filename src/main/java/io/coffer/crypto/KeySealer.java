package io.coffer.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a 32-byte key (a data key, a KMS key's material) under another one with AES-256-GCM. Every
 * seal draws a random salt and derives a sealing key of its own from it (HKDF), so the nonce can be
 * fixed and the number of seals under one root key is unbounded. The associated data binds what the
 * key is for (mode, key name, context): a sealed key moved to another object's record, or presented
 * with another context, does not open.
 *
 * <p>Format: version (1 byte) · salt (32) · sealed key (32) · GCM tag (16) = 81 bytes.
 */
final class KeySealer {
  static final int SEALED_LENGTH = 1 + 32 + 32 + 16;
  private static final byte VERSION = 1;
  private static final String INFO = "coffer key seal v1";

  private KeySealer() {}

  static byte[] seal(byte[] rootKey, byte[] key, String associatedData) {
    byte[] salt = Random32.bytes(32);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rootKey, salt, associatedData);
      ByteBuffer out = ByteBuffer.allocate(SEALED_LENGTH);
      out.put(VERSION).put(salt);
      out.put(cipher.doFinal(key));
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
    }
  }

  /**
   * @throws KeyMismatchException when the root key or the associated data is not the one sealed
   *     with, or the sealed bytes were altered
   */
  static byte[] open(byte[] rootKey, byte[] sealed, String associatedData)
      throws KeyMismatchException {
    if (sealed.length != SEALED_LENGTH || sealed[0] != VERSION) {
      throw new KeyMismatchException();
    }
    byte[] salt = Arrays.copyOfRange(sealed, 1, 33);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, rootKey, salt, associatedData);
      return cipher.doFinal(sealed, 33, sealed.length - 33);
    } catch (AEADBadTagException e) {
      throw new KeyMismatchException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
    }
  }

  private static Cipher cipher(int mode, byte[] rootKey, byte[] salt, String associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(Hkdf.derive(rootKey, salt, INFO), "AES"),
        new GCMParameterSpec(128, new byte[12]));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** The sealed key does not open with this root key and associated data. */
  static final class KeyMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyMismatchException() {
      super("the sealed key does not open with this key", null, false, false);
    }
  }
}
