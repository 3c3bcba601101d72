package io.coffer.blob.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The orphan sweep of a volume several nodes share: files no metadata refers to, left by a node
 * that died between writing a blob and committing it, or by a bucket deletion cut short. Only files
 * older than a cutoff are candidates, because any younger one may be a write another node is about
 * to commit (or a blob it just released, whose readers the grace period protects). A live bucket's
 * folders are left in place: another node may be about to rename a blob into one that looks empty.
 * A deleted bucket's folder goes, once emptied, when it is older than the cutoff: the live buckets
 * were read after the cutoff, so such a folder's bucket existed then and is gone (a bucket ID is
 * never used again); a younger one may belong to a bucket created since.
 */
final class OldFileSweep {
  private OldFileSweep() {}

  /**
   * @param bucketsDir the folder of bucket-ID folders
   * @param tempRoot the folder of every node's temporary folder
   * @return the number of files handed to {@code deleter}
   */
  static int run(
      Path bucketsDir,
      Path tempRoot,
      Set<String> liveBuckets,
      Predicate<String> referenced,
      Instant cutoff,
      FileTrees.FileDeleter deleter)
      throws IOException {
    int removed = sweep(tempRoot, file -> true, cutoff, deleter);
    if (!Files.isDirectory(bucketsDir)) {
      return removed;
    }
    try (DirectoryStream<Path> buckets = Files.newDirectoryStream(bucketsDir)) {
      for (Path bucketDir : buckets) {
        boolean live = liveBuckets.contains(bucketDir.getFileName().toString());
        if (!live && olderThan(bucketDir, cutoff)) {
          removed += FileTrees.prune(bucketDir, file -> olderThan(file, cutoff), deleter, true);
          continue;
        }
        removed +=
            sweep(
                bucketDir,
                file -> {
                  String id = file.getFileName().toString();
                  return !live || !BlobIds.isValid(id) || !referenced.test(id);
                },
                cutoff,
                deleter);
      }
    }
    return removed;
  }

  private static boolean olderThan(Path path, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      return false; // gone meanwhile, or unreadable: leave it
    }
  }

  private static int sweep(
      Path root, Predicate<Path> orphan, Instant cutoff, FileTrees.FileDeleter deleter)
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
            if (attrs.isRegularFile()
                && attrs.lastModifiedTime().toInstant().isBefore(cutoff)
                && orphan.test(file)) {
              deleter.delete(file);
              removed[0]++;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // gone meanwhile, or unreadable: leave it
          }
        });
    return removed[0];
  }
}
