package io.coffer.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A plaintext range of a blob in the {@link PackageFormat}, decrypted package by package: only the
 * packages that cover the range are read, and a package's bytes are returned only once its tag has
 * been checked. Memory: two package buffers, whatever the blob's size.
 */
public final class DecryptingStream extends InputStream {

  /** Reads stored bytes at a position (a FileChannel's positional read). */
  @FunctionalInterface
  public interface Source {
    int read(ByteBuffer target, long position) throws IOException;
  }

  private final byte[] dataKey;
  private final Source source;
  private final long plainSize;
  private final long lastPackage;
  private final Cipher cipher = PackageFormat.newCipher();
  private final byte[] sealed = new byte[PackageFormat.SEALED_PACKAGE];
  private final byte[] plain = new byte[PackageFormat.PACKAGE_SIZE];
  private final byte[] header = new byte[PackageFormat.HEADER_LENGTH];
  private @Nullable SecretKeySpec blobKey;
  private long nextPackage;
  private int plainStart;
  private int plainEnd;
  private long remaining;

  /**
   * @param plainSize the plaintext size of the whole blob (from the metadata, never from the blob)
   * @param from the first plaintext byte to return
   * @param count how many plaintext bytes to return
   */
  public DecryptingStream(byte[] dataKey, Source source, long plainSize, long from, long count) {
    if (from < 0 || count < 0 || from + count > plainSize) {
      throw new IllegalArgumentException("range outside the blob");
    }
    this.dataKey = dataKey;
    this.source = source;
    this.plainSize = plainSize;
    this.lastPackage = PackageFormat.packageCount(plainSize) - 1;
    this.nextPackage = from / PackageFormat.PACKAGE_SIZE;
    this.plainStart = (int) (from % PackageFormat.PACKAGE_SIZE); // skipped in the first package
    this.plainEnd = -1; // no package decrypted yet
    this.remaining = count;
  }

  /** Decrypts all of an inline body. */
  public static byte[] decryptAll(byte[] dataKey, byte[] stored, long plainSize)
      throws TamperedDataException {
    if (plainSize > Integer.MAX_VALUE - 8) {
      throw new TamperedDataException("inline body too large");
    }
    ByteBuffer all = ByteBuffer.wrap(stored);
    Source source =
        (target, position) -> {
          if (position >= stored.length) {
            return -1;
          }
          int n = (int) Math.min(target.remaining(), stored.length - position);
          target.put(all.slice((int) position, n));
          return n;
        };
    try (DecryptingStream in = new DecryptingStream(dataKey, source, plainSize, 0, plainSize)) {
      in.prefetch();
      return in.readAllBytes();
    } catch (TamperedDataException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory does not fail", e);
    }
  }

  /**
   * Decrypts the first package now, so that a tampered blob fails before an answer starts (most
   * objects fit in a few packages). An empty blob's one package is checked too.
   */
  public void prefetch() throws IOException {
    if (plainEnd < 0 && nextPackage <= lastPackage) {
      next();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    if (plainEnd < 0 || plainStart == plainEnd) {
      next();
    }
    int n = (int) Math.min(Math.min(length, plainEnd - plainStart), remaining);
    System.arraycopy(plain, plainStart, buffer, offset, n);
    plainStart += n;
    remaining -= n;
    return n;
  }

  private void next() throws IOException {
    SecretKeySpec key = blobKey;
    if (key == null) {
      readFully(ByteBuffer.wrap(header), 0);
      key = PackageFormat.blobKey(dataKey, PackageFormat.salt(header));
      blobKey = key;
    }
    long index = nextPackage;
    if (index > lastPackage) {
      throw new IllegalStateException("read past the last package");
    }
    int plainLength =
        (int) Math.min(PackageFormat.PACKAGE_SIZE, plainSize - index * PackageFormat.PACKAGE_SIZE);
    int sealedLength = plainLength + PackageFormat.TAG_LENGTH;
    readFully(ByteBuffer.wrap(sealed, 0, sealedLength), PackageFormat.packageOffset(index));
    int skip = plainEnd < 0 ? plainStart : 0;
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, PackageFormat.nonce(index, index == lastPackage));
      cipher.updateAAD(header);
      int n = cipher.doFinal(sealed, 0, sealedLength, plain, 0);
      if (n != plainLength) {
        throw new TamperedDataException("package of the wrong size");
      }
    } catch (AEADBadTagException e) {
      throw new TamperedDataException("package " + index + " does not authenticate");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM decryption failed", e);
    }
    plainStart = skip;
    plainEnd = plainLength;
    nextPackage = index + 1;
  }

  private void readFully(ByteBuffer target, long position) throws IOException {
    while (target.hasRemaining()) {
      int n = source.read(target, position);
      if (n < 0) {
        throw new TamperedDataException("blob truncated");
      }
      position += n;
    }
  }
}
