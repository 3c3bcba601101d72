package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.blob.fs.FileBlobStore;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a body ends up (inline or a blob file), and what happens when it lies about its length. */
class BodyWriterTest {
  private static final int THRESHOLD = 1024;
  private static final String BUCKET_ID = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private BodyWriter writer;

  @BeforeEach
  void open() throws IOException {
    writer =
        new BodyWriter(
            new FileBlobStore(dir.resolve("data"), dir.resolve("tmp"), false), THRESHOLD);
  }

  @Test
  void bodiesUpToTheThresholdStayInlineWhetherOrNotTheirLengthWasAnnounced() throws IOException {
    for (long declared : new long[] {THRESHOLD, -1}) {
      StoredBody body = store(new byte[THRESHOLD], declared, true);
      assertThat(body.inline()).hasSize(THRESHOLD);
      assertThat(body.blobId()).isNull();
    }
    StoredBody empty = store(new byte[0], 0, true);
    assertThat(empty.inline()).isEmpty();
    assertThat(files()).isZero();
  }

  @Test
  void aBodyOverTheThresholdOrNotAllowedInlineGoesToAFile() throws IOException {
    StoredBody big = store(new byte[THRESHOLD + 1], THRESHOLD + 1, true);
    assertThat(big.inline()).isNull();
    assertThat(big.blobId()).isNotNull();
    StoredBody part = store(new byte[10], 10, false);
    assertThat(part.inline()).isNull();
    assertThat(files()).isEqualTo(2);
  }

  @Test
  void aBodyLongerOrShorterThanAnnouncedIsRefusedAndLeavesNoFile() throws IOException {
    // announced small enough for an inline-sized buffer, but longer: it overflows into a file
    // that must not survive the refusal
    for (int actual : new int[] {11, THRESHOLD * 3, 9}) {
      assertThatThrownBy(() -> store(new byte[actual], 10, true))
          .isInstanceOfSatisfying(
              CofferException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPLETE_BODY));
    }
    assertThat(files()).isZero();
  }

  private StoredBody store(byte[] body, long declared, boolean wholeObject) {
    return writer.store(
        BUCKET_ID,
        new ByteArrayInputStream(body),
        declared,
        Long.MAX_VALUE,
        PayloadChecks.NONE,
        wholeObject ? null : "an-upload-id",
        null);
  }

  private long files() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).count();
    }
  }
}
