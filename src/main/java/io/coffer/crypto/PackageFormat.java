package io.coffer.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The layout of an encrypted blob (or inline body), after MinIO's DARE: a header, then the
 * plaintext in packages of 64 KiB, each sealed on its own with AES-256-GCM so that a ranged read
 * decrypts only the packages it touches.
 *
 * <pre>
 * header:  magic "CfE1" (4) · version 1 (1) · reserved 0 (3) · random salt (32)      = 40 bytes
 * package: AES-256-GCM(plaintext of 64 KiB, the last one 0..64 KiB) · tag (16)
 * </pre>
 *
 * The blob's key is HKDF(data key, salt): the same data key (the parts of one multipart upload)
 * never encrypts two blobs with one key. A package's nonce is its number and a final flag, and its
 * associated data the whole header, so a package moved to another position, a blob cut after any
 * package, a final package dropped, or a header byte changed fails authentication. A blob of n
 * plaintext bytes has max(1, ceil(n / 64 KiB)) packages (an empty blob is one empty final package).
 */
public final class PackageFormat {
  public static final int PACKAGE_SIZE = 64 * 1024;
  static final int TAG_LENGTH = 16;
  static final int SEALED_PACKAGE = PACKAGE_SIZE + TAG_LENGTH;
  static final int SALT_LENGTH = 32;
  static final int HEADER_LENGTH = 8 + SALT_LENGTH;
  private static final byte[] MAGIC = "CfE1".getBytes(StandardCharsets.US_ASCII);
  private static final byte VERSION = 1;
  private static final String INFO = "coffer package v1";

  private PackageFormat() {}

  /** The number of packages a blob of {@code plainSize} bytes has. */
  static long packageCount(long plainSize) {
    return Math.max(1, (plainSize + PACKAGE_SIZE - 1) / PACKAGE_SIZE);
  }

  /** The stored size of a blob of {@code plainSize} bytes. */
  public static long storedSize(long plainSize) {
    return HEADER_LENGTH + plainSize + packageCount(plainSize) * TAG_LENGTH;
  }

  /** Where package number {@code index} starts in the blob. */
  static long packageOffset(long index) {
    return HEADER_LENGTH + index * SEALED_PACKAGE;
  }

  static byte[] header(byte[] salt) {
    byte[] header = new byte[HEADER_LENGTH];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    header[4] = VERSION;
    System.arraycopy(salt, 0, header, 8, SALT_LENGTH);
    return header;
  }

  /** The salt of a header, or a TamperedDataException when it is not one this version wrote. */
  static byte[] salt(byte[] header) throws TamperedDataException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (header[i] != MAGIC[i]) {
        throw new TamperedDataException("not an encrypted blob");
      }
    }
    if (header[4] != VERSION) {
      throw new TamperedDataException("unknown encrypted blob version");
    }
    byte[] salt = new byte[SALT_LENGTH];
    System.arraycopy(header, 8, salt, 0, SALT_LENGTH);
    return salt;
  }

  static SecretKeySpec blobKey(byte[] dataKey, byte[] salt) {
    return new SecretKeySpec(Hkdf.derive(dataKey, salt, INFO), "AES");
  }

  /** The nonce of a package: 4 bytes of flags (bit 31: final) then the package number. */
  static GCMParameterSpec nonce(long index, boolean last) {
    byte[] nonce = new byte[12];
    nonce[0] = (byte) (last ? 0x80 : 0);
    for (int i = 0; i < 8; i++) {
      nonce[11 - i] = (byte) (index >>> (8 * i));
    }
    return new GCMParameterSpec(TAG_LENGTH * 8, nonce);
  }

  static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is part of every JDK", e);
    }
  }
}
