package io.coffer.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a stream into the {@link PackageFormat}: write the plaintext in pieces of any size, then
 * {@link #finish()}. A full package is sealed only once more bytes arrive, because the last package
 * carries the final flag and which one is last is known only at the end.
 */
public final class PackageEncryptor {

  /** Where the encrypted bytes go (a blob writer). */
  @FunctionalInterface
  public interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  private final Sink sink;
  private final SecretKeySpec blobKey;
  private final Cipher cipher = PackageFormat.newCipher();
  private final byte[] plain = new byte[PackageFormat.PACKAGE_SIZE];
  private final byte[] sealed = new byte[PackageFormat.SEALED_PACKAGE];
  private int buffered;
  private long index;
  private boolean headerWritten;
  private final byte[] header;

  public PackageEncryptor(byte[] dataKey, Sink sink) {
    this.sink = sink;
    byte[] salt = Random32.bytes(PackageFormat.SALT_LENGTH);
    this.header = PackageFormat.header(salt);
    this.blobKey = PackageFormat.blobKey(dataKey, salt);
  }

  /** Encrypts a whole body in memory (an inline object). */
  public static byte[] encrypt(byte[] dataKey, byte[] plaintext, int offset, int length) {
    byte[] out = new byte[(int) PackageFormat.storedSize(length)];
    int[] position = {0};
    PackageEncryptor encryptor =
        new PackageEncryptor(
            dataKey,
            (bytes, off, len) -> {
              System.arraycopy(bytes, off, out, position[0], len);
              position[0] += len;
            });
    try {
      encryptor.write(plaintext, offset, length);
      encryptor.finish();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory does not fail", e);
    }
    return out;
  }

  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (!headerWritten) {
      sink.write(header, 0, header.length);
      headerWritten = true;
    }
    while (length > 0) {
      if (buffered == plain.length) {
        seal(false);
      }
      int n = Math.min(length, plain.length - buffered);
      System.arraycopy(bytes, offset, plain, buffered, n);
      buffered += n;
      offset += n;
      length -= n;
    }
  }

  /** Seals the last package (empty when nothing was written). */
  public void finish() throws IOException {
    if (!headerWritten) {
      sink.write(header, 0, header.length);
      headerWritten = true;
    }
    seal(true);
    Arrays.fill(plain, (byte) 0);
  }

  private void seal(boolean last) throws IOException {
    int n;
    try {
      cipher.init(Cipher.ENCRYPT_MODE, blobKey, PackageFormat.nonce(index, last));
      cipher.updateAAD(header);
      n = cipher.doFinal(plain, 0, buffered, sealed, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM encryption failed", e);
    }
    sink.write(sealed, 0, n);
    index++;
    buffered = 0;
  }
}
