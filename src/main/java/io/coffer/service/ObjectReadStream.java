package io.coffer.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/** The bytes of an {@link ObjectRead} as one stream, reading its slices in turn. */
final class ObjectReadStream extends InputStream {
  private final ObjectRead read;
  private final @Nullable InputStream inline;
  private int slice;
  private long positionInSlice;
  private @Nullable FileChannel channel;

  ObjectReadStream(ObjectRead read) {
    this.read = read;
    this.inline = read.inline() != null ? new ByteArrayInputStream(read.inline()) : null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (inline != null) {
      return inline.read(buffer, offset, length);
    }
    while (slice < read.slices().size()) {
      ObjectRead.Slice current = read.slices().get(slice);
      long left = current.count() - positionInSlice;
      if (left <= 0) {
        closeChannel();
        slice++;
        positionInSlice = 0;
        continue;
      }
      if (channel == null) {
        channel = read.open(current);
      }
      ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, left));
      int n = channel.read(target, current.position() + positionInSlice);
      if (n < 0) {
        throw new IOException("blob shorter than its metadata says");
      }
      positionInSlice += n;
      return n;
    }
    return -1;
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeChannel();
    read.close();
  }
}
