package io.coffer.s3.form;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body part by part as it arrives (RFC 7578). Each part's body
 * is a stream that ends at the next boundary, so a file part of any size passes through a fixed
 * buffer and is never held whole. A part's body must be read (or abandoned) before {@link #next()}
 * is called; the rest of it is then skipped.
 *
 * <p>The boundary may be split anywhere across the underlying stream's reads: the search keeps the
 * last {@code delimiter - 1} bytes of the buffer back until the next read decides them.
 */
public final class MultipartFormReader {
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_HEADER_LINE = 8 * 1024;
  private static final int MAX_HEADER_LINES = 16;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int lim;
  private boolean eof;

  /** Whether the current part's body has met its closing delimiter. */
  private boolean partDone;

  private boolean finished;
  private final PartBody body = new PartBody();

  /** One part: its form field name, its file name when it is a file, and its body. */
  public record Part(
      String name, @Nullable String filename, @Nullable String contentType, InputStream body) {
    /** Whether the part carries a file (a {@code filename} parameter, even an empty one). */
    public boolean isFile() {
      return filename != null;
    }
  }

  public MultipartFormReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    if (delimiter.length * 2 > BUFFER) {
      throw malformed();
    }
    // The first boundary may open the body without a preceding line break: supply one, so that
    // the preamble (usually empty) is read as a part before the first delimiter.
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
  }

  /**
   * The boundary of a {@code multipart/form-data} Content-Type; MalformedPOSTRequest when the
   * request is not one.
   */
  public static String boundary(@Nullable String contentType) {
    if (contentType == null) {
      throw malformed();
    }
    String[] params = contentType.split(";");
    if (!params[0].trim().equalsIgnoreCase("multipart/form-data")) {
      throw malformed();
    }
    for (int i = 1; i < params.length; i++) {
      String param = params[i].trim();
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
        String value = param.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        // RFC 2046: 1 to 70 characters
        if (!value.isEmpty() && value.length() <= 70) {
          return value;
        }
      }
    }
    throw malformed();
  }

  /** The next part, or null after the closing delimiter. */
  public @Nullable Part next() {
    if (finished) {
      return null;
    }
    try {
      body.skipRest();
      // After a delimiter: "--" closes the body, else (optional padding) CRLF and the headers.
      ensure(2);
      if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
        finished = true;
        return null;
      }
      String line = readLine();
      if (!line.isBlank()) {
        throw malformed();
      }
      String disposition = null;
      String contentType = null;
      for (int lines = 0; ; lines++) {
        if (lines > MAX_HEADER_LINES) {
          throw malformed();
        }
        String header = readLine();
        if (header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw malformed();
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        if (name.equals("content-disposition")) {
          disposition = value;
        } else if (name.equals("content-type")) {
          contentType = value;
        }
      }
      if (disposition == null) {
        throw malformed();
      }
      ContentDisposition parsed = ContentDisposition.parse(disposition);
      partDone = false;
      return new Part(parsed.name(), parsed.filename(), contentType, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A header line in UTF-8 (browsers send file names that way), without its CRLF. */
  private String readLine() throws IOException {
    for (int scanned = 0; ; ) {
      for (int i = pos + scanned; i + 1 < lim; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          String line = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
          pos = i + 2;
          return line;
        }
      }
      scanned = Math.max(0, lim - pos - 1);
      if (scanned > MAX_HEADER_LINE || eof) {
        throw malformed();
      }
      fill();
    }
  }

  /** Reads until at least {@code n} bytes are buffered or the stream ends. */
  private void ensure(int n) throws IOException {
    while (lim - pos < n && !eof) {
      fill();
    }
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  /** Where the delimiter starts in buf[pos, lim), or -1. */
  private int findDelimiter() {
    outer:
    for (int i = pos; i + delimiter.length <= lim; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static CofferException malformed() {
    return new CofferException(ErrorCode.MALFORMED_POST_REQUEST);
  }

  /** The current part's body: bytes up to the next delimiter. */
  private final class PartBody extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (partDone) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        ensure(delimiter.length);
        int found = findDelimiter();
        int available;
        if (found >= 0) {
          available = found - pos;
          if (available == 0) {
            pos += delimiter.length;
            partDone = true;
            return -1;
          }
        } else if (eof) {
          throw malformed(); // the body ended inside a part
        } else {
          // the last bytes may be the start of a delimiter split across reads
          available = lim - pos - (delimiter.length - 1);
          if (available <= 0) {
            fill();
            continue;
          }
        }
        int n = Math.min(len, available);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      }
    }

    void skipRest() throws IOException {
      byte[] scratch = new byte[8192];
      while (read(scratch, 0, scratch.length) >= 0) {
        // skipped
      }
    }
  }
}
