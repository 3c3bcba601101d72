package io.coffer.service;

import io.coffer.crypto.DataKey;
import io.coffer.crypto.DecryptingStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of an {@link ObjectRead} as one stream, reading its slices in turn; an encrypted
 * object's slices are decrypted package by package (only the packages the slice covers are read).
 */
final class ObjectReadStream extends InputStream {
  private final ObjectRead read;
  private final @Nullable InputStream inline;
  private int slice;
  private long positionInSlice;
  private @Nullable FileChannel channel;
  private @Nullable DecryptingStream decrypting;

  ObjectReadStream(ObjectRead read) {
    this.read = read;
    this.inline = read.inline() != null ? new ByteArrayInputStream(read.inline()) : null;
  }

  /**
   * Decrypts the first package now (encrypted objects), so that a blob failing authentication is
   * reported before an answer starts.
   */
  void prefetch() throws IOException {
    if (inline == null && read.dataKey() != null && slice < read.slices().size()) {
      decrypting(read.slices().get(slice), read.dataKey()).prefetch();
    }
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
    if (length == 0) {
      return 0;
    }
    DataKey dataKey = read.dataKey();
    while (slice < read.slices().size()) {
      ObjectRead.Slice current = read.slices().get(slice);
      long left = current.count() - positionInSlice;
      if (left <= 0) {
        closeChannel();
        slice++;
        positionInSlice = 0;
        continue;
      }
      int n;
      if (dataKey != null) {
        n = decrypting(current, dataKey).read(buffer, offset, (int) Math.min(length, left));
      } else {
        FileChannel open = channel();
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, left));
        n = open.read(target, current.position() + positionInSlice);
      }
      if (n < 0) {
        throw new IOException("blob shorter than its metadata says");
      }
      positionInSlice += n;
      return n;
    }
    return -1;
  }

  private FileChannel channel() throws IOException {
    FileChannel open = channel;
    if (open == null) {
      open = read.open(read.slices().get(slice));
      channel = open;
    }
    return open;
  }

  private DecryptingStream decrypting(ObjectRead.Slice current, DataKey dataKey)
      throws IOException {
    DecryptingStream open = decrypting;
    if (open == null) {
      FileChannel file = channel();
      open =
          new DecryptingStream(
              dataKey.key(), file::read, current.blobSize(), current.position(), current.count());
      decrypting = open;
    }
    return open;
  }

  private void closeChannel() throws IOException {
    decrypting = null;
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
