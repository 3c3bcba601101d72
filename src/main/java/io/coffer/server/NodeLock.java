package io.coffer.server;

import io.coffer.service.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hold of one node on a data directory that several nodes share (metadata in PostgreSQL): a
 * shared lock on {@code .coffer/lock}, which every node holds at once and which keeps a single-node
 * (SQLite) server out, since its start-up clean-up would delete every node's files; and an
 * exclusive lock on {@code .coffer/nodes/<node id>.lock}, so that a second process with the same
 * node ID (whose temporary folder and leases this node's are) refuses to start.
 *
 * <p>It also leaves {@code .coffer/metadata-in-postgresql} behind, so that a single-node server
 * started on this directory later refuses instead of taking an empty SQLite database for the truth.
 *
 * <p>The operating system's locks are per process, and a JVM refuses a second lock on a range it
 * holds already, so nodes in one JVM (tests) share one shared lock, counted.
 */
final class NodeLock implements AutoCloseable {
  static final String NODES = "nodes";
  static final String MARKER = "metadata-in-postgresql";
  private static final Map<Path, Shared> SHARED = new HashMap<>();

  /** The shared lock of one directory in this JVM and how many nodes hold it. */
  private static final class Shared {
    final FileChannel channel;
    final FileLock lock;
    int holders;

    Shared(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private final Path directoryLockFile;
  private final DataDirectoryLock nodeLock;

  private NodeLock(Path directoryLockFile, DataDirectoryLock nodeLock) {
    this.directoryLockFile = directoryLockFile;
    this.nodeLock = nodeLock;
  }

  static NodeLock acquire(Path dataDir, String nodeId) throws StartupException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Path internal = dir.resolve(".coffer");
    Path shared;
    try {
      PrivateFiles.createDirectory(dir);
      PrivateFiles.createDirectory(internal);
      PrivateFiles.createDirectory(internal.resolve(NODES));
      shared = internal.resolve(DataDirectoryLock.FILE);
      PrivateFiles.createFile(shared);
      shared = shared.toRealPath();
    } catch (IOException e) {
      throw new StartupException(
          "Cannot use the data directory " + dir + ": " + DataDirectoryLock.reason(e) + ".", e);
    }
    holdShared(dir, shared);
    try {
      DataDirectoryLock node =
          DataDirectoryLock.acquireFile(
              dir, internal.resolve(NODES).resolve(nodeId + ".lock"), "node ID " + nodeId);
      Path marker = internal.resolve(MARKER);
      if (!Files.exists(marker)) {
        PrivateFiles.write(marker, "The metadata of this data directory is in PostgreSQL.\n");
      }
      return new NodeLock(shared, node);
    } catch (IOException | RuntimeException e) {
      releaseShared(shared);
      throw e instanceof StartupException refused
          ? refused
          : new StartupException(
              "Cannot use the data directory "
                  + dir
                  + ": "
                  + (e instanceof IOException io ? DataDirectoryLock.reason(io) : e.toString())
                  + ".",
              e);
    }
  }

  /** True when nodes on PostgreSQL have used this data directory. */
  /**
   * A single-node server must not start on a directory nodes on PostgreSQL use: its SQLite database
   * would be empty, and its start-up clean-up would delete every file as unreferenced.
   */
  static void refuseSingleServer(Path dataDir) throws StartupException {
    if (usedByNodes(dataDir)) {
      throw new StartupException(
          "The data directory "
              + dataDir
              + " belongs to nodes whose metadata is in PostgreSQL (.coffer/"
              + MARKER
              + "); start with --metadata and that database's URL.");
    }
  }

  static boolean usedByNodes(Path dataDir) {
    return Files.exists(dataDir.resolve(".coffer").resolve(MARKER));
  }

  private static synchronized void holdShared(Path dir, Path lockFile) throws StartupException {
    Shared held = SHARED.get(lockFile);
    if (held == null) {
      FileChannel channel = null;
      FileLock lock;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          lock = channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
          lock = null; // a single-node server in this JVM holds it
        }
      } catch (IOException e) {
        closeQuietly(channel);
        throw new StartupException(
            "Cannot lock the data directory " + dir + ": " + DataDirectoryLock.reason(e) + ".", e);
      }
      if (lock == null) {
        closeQuietly(channel);
        throw new StartupException(
            "The data directory "
                + dir
                + " is in use by a single-node Coffer (metadata in SQLite); stop it first, or"
                + " give the nodes another --data directory.");
      }
      held = new Shared(channel, lock);
      SHARED.put(lockFile, held);
    }
    held.holders++;
  }

  private static synchronized void releaseShared(Path lockFile) {
    Shared held = SHARED.get(lockFile);
    if (held != null && --held.holders == 0) {
      SHARED.remove(lockFile);
      try {
        held.lock.release();
      } catch (IOException ignored) {
        // closing the channel below releases it too
      }
      closeQuietly(held.channel);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing is locked through it
      }
    }
  }

  @Override
  public void close() {
    nodeLock.close();
    releaseShared(directoryLockFile);
  }
}
