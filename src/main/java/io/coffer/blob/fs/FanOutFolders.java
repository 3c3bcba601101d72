package io.coffer.blob.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code ab/cd} folders blobs are published into: created on demand, and removed again when
 * their last blob is deleted, so a bucket's folders do not pile up (65,792 of them at most). A
 * publish and a removal in the same {@code ab} folder take the same lock (one of a fixed set of
 * stripes), so a folder is never removed between its creation and the rename into it.
 */
final class FanOutFolders {
  private static final int STRIPES = 256;

  private final boolean sync;

  /**
   * Whether empty folders stay: on a volume several nodes share, another node may be about to
   * rename a blob into a folder this one finds empty, and only a lock in this process would order
   * the two.
   */
  private final boolean keepFolders;

  /** Leaf folders known to exist, so a publish usually costs no mkdir. */
  private final Set<Path> known = ConcurrentHashMap.newKeySet();

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  FanOutFolders(boolean sync) {
    this(sync, false);
  }

  FanOutFolders(boolean sync, boolean keepFolders) {
    this.sync = sync;
    this.keepFolders = keepFolders;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  private ReentrantLock lockFor(Path abFolder) {
    return locks[Math.floorMod(abFolder.hashCode(), STRIPES)];
  }

  /** Renames {@code source} to {@code target} (a blob path), creating target's folders first. */
  void moveInto(Path source, Path target) throws IOException {
    Path dir = Objects.requireNonNull(target.getParent());
    ReentrantLock lock = lockFor(Objects.requireNonNull(dir.getParent()));
    lock.lock();
    try {
      if (!known.contains(dir)) {
        create(dir);
      }
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        // The folder went with its deleted bucket after we cached it: recreate it once (the write
        // then fails its metadata commit, as the bucket is gone, and releases the blob).
        known.remove(dir);
        create(dir);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Creates a folder and its missing parents. With sync, each new folder's entry is synced in its
   * parent: a power loss must not take a folder, and the synced blobs in it, away.
   */
  private void create(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p, OwnerOnly.DIRECTORY);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
      }
      if (sync) {
        syncDirectory(Objects.requireNonNull(p.getParent()));
      }
    }
    known.add(dir);
  }

  /** After a blob's deletion: removes its {@code cd} folder, then its {@code ab}, when empty. */
  void removeIfEmpty(Path blob) {
    if (keepFolders) {
      return;
    }
    Path cd = Objects.requireNonNull(blob.getParent());
    Path ab = Objects.requireNonNull(cd.getParent());
    ReentrantLock lock = lockFor(ab);
    lock.lock();
    try {
      if (deleteIfEmpty(cd)) {
        known.remove(cd);
        deleteIfEmpty(ab);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the folders under {@code root}, which is being removed as a whole. */
  void forget(Path root) {
    known.removeIf(p -> p.startsWith(root));
  }

  /** Deletes an empty folder; false when it holds something, is gone, or cannot be deleted. */
  static boolean deleteIfEmpty(Path dir) {
    try {
      Files.delete(dir);
      return true;
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return false; // an empty folder left behind is harmless; start-up clean-up tries again
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
