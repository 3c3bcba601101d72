package io.coffer.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/** Adapts a {@link MessageDigest} (SHA-1, SHA-256). */
final class DigestChecksum implements RunningChecksum {
  private final MessageDigest digest;

  DigestChecksum(MessageDigest digest) {
    this.digest = digest;
  }

  @Override
  public void update(byte[] b, int off, int len) {
    digest.update(b, off, len);
  }

  @Override
  public void update(ByteBuffer buf) {
    digest.update(buf);
  }

  @Override
  public byte[] finish() {
    return digest.digest();
  }
}
