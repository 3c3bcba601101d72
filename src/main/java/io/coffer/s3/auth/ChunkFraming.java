package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The byte-level reader under {@link AwsChunkedInputStream}: CRLF-terminated framing lines and bulk
 * data, read from the raw body in large blocks. Data reads larger than the block bypass it and go
 * straight into the caller's array, so the common case copies each byte once.
 */
final class ChunkFraming {
  private static final int BLOCK_SIZE = 64 * 1024;
  private static final int MAX_LINE = 4096;

  private final InputStream in;
  private final byte[] block = new byte[BLOCK_SIZE];
  private int pos;
  private int limit;

  ChunkFraming(InputStream in) {
    this.in = in;
  }

  static CofferException malformed(String message) {
    return new CofferException(ErrorCode.INCOMPLETE_BODY, message);
  }

  private static CofferException truncated() {
    return malformed("The request body ended before its aws-chunked encoding was complete.");
  }

  /** Refills the block; false at end of stream. */
  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(block, 0, block.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Bytes already read from the raw body and not yet consumed. */
  int buffered() {
    return limit - pos;
  }

  /**
   * Reads one line without its CRLF. Returns null when the body ends cleanly before the line starts
   * and {@code endAllowed}; otherwise a missing line is an error.
   */
  @Nullable String readLine(boolean endAllowed) throws IOException {
    StringBuilder partial = null;
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (block[i] == '\n') {
          String tail = new String(block, pos, i - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          String line = partial == null ? tail : partial.append(tail).toString();
          if (line.isEmpty() || line.charAt(line.length() - 1) != '\r') {
            throw malformed("An aws-chunked framing line does not end in CRLF.");
          }
          if (line.length() > MAX_LINE) {
            throw malformed("An aws-chunked framing line is too long.");
          }
          return line.substring(0, line.length() - 1);
        }
      }
      if (partial == null) {
        partial = new StringBuilder();
      }
      partial.append(new String(block, pos, limit - pos, StandardCharsets.ISO_8859_1));
      pos = limit;
      if (partial.length() > MAX_LINE) {
        throw malformed("An aws-chunked framing line is too long.");
      }
      if (!fill()) {
        if (endAllowed && partial.isEmpty()) {
          return null;
        }
        throw truncated();
      }
    }
  }

  /** Reads between 1 and {@code length} data bytes; the body ending here is an error. */
  int readData(byte[] dst, int offset, int length) throws IOException {
    if (pos < limit) {
      int n = Math.min(length, limit - pos);
      System.arraycopy(block, pos, dst, offset, n);
      pos += n;
      return n;
    }
    if (length >= block.length) {
      int n;
      do {
        n = in.read(dst, offset, length);
      } while (n == 0);
      if (n < 0) {
        throw truncated();
      }
      return n;
    }
    if (!fill()) {
      throw truncated();
    }
    int n = Math.min(length, limit);
    System.arraycopy(block, 0, dst, offset, n);
    pos = n;
    return n;
  }

  /** Consumes the CRLF that ends a chunk's data. */
  void expectCrlf() throws IOException {
    expectByte('\r');
    expectByte('\n');
  }

  private void expectByte(char expected) throws IOException {
    if (pos == limit && !fill()) {
      throw truncated();
    }
    if (block[pos++] != expected) {
      throw malformed("aws-chunked chunk data is not followed by CRLF.");
    }
  }

  /** The hex size at the start of a chunk header line, up to {@code end}. */
  static long parseChunkSize(String header, int end) {
    if (end == 0 || end > 15) {
      throw malformed("Malformed aws-chunked chunk size.");
    }
    long size = 0;
    for (int i = 0; i < end; i++) {
      int digit = Hex.digit(header.charAt(i));
      if (digit < 0) {
        throw malformed("Malformed aws-chunked chunk size.");
      }
      size = (size << 4) | digit;
    }
    return size;
  }

  void close() throws IOException {
    in.close();
  }
}
