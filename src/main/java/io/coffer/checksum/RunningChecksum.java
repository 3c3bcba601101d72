package io.coffer.checksum;

import java.nio.ByteBuffer;

/**
 * A checksum being computed over a stream of bytes. Not thread-safe: one per stream.
 *
 * <p>{@link #finish()} returns the digest in the form S3 base64-encodes it and resets the instance,
 * so it can be reused for the next stream (as {@link java.security.MessageDigest#digest()} does).
 */
public interface RunningChecksum {

  void update(byte[] b, int off, int len);

  /** Consumes the buffer's remaining bytes; its position ends at its limit. */
  void update(ByteBuffer buf);

  /**
   * The digest of everything passed to update since the start or the last finish: CRCs as 4 or 8
   * big-endian bytes, SHA digests as defined.
   */
  byte[] finish();
}
