package io.coffer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The zip written as it is read: an entry larger than 4 GiB goes through a JVM of 1 GiB of heap
 * (surefire's -Xmx1g; nothing may buffer it) and comes out as a ZIP64 entry the JDK reads back with
 * its CRC checked; an entry that cannot be opened is named in the errors entry.
 */
class ZipArchiveStreamTest {
  private static final long HUGE = 4L * 1024 * 1024 * 1024 + 12_345;
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void anEntryOver4GiBStreamsThroughASmallHeapAsZip64() throws IOException {
    List<ZipArchiveStream.Item> items =
        List.of(
            item("small.txt", () -> stream("hello".getBytes(StandardCharsets.UTF_8))),
            // a video: stored, not deflated, so the test runs at memory speed
            item("big/movie.mp4", () -> new Zeros(HUGE)),
            new ZipArchiveStream.Item(
                "folder/",
                "folder/",
                TIME,
                true,
                () -> new ZipArchiveStream.Opened(stream(new byte[0]), TIME)),
            item(
                "gone.txt",
                () -> {
                  throw new CofferException(ErrorCode.NO_SUCH_KEY, "The key does not exist.");
                }));
    long heapBefore = usedHeap();
    List<String> names = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    String errors = null;
    try (ZipInputStream zip =
        new ZipInputStream(new ZipArchiveStream(items.iterator(), () -> List.of("a note")))) {
      byte[] buffer = new byte[1 << 16];
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        names.add(entry.getName());
        long size = 0;
        StringBuilder text = new StringBuilder();
        for (int n; (n = zip.read(buffer)) > 0; ) {
          size += n;
          if (entry.getName().equals(ZipArchiveStream.ERRORS_ENTRY)) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
        sizes.add(size);
        if (entry.getName().equals(ZipArchiveStream.ERRORS_ENTRY)) {
          errors = text.toString();
        }
        if (!entry.isDirectory() && !entry.getName().equals(ZipArchiveStream.ERRORS_ENTRY)) {
          assertThat(entry.getLastModifiedTime().toInstant()).isEqualTo(TIME);
        }
      }
    }
    assertThat(names)
        .containsExactly("small.txt", "big/movie.mp4", "folder/", ZipArchiveStream.ERRORS_ENTRY);
    assertThat(sizes.subList(0, 3)).containsExactly(5L, HUGE, 0L);
    assertThat(errors).contains("gone.txt: The key does not exist.", "a note");
    // Far less than the entry: what the archive keeps is a buffer of one chunk.
    assertThat(usedHeap() - heapBefore).isLessThan(256L * 1024 * 1024);
  }

  @Test
  void entryNamesAreRelativeToTheFolderAndSafeToExtract() {
    assertThat(ZipSelection.entryName("photos/", "photos/2024/a.jpg")).isEqualTo("2024/a.jpg");
    assertThat(ZipSelection.entryName("photos/", "photos/")).isEmpty();
    assertThat(ZipSelection.entryName("photos/", "photos/sub/")).isEqualTo("sub/");
    assertThat(ZipSelection.entryName("", "/etc/passwd")).isEqualTo("etc/passwd");
    assertThat(ZipSelection.entryName("", "a/../../evil.sh")).isEqualTo("a/_/_/evil.sh");
    assertThat(ZipSelection.entryName("", "a//./b\\c")).isEqualTo("a/_/b_c");
  }

  private static ZipArchiveStream.Item item(String key, Opener open) {
    return new ZipArchiveStream.Item(
        key, key, TIME, !key.endsWith(".mp4"), () -> new ZipArchiveStream.Opened(open.get(), TIME));
  }

  @FunctionalInterface
  private interface Opener {
    InputStream get();
  }

  private static InputStream stream(byte[] bytes) {
    return new java.io.ByteArrayInputStream(bytes);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** {@code length} zero bytes, made as they are read. */
  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
