package io.coffer.admin.api;

import io.coffer.model.CofferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A zip archive produced as it is read: each read pulls the next piece of the current entry's
 * object (at most {@link #CHUNK} bytes) through a {@link ZipOutputStream} into a small buffer, so
 * the archive is never held in memory or on disk, whatever it holds, and the response's
 * back-pressure reaches the object reads. The JDK writes ZIP64 records where an entry or the
 * archive passes 4 GiB or 65,535 entries.
 *
 * <p>An entry that cannot be opened (deleted meanwhile, access denied, SSE-C) is left out and named
 * with its reason in a last entry, {@value #ERRORS_ENTRY}; a failure in the middle of an entry's
 * bytes ends the stream with an error, so the download fails instead of holding a truncated file.
 */
final class ZipArchiveStream extends InputStream {
  static final String ERRORS_ENTRY = "coffer-zip-errors.txt";
  static final int CHUNK = 64 * 1024;

  /**
   * One file or folder of the archive; {@code open} is called only when it is its turn.
   *
   * @param modified the folder's time (a file's comes from {@link Opened})
   */
  record Item(String key, String name, Instant modified, boolean compressible, Opener open) {
    boolean isDirectory() {
      return name.endsWith("/");
    }
  }

  /** An item's bytes and the time its version was written. */
  record Opened(InputStream body, Instant modified) {}

  /** Opens an item's bytes; a {@link CofferException} says why it is left out. */
  @FunctionalInterface
  interface Opener {
    Opened open();
  }

  /** The output of the zip stream between two reads; its array is reused. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(CHUNK + 1024);
    }

    byte[] bytes() {
      return buf;
    }
  }

  private final Iterator<Item> items;
  private final Supplier<List<String>> notes;
  private final Buffer out = new Buffer();
  private final ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  private final byte[] chunk = new byte[CHUNK];
  private final List<String> failures = new ArrayList<>();
  private @Nullable InputStream current;
  private int position;
  private boolean finished;

  /**
   * @param notes asked once the items are exhausted: more lines for the errors entry
   */
  ZipArchiveStream(Iterator<Item> items, Supplier<List<String>> notes) {
    this.items = items;
    this.notes = notes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (position == out.size()) {
      out.reset();
      position = 0;
      if (!produce()) {
        return -1;
      }
    }
    int n = Math.min(len, out.size() - position);
    System.arraycopy(out.bytes(), position, b, off, n);
    position += n;
    return n;
  }

  /** Moves the archive one step on (which may write nothing yet); false once it is complete. */
  private boolean produce() throws IOException {
    if (finished) {
      return false;
    }
    if (current != null) {
      int n = current.read(chunk);
      if (n > 0) {
        zip.write(chunk, 0, n);
      } else if (n < 0) {
        current.close();
        current = null;
        zip.closeEntry();
      }
      return true;
    }
    if (items.hasNext()) {
      start(items.next());
      return true;
    }
    failures.addAll(notes.get());
    if (!failures.isEmpty()) {
      zip.setLevel(Deflater.BEST_SPEED);
      zip.putNextEntry(new ZipEntry(ERRORS_ENTRY));
      zip.write(
          ("These objects are not in the archive:\n" + String.join("\n", failures) + "\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    zip.finish();
    finished = true;
    return true;
  }

  private void start(Item item) throws IOException {
    ZipEntry entry = new ZipEntry(item.name());
    if (item.isDirectory()) {
      entry.setLastModifiedTime(FileTime.from(item.modified()));
      zip.putNextEntry(entry);
      zip.closeEntry();
      return;
    }
    Opened opened;
    try {
      opened = item.open().open();
    } catch (CofferException e) {
      failures.add(item.key() + ": " + e.getMessage());
      return;
    } catch (ApiException e) {
      failures.add(item.key() + ": " + e.getMessage());
      return;
    }
    // Already compressed media gains nothing from deflating: stored blocks cost no CPU.
    zip.setLevel(item.compressible() ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
    entry.setLastModifiedTime(FileTime.from(opened.modified()));
    zip.putNextEntry(entry);
    current = opened.body();
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
    // The deflater's native memory goes now, not when the collector finds it.
    zip.close();
  }
}
