package io.coffer.frontend;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * A response body of lines that come one at a time (live events, the request trace): each read
 * waits for the next line and returns no more than it, so the writer sends each line as it comes.
 */
public abstract class LineStream extends InputStream {
  private byte[] pending = new byte[0];
  private int position;

  /** Waits for the next bytes to send; null once the stream has ended. */
  protected abstract byte @Nullable [] next() throws IOException;

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= pending.length) {
      byte[] line = next();
      if (line == null) {
        return -1;
      }
      pending = line;
      position = 0;
    }
    int n = Math.min(len, pending.length - position);
    System.arraycopy(pending, position, b, off, n);
    position += n;
    return n;
  }
}
