package io.coffer.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and folders only their owner may read: the data directory holds secrets. */
public final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  public static void createDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Creates an empty owner-only file, or makes an existing one owner-only. */
  public static void createFile(Path file) throws IOException {
    if (POSIX && !Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    restrict(file);
  }

  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  public static void write(Path file, String content) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    restrict(temp);
    Files.move(
        temp,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Creates {@code file} with {@code content} unless it exists, atomically: several nodes starting
   * at once on a shared data directory each try, exactly one file results, and every node then
   * reads the same one. The content is written and synced under a name of this process's own, then
   * hard-linked into place (a link never replaces an existing file, unlike a rename).
   *
   * @return true when this call created the file, false when it existed
   */
  public static boolean createOnce(Path file, String content) throws IOException {
    Path temp =
        file.resolveSibling(
            file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime());
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    try {
      restrict(temp);
      try (java.nio.channels.FileChannel channel =
          java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.createLink(file, temp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        if (Files.exists(file)) {
          return false;
        }
        // no hard links on this file system: a rename that refuses to replace (checked first)
        Files.move(temp, file);
      }
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
