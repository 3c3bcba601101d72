package io.coffer.blob.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large blob's background fsyncs start every interval written, one at a time per file. */
class EarlyWritebackTest {
  @TempDir Path dir;

  @Test
  void startsOneSyncPerIntervalAndNeverTwoAtOnce() throws Exception {
    try (FileChannel channel =
        FileChannel.open(
            dir.resolve("blob"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      EarlyWriteback writeback = new EarlyWriteback(channel);
      ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
      long size = 0;
      while (size < EarlyWriteback.INTERVAL - chunk.capacity()) {
        size += channel.write(chunk.clear());
        writeback.written(size);
      }
      assertThat(writeback.started()).as("below one interval").isZero();
      size += channel.write(chunk.clear());
      writeback.written(size);
      assertThat(writeback.started()).as("at one interval").isEqualTo(1);
      writeback.awaitInFlight();
      for (int i = 0; i < 3; i++) {
        size += EarlyWriteback.INTERVAL;
        channel.write(chunk.clear(), size - chunk.capacity());
        writeback.written(size);
        writeback.awaitInFlight();
      }
      assertThat(writeback.started()).as("one per interval").isEqualTo(4);
    }
  }
}
