package io.coffer.it.object;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A deterministic pseudo-random body of any length, generated as it is read: gigabytes without
 * holding them anywhere. The same seed and length always give the same bytes.
 */
final class GeneratedBody extends InputStream {
  private final long length;
  private final ByteBuffer block = ByteBuffer.allocate(64 * 1024);
  private long state;
  private long position;

  GeneratedBody(long length, long seed) {
    this.length = length;
    this.state = seed | 1;
    block.limit(0);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int count) {
    if (position >= length) {
      return -1;
    }
    if (!block.hasRemaining()) {
      refill();
    }
    int n = (int) Math.min(Math.min(count, block.remaining()), length - position);
    block.get(target, offset, n);
    position += n;
    return n;
  }

  private void refill() {
    block.clear();
    while (block.hasRemaining()) {
      // xorshift64: fast, and good enough that no two blocks repeat
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      block.putLong(state);
    }
    block.flip();
  }
}
