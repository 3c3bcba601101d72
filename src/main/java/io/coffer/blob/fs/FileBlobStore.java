package io.coffer.blob.fs;

import io.coffer.blob.BlobStore;
import io.coffer.blob.StorageUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files: {@code <data>/buckets/<bucket id>/ab/cd/<blob id>}, written in {@code
 * <data>/.coffer/tmp} and renamed into place once complete and synced. Both IDs are generated (a
 * bucket's when it is created, never reused), so no path can leave the data directory and a bucket
 * deleted and created again under the same name never shares a folder with its predecessor. Files
 * and folders are created owner-only, like the rest of the data directory ({@link OwnerOnly}).
 */
public final class FileBlobStore implements BlobStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);

  /** The folder holding one folder per bucket ID. */
  static final String BUCKETS = "buckets";

  /** A write that fails with less free space than this failed because the disk is full. */
  private static final long FULL_BELOW_BYTES = 1024 * 1024;

  private final Path dataDir;
  private final Path bucketsDir;
  private final Path tmpDir;
  private final boolean sync;
  private final FanOutFolders folders;
  private final LeaseRegistry leases = new LeaseRegistry(this::deleteQuietly);
  private final BackgroundDeletions deletions =
      new BackgroundDeletions(BackgroundDeletions.DEFAULT_CAPACITY);

  /**
   * @param dataDir the data directory
   * @param tmpDir where blobs are written before they are complete (same file system)
   * @param sync whether blobs and their directory entries are synced before a commit returns
   */
  public FileBlobStore(Path dataDir, Path tmpDir, boolean sync) throws IOException {
    this(dataDir, tmpDir, sync, false);
  }

  /**
   * @param shared whether several nodes share the data directory: then each has a temporary folder
   *     of its own ({@code tmpDir}, a sibling of the others'), and empty fan-out folders stay
   */
  public FileBlobStore(Path dataDir, Path tmpDir, boolean sync, boolean shared) throws IOException {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.bucketsDir = this.dataDir.resolve(BUCKETS);
    this.tmpDir = tmpDir.toAbsolutePath().normalize();
    this.sync = sync;
    this.folders = new FanOutFolders(sync, shared);
    Files.createDirectories(this.tmpDir, OwnerOnly.DIRECTORY);
  }

  Path bucketDir(String bucketId) {
    if (!BlobIds.isValid(bucketId)) {
      throw new IllegalArgumentException("not a bucket id");
    }
    return bucketsDir.resolve(bucketId);
  }

  Path pathOf(String bucketId, String id) {
    if (!BlobIds.isValid(id)) {
      throw new IllegalArgumentException("not a blob id");
    }
    return bucketDir(bucketId).resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
  }

  @Override
  public String relativePath(String bucketId, String blobId) {
    return dataDir.relativize(pathOf(bucketId, blobId)).toString();
  }

  /**
   * A blob of a group gets an ID in the group's folder: the parts of an upload share one {@code
   * ab/cd} folder, so only its first part pays for creating (and syncing) folders and only its last
   * deletion removes them.
   */
  @Override
  public BlobWriter create(String bucketId, @Nullable String group) throws IOException {
    bucketDir(bucketId); // refuse a malformed ID before writing anything
    String id = group == null ? BlobIds.next() : BlobIds.inFolderOf(group);
    Path temp = tmpDir.resolve(id + ".tmp");
    try {
      FileChannel channel =
          FileChannel.open(
              temp,
              EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              OwnerOnly.FILE);
      return new FileBlobWriter(
          this, bucketId, id, temp, channel, sync ? new EarlyWriteback(channel) : null);
    } catch (IOException e) {
      throw classify(e);
    }
  }

  /**
   * Tells a failed write caused by the storage (no space left, or a folder that cannot be written)
   * from any other I/O error, by asking the file system rather than reading error messages.
   */
  IOException classify(IOException e) {
    if (e instanceof StorageUnavailableException) {
      return e;
    }
    try {
      if (Files.getFileStore(tmpDir).getUsableSpace() < FULL_BELOW_BYTES) {
        return new StorageUnavailableException(StorageUnavailableException.Reason.FULL, e);
      }
      if (!Files.isWritable(tmpDir) || !Files.isWritable(dataDir)) {
        return new StorageUnavailableException(StorageUnavailableException.Reason.NOT_WRITABLE, e);
      }
    } catch (IOException unknown) {
      // the file system cannot even be asked: report the original error
    }
    return e;
  }

  /** Moves a complete temp file into place; called by the writer on commit. */
  void publish(String bucketId, String id, Path temp, FileChannel channel) throws IOException {
    try {
      if (sync) {
        channel.force(false);
      }
      channel.close();
      Path target = pathOf(bucketId, id);
      folders.moveInto(temp, target);
      if (sync) {
        // Outside the folder's lock: the folder cannot be removed while it holds this blob, which
        // nothing can release before its metadata commits.
        FanOutFolders.syncDirectory(Objects.requireNonNull(target.getParent()));
      }
    } catch (IOException e) {
      throw classify(e);
    }
  }

  @Override
  public BlobLease lease(String bucketId, List<String> blobIds) throws IOException {
    List<Path> paths = new ArrayList<>(blobIds.size());
    for (String id : blobIds) {
      paths.add(pathOf(bucketId, id));
    }
    return leases.acquire(paths);
  }

  @Override
  public void release(String bucketId, List<String> blobIds) {
    for (String id : blobIds) {
      leases.deleteWhenFree(pathOf(bucketId, id));
    }
  }

  @Override
  public void releaseLater(String bucketId, List<String> blobIds) {
    if (blobIds.isEmpty()) {
      return;
    }
    List<Path> paths = new ArrayList<>(blobIds.size());
    for (String id : blobIds) {
      paths.add(pathOf(bucketId, id));
    }
    deletions.submit(() -> paths.forEach(leases::deleteWhenFree));
  }

  /** Waits until every {@link #releaseLater} so far has been carried out (for tests). */
  void awaitReleases() throws InterruptedException {
    deletions.awaitIdle();
  }

  /** Carries out the releases still queued; later ones run on their callers. */
  @Override
  public void close() {
    deletions.close();
  }

  /** Deletes a blob file and the fan-out folders it leaves empty. */
  private void deleteQuietly(Path path) {
    try {
      if (Files.deleteIfExists(path)) {
        folders.removeIfEmpty(path);
      }
    } catch (IOException e) {
      log.warn("could not delete blob {}: {}", dataDir.relativize(path), e.toString());
    }
  }

  /**
   * Removes a deleted bucket's folder. Nothing else can reach it any more (its ID is never reused),
   * so a bucket created under the same name meanwhile is never touched. A crash midway leaves the
   * rest to start-up clean-up. Blobs a reader still leases go when the reader lets go.
   */
  @Override
  public void removeBucket(String bucketId) {
    Path root = bucketDir(bucketId);
    folders.forget(root);
    try {
      FileTrees.prune(root, file -> true, leases::deleteWhenFree, true);
    } catch (IOException | RuntimeException e) {
      log.warn("could not remove the folder of deleted bucket {}: {}", bucketId, e.toString());
    }
  }

  /**
   * Moves blobs stored by a Coffer before bucket IDs ({@code <data>/<bucket name>/objects/ab/cd/
   * <id>}) to this layout; see {@link LegacyLayout}. Runs at start-up, before {@link
   * #collectGarbage}.
   *
   * @param bucketIds the ID of every existing bucket, by name
   * @return the number of blobs moved
   */
  public int migrateLegacyLayout(Map<String, String> bucketIds) throws IOException {
    return new LegacyLayout(dataDir, folders, sync).migrate(bucketIds, this::pathOf);
  }

  /**
   * Deletes this node's temporary files (start-up of a node on a shared volume: its folder is its
   * own, and its lock is held, so nothing in it is being written).
   */
  public int deleteTemporaryFiles() throws IOException {
    return FileTrees.prune(tmpDir, file -> true, FileTrees::deleteQuietly, false);
  }

  @Override
  public int collectOldGarbage(
      Set<String> liveBuckets, Predicate<String> referenced, Instant cutoff) throws IOException {
    Path tempRoot = Objects.requireNonNull(tmpDir.getParent());
    return OldFileSweep.run(
        bucketsDir, tempRoot, liveBuckets, referenced, cutoff, this::deleteQuietly);
  }

  @Override
  public int collectGarbage(Set<String> liveBuckets, Predicate<String> referenced)
      throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(tmpDir)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
        removed++;
      }
    }
    if (!Files.isDirectory(bucketsDir)) {
      return removed;
    }
    try (DirectoryStream<Path> buckets = Files.newDirectoryStream(bucketsDir)) {
      for (Path bucketDir : buckets) {
        String bucketId = bucketDir.getFileName().toString();
        if (liveBuckets.contains(bucketId) && Files.isDirectory(bucketDir)) {
          removed +=
              FileTrees.prune(
                  bucketDir,
                  file -> {
                    String id = file.getFileName().toString();
                    return !BlobIds.isValid(id) || !referenced.test(id);
                  },
                  this::deleteQuietly,
                  false);
        } else if (Files.isDirectory(bucketDir)) {
          // a deleted bucket whose removal a crash interrupted
          removed += FileTrees.prune(bucketDir, file -> true, this::deleteQuietly, true);
        } else {
          Files.deleteIfExists(bucketDir);
          removed++;
        }
      }
    }
    return removed;
  }
}
