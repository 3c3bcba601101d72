package io.coffer.blob.fs;

import io.coffer.blob.BlobStore;
import io.coffer.blob.StorageUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files: {@code <data>/<bucket>/objects/ab/cd/<id>}, written in {@code <data>/.coffer/tmp}
 * and renamed into place once complete and synced. Bucket names are validated before they get
 * here and IDs are generated, so no path can leave the data directory. Files and folders are
 * created owner-only, like the rest of the data directory ({@link OwnerOnly}).
 */
public final class FileBlobStore implements BlobStore {
  private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);
  static final String OBJECTS = "objects";
  /** A write that fails with less free space than this failed because the disk is full. */
  private static final long FULL_BELOW_BYTES = 1024 * 1024;

  private final Path dataDir;
  private final Path tmpDir;
  private final boolean sync;
  private final Set<Path> knownDirectories = ConcurrentHashMap.newKeySet();
  private final LeaseRegistry leases = new LeaseRegistry(this::deleteQuietly);

  /**
   * @param dataDir the data directory
   * @param tmpDir where blobs are written before they are complete (same file system)
   * @param sync whether blobs and their directory entries are synced before a commit returns
   */
  public FileBlobStore(Path dataDir, Path tmpDir, boolean sync) throws IOException {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.tmpDir = tmpDir.toAbsolutePath().normalize();
    this.sync = sync;
    Files.createDirectories(this.tmpDir, OwnerOnly.DIRECTORY);
  }

  Path pathOf(String bucket, String id) {
    if (!BlobIds.isValid(id)) {
      throw new IllegalArgumentException("not a blob id");
    }
    return dataDir
        .resolve(bucket)
        .resolve(OBJECTS)
        .resolve(id.substring(0, 2))
        .resolve(id.substring(2, 4))
        .resolve(id);
  }

  @Override
  public String relativePath(String bucket, String blobId) {
    return dataDir.relativize(pathOf(bucket, blobId)).toString();
  }

  @Override
  public BlobWriter create(String bucket) throws IOException {
    String id = BlobIds.next();
    Path temp = tmpDir.resolve(id + ".tmp");
    try {
      FileChannel channel =
          FileChannel.open(
              temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnly.FILE);
      return new FileBlobWriter(this, bucket, id, temp, channel);
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
  void publish(String bucket, String id, Path temp, FileChannel channel) throws IOException {
    try {
      moveIntoPlace(bucket, id, temp, channel);
    } catch (IOException e) {
      throw classify(e);
    }
  }

  private void moveIntoPlace(String bucket, String id, Path temp, FileChannel channel) throws IOException {
    if (sync) {
      channel.force(false);
    }
    channel.close();
    Path target = pathOf(bucket, id);
    Path dir = target.getParent();
    if (!knownDirectories.contains(dir)) {
      createDirectories(dir);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      // The folder was removed with its (deleted) bucket after we cached it: recreate it once.
      knownDirectories.remove(dir);
      createDirectories(dir);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
    if (sync) {
      syncDirectory(dir);
    }
  }

  /**
   * Creates a blob's fan-out folders. With sync, the entries of new folders are synced up to the
   * data directory too: a power loss must not take a folder, and the synced blobs in it, away.
   */
  private void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir, OwnerOnly.DIRECTORY);
    if (sync) {
      for (Path p = dir.getParent(); p != null && p.startsWith(dataDir); p = p.getParent()) {
        syncDirectory(p);
      }
    }
    knownDirectories.add(dir);
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public BlobLease lease(String bucket, List<String> blobIds) throws IOException {
    List<Path> paths = new ArrayList<>(blobIds.size());
    for (String id : blobIds) {
      paths.add(pathOf(bucket, id));
    }
    return leases.acquire(paths);
  }

  @Override
  public void release(String bucket, List<String> blobIds) {
    for (String id : blobIds) {
      leases.deleteWhenFree(pathOf(bucket, id));
    }
  }

  private void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("could not delete blob {}: {}", dataDir.relativize(path), e.toString());
    }
  }

  @Override
  public void removeBucket(String bucket) {
    Path root = dataDir.resolve(bucket);
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                knownDirectories.remove(p);
                deleteQuietly(p);
              });
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not remove folder of bucket {}: {}", bucket, e.toString());
    }
  }

  @Override
  public int collectGarbage(Predicate<String> referenced) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(tmpDir)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
        removed++;
      }
    }
    try (DirectoryStream<Path> buckets = Files.newDirectoryStream(dataDir, Files::isDirectory)) {
      for (Path bucketDir : buckets) {
        Path objects = bucketDir.resolve(OBJECTS);
        if (bucketDir.getFileName().toString().startsWith(".") || !Files.isDirectory(objects)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(objects)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String id = file.getFileName().toString();
            if (!BlobIds.isValid(id) || !referenced.test(id)) {
              Files.deleteIfExists(file);
              removed++;
            }
          }
        }
      }
    }
    return removed;
  }

}
