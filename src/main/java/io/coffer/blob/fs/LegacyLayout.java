package io.coffer.blob.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Moves the blobs of a data directory written before bucket IDs, {@code <data>/<bucket name>/
 * objects/ab/cd/<id>}, to {@code <data>/buckets/<bucket id>/ab/cd/<id>}.
 *
 * <p>Crash-safe and resumable: each blob is moved by one atomic rename within the file system (with
 * sync, its new folder's entry is synced before the old folder is removed), so after a kill every
 * blob is in exactly one of the two places, and the next start moves what is left. Bucket IDs were
 * committed by the metadata migration before this runs, so a resumed move goes to the same place.
 * The folder of a bucket that no longer exists (a deletion a crash interrupted) is removed. Names
 * of the new layout cannot be mistaken for old ones: a bucket ID is never {@code objects}, so even
 * a bucket named {@code buckets} migrates in place.
 */
final class LegacyLayout {
  static final String OBJECTS = "objects";

  private final Path dataDir;
  private final FanOutFolders folders;
  private final boolean sync;

  LegacyLayout(Path dataDir, FanOutFolders folders, boolean sync) {
    this.dataDir = dataDir;
    this.folders = folders;
    this.sync = sync;
  }

  /**
   * @param bucketIds the ID of every existing bucket, by name
   * @param pathOf where a blob goes, by bucket ID and blob ID
   * @return the number of blobs moved
   */
  int migrate(Map<String, String> bucketIds, BiFunction<String, String, Path> pathOf)
      throws IOException {
    List<Path> legacy = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir, Files::isDirectory)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().startsWith(".")
            && Files.isDirectory(entry.resolve(OBJECTS))) {
          legacy.add(entry);
        }
      }
    }
    int moved = 0;
    for (Path bucketDir : legacy) {
      Path objects = bucketDir.resolve(OBJECTS);
      String bucketId = bucketIds.get(bucketDir.getFileName().toString());
      if (bucketId == null) {
        FileTrees.prune(objects, file -> true, FileTrees::deleteQuietly, true);
      } else {
        moved += moveBlobs(objects, bucketId, pathOf);
      }
      FanOutFolders.deleteIfEmpty(bucketDir);
    }
    return moved;
  }

  /** Moves a bucket's blobs folder by folder, then removes the emptied folders. */
  private int moveBlobs(Path objects, String bucketId, BiFunction<String, String, Path> pathOf)
      throws IOException {
    int moved = 0;
    for (Path ab : folders(objects)) {
      for (Path cd : folders(ab)) {
        Path target = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cd)) {
          for (Path file : files) {
            String blobId = file.getFileName().toString();
            if (!BlobIds.isValid(blobId) || !Files.isRegularFile(file)) {
              Files.deleteIfExists(file); // never a blob (start-up clean-up removed these before)
              continue;
            }
            target = pathOf.apply(bucketId, blobId);
            folders.moveInto(file, target);
            moved++;
          }
        }
        if (sync && target != null) {
          FanOutFolders.syncDirectory(Objects.requireNonNull(target.getParent()));
        }
        FanOutFolders.deleteIfEmpty(cd);
      }
      FanOutFolders.deleteIfEmpty(ab);
    }
    FanOutFolders.deleteIfEmpty(objects);
    return moved;
  }

  private static List<Path> folders(Path dir) throws IOException {
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      entries.forEach(result::add);
    }
    return result;
  }
}
