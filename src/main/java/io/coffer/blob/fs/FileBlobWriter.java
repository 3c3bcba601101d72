package io.coffer.blob.fs;

import io.coffer.blob.BlobStore.BlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Writes one blob to its temp file; commit publishes it, close without commit discards it. */
final class FileBlobWriter implements BlobWriter {
  private final FileBlobStore store;
  private final String bucketId;
  private final String id;
  private final Path temp;
  private final FileChannel channel;
  private final @Nullable EarlyWriteback writeback;
  private long size;
  private boolean done;

  /**
   * @param writeback starts the file's fsync while it is written; null when blobs are not synced
   */
  FileBlobWriter(
      FileBlobStore store,
      String bucketId,
      String id,
      Path temp,
      FileChannel channel,
      @Nullable EarlyWriteback writeback) {
    this.store = store;
    this.writeback = writeback;
    this.bucketId = bucketId;
    this.id = id;
    this.temp = temp;
    this.channel = channel;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw store.classify(e);
    }
    size += length;
    if (writeback != null) {
      writeback.written(size);
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public String commit() throws IOException {
    store.publish(bucketId, id, temp, channel);
    done = true;
    return id;
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      channel.close();
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // start-up clean-up removes what is left in the temp folder
    }
  }
}
