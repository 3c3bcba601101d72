package io.coffer.checksum;

/**
 * A running MD5 of one stream (the ETag of a body being stored), from {@link Md5Hashing#start()}.
 * Not thread-safe: one per stream, used by one thread at a time.
 */
public interface Md5Digest extends AutoCloseable {

  void update(byte[] b, int off, int len);

  /** The 16-byte MD5 of everything passed to update; the digest is closed afterwards. */
  byte[] digest();

  /**
   * Ends the stream without a digest (a failed upload): it no longer counts as a concurrent stream.
   * Safe to call after {@link #digest()} and more than once.
   */
  @Override
  void close();
}
