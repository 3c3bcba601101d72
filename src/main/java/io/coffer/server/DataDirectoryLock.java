package io.coffer.server;

import io.coffer.service.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The exclusive hold of one process on a data directory ({@code <data>/.coffer/lock}), taken before
 * anything else touches the directory and kept for the server's life: a second server would
 * otherwise delete the first one's in-flight temporary files at its start-up clean-up.
 *
 * <p>The operating system's lock ({@link FileChannel#tryLock}) excludes other processes and goes
 * away with the process, however it ends. It is per process, and closing any channel on the file
 * would drop it, so holders inside this JVM are also kept in a set and a second one in the same JVM
 * is refused without opening the file.
 */
public final class DataDirectoryLock implements AutoCloseable {
  static final String FILE = "lock";
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path lockFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates the data directory (owner-only) if needed and takes its lock. */
  public static DataDirectoryLock acquire(Path dataDir) throws StartupException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path internal = dir.resolve(".coffer");
    Path lockFile;
    try {
      PrivateFiles.createDirectory(dir);
      PrivateFiles.createDirectory(internal);
      lockFile = internal.resolve(FILE);
      PrivateFiles.createFile(lockFile);
      lockFile = lockFile.toRealPath();
    } catch (IOException e) {
      throw new StartupException(
          "Cannot use the data directory " + dir + ": " + reason(e) + ".", e);
    }
    return lock(dir, lockFile, null);
  }

  /**
   * Takes the lock of one node on a data directory several nodes share ({@link NodeLock}): {@code
   * lockFile} is that node's, and a second process with the same node ID is refused.
   *
   * @param what the node, for the message ("node ID a1")
   */
  static DataDirectoryLock acquireFile(Path dir, Path lockFile, String what)
      throws StartupException {
    Path real;
    try {
      PrivateFiles.createFile(lockFile);
      real = lockFile.toRealPath();
    } catch (IOException e) {
      throw new StartupException("Cannot create " + lockFile + ": " + reason(e) + ".", e);
    }
    return lock(dir, real, what);
  }

  /**
   * Takes the lock of an existing data directory, for commands that must not run beside a server.
   */
  public static DataDirectoryLock acquireExisting(Path dataDir) throws StartupException {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve(".coffer").resolve("metadata.db"))
        && !NodeLock.usedByNodes(dir)) {
      throw new StartupException(
          dir
              + " is not a Coffer data directory (it has no .coffer/metadata.db, nor the mark of"
              + " nodes on PostgreSQL).");
    }
    return acquire(dir);
  }

  private static DataDirectoryLock lock(Path dir, Path lockFile, @Nullable String node)
      throws StartupException {
    if (!HELD.add(lockFile)) {
      throw inUse(dir, ProcessHandle.current().pid(), node);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        long holder = readPid(channel);
        channel.close();
        throw inUse(dir, holder, node);
      }
      // The holder's process ID, for the message a second server prints.
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      return new DataDirectoryLock(lockFile, channel, lock);
    } catch (IOException e) {
      HELD.remove(lockFile);
      closeQuietly(channel);
      throw e instanceof StartupException refused
          ? refused
          : new StartupException(
              "Cannot lock the data directory " + dir + ": " + reason(e) + ".", e);
    } catch (RuntimeException e) {
      HELD.remove(lockFile);
      closeQuietly(channel);
      throw e;
    }
  }

  private static StartupException inUse(Path dir, long pid, @Nullable String node) {
    String by = pid > 0 ? "another Coffer process (pid " + pid + ")" : "another Coffer process";
    if (node != null) {
      return new StartupException(
          "The "
              + node
              + " is in use on the data directory "
              + dir
              + " by "
              + by
              + "; stop it first, or give this node another --node-id.");
    }
    return new StartupException(
        "The data directory "
            + dir
            + " is in use by "
            + by
            + "; stop it first, or give this one another --data directory.");
  }

  private static long readPid(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String text =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
      return Long.parseLong(text);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** An IOException in a few words: "permission denied", "not a directory", ... */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
      return exists.getFile() + " exists and is not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      String reason = fs.getReason();
      return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was locked through it
      }
    }
  }

  /** Releases the lock; the file stays (removing it would race with a server taking it). */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process holds nothing more on it either way; the lock ends with the process
    } finally {
      HELD.remove(lockFile);
    }
  }
}
