package io.coffer.blob.fs;

import io.coffer.blob.BlobStore.BlobLease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Counts readers per blob file so that a blob released while being read is deleted only when the
 * last reader closes. Acquire and delete take the same per-file lock (the map's compute), so a blob
 * is either deleted before a reader pins it (and the reader sees it missing and retries with fresh
 * metadata) or after every reader is done.
 */
final class LeaseRegistry {
  private final ConcurrentHashMap<Path, Pin> pins = new ConcurrentHashMap<>();
  private final Consumer<Path> deleter;

  LeaseRegistry(Consumer<Path> deleter) {
    this.deleter = deleter;
  }

  private static final class Pin {
    int readers;
    boolean deleteWhenFree;
  }

  BlobLease acquire(List<Path> paths) throws IOException {
    for (Path path : paths) {
      pins.compute(
          path,
          (p, pin) -> {
            Pin pinned = pin == null ? new Pin() : pin;
            pinned.readers++;
            return pinned;
          });
    }
    Lease lease = new Lease(paths);
    // Blobs of one object are released in their listed order, so if any is gone, the first is.
    if (!paths.isEmpty() && !Files.exists(paths.get(0))) {
      lease.close();
      throw new NoSuchFileException(paths.get(0).getFileName().toString());
    }
    return lease;
  }

  void deleteWhenFree(Path path) {
    pins.compute(
        path,
        (p, pin) -> {
          if (pin == null) {
            deleter.accept(p);
            return null;
          }
          pin.deleteWhenFree = true;
          return pin;
        });
  }

  private void unpin(Path path) {
    pins.compute(
        path,
        (p, pin) -> {
          if (pin == null) {
            return null;
          }
          if (--pin.readers > 0) {
            return pin;
          }
          if (pin.deleteWhenFree) {
            deleter.accept(p);
          }
          return null;
        });
  }

  private final class Lease implements BlobLease {
    private final List<Path> paths;
    private boolean closed;

    Lease(List<Path> paths) {
      this.paths = paths;
    }

    @Override
    public FileChannel open(int index) throws IOException {
      return FileChannel.open(paths.get(index), StandardOpenOption.READ);
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (Path path : paths) {
        unpin(path);
      }
    }
  }
}
