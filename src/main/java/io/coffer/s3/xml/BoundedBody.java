package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body into memory, refusing more than a fixed number of bytes. The whole body is
 * read before parsing so that the parser never works on a stream of unbounded length.
 */
final class BoundedBody {
  /** Leaves room for the one extra byte read to detect an oversize body. */
  static final int LARGEST_LIMIT = Integer.MAX_VALUE - 16;

  private BoundedBody() {}

  static int checkLimit(int maxBytes) {
    if (maxBytes < 0 || maxBytes > LARGEST_LIMIT) {
      throw new IllegalArgumentException("body limit out of range: " + maxBytes);
    }
    return maxBytes;
  }

  /**
   * @throws CofferException MALFORMED_XML when the body exceeds {@code maxBytes}: none of the
   *     documents read this way is legitimately that large, S3 reports request documents it refuses
   *     as not matching its schema, and EntityTooLarge would speak of object size
   * @throws UncheckedIOException when the stream itself fails (a transport problem, not bad XML)
   */
  static byte[] read(InputStream in, int maxBytes) {
    byte[] body;
    try {
      // One byte past the limit tells "exactly at the limit" from "too large".
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length > maxBytes) {
      throw XmlCursor.malformed();
    }
    return body;
  }
}
