package io.coffer.blob.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/** Deletes files in a folder tree without holding the tree in memory; errors skip an entry. */
final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes the files under {@code root} that {@code delete} picks (by a deleter of the caller's,
   * so leased blobs can wait), then every folder left empty, {@code root} included when {@code
   * removeRoot}.
   *
   * @return the number of files handed to the deleter
   */
  static int prune(Path root, Predicate<Path> delete, FileDeleter deleter, boolean removeRoot)
      throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int[] removed = {0};
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (delete.test(file)) {
              deleter.delete(file);
              removed[0]++;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // gone meanwhile, or unreadable: leave it
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (removeRoot || !dir.equals(root)) {
              FanOutFolders.deleteIfEmpty(dir);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return removed[0];
  }

  /** Deletes a file, ignoring errors (what is left is tried again at the next start). */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // left for the next start-up clean-up
    }
  }

  /** Deletes one file, quietly. */
  interface FileDeleter {
    void delete(Path file);
  }
}
