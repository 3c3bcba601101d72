package io.coffer.s3.form;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The file of a POST upload, held to the policy's content-length-range as it streams: the read that
 * passes the maximum fails with EntityTooLarge, the end of a file shorter than the minimum with
 * EntityTooSmall. The failure comes from inside the store's read loop, so nothing is kept.
 */
public final class SizeRangeStream extends FilterInputStream {
  private final long min;
  private final long max;
  private long count;

  public SizeRangeStream(InputStream in, PostPolicy.LengthRange range) {
    super(in);
    this.min = range.min();
    this.max = range.max();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0) {
      if (count < min) {
        throw new CofferException(
                ErrorCode.ENTITY_TOO_SMALL,
                "Your proposed upload is smaller than the minimum allowed size")
            .with("ProposedSize", Long.toString(count))
            .with("MinSizeAllowed", Long.toString(min));
      }
      return n;
    }
    count += n;
    if (count > max) {
      throw new CofferException(
              ErrorCode.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size")
          .with("MaxSizeAllowed", Long.toString(max));
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("not supported");
  }
}
