package io.coffer.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where object bytes live: immutable blobs named by generated IDs, grouped per bucket under the
 * bucket's internal ID (never its name, which a client can delete and create again: the blobs of
 * two generations of a name must never meet). A blob is written through a {@link BlobWriter} and
 * becomes visible under its ID only once complete and synced. A blob that readers hold open through
 * a {@link BlobLease} is deleted only when the last one lets go, so an overwrite never pulls bytes
 * from under a reader.
 */
public interface BlobStore {

  /**
   * Starts a new blob in the bucket with this ID; it gets its ID on commit. A blob of a {@code
   * group} (the parts of one multipart upload) belongs with the others of the group: the store may
   * keep them together, so that writing and deleting many of them costs less than as many unrelated
   * blobs. A null group is a blob of its own.
   */
  BlobWriter create(String bucketId, @Nullable String group) throws IOException;

  /**
   * Leases blobs for reading. Fails with {@link java.nio.file.NoSuchFileException} when one is
   * already gone (the caller re-reads the metadata and tries again).
   */
  BlobLease lease(String bucketId, List<String> blobIds) throws IOException;

  /** Deletes blobs now, or when their last lease is closed. Missing blobs are ignored. */
  void release(String bucketId, List<String> blobIds);

  /**
   * As {@link #release}, but on a background thread, so a request that let go of blobs is answered
   * without waiting for the file system. Blobs still queued when the process dies are unreferenced
   * files, which the clean-up removes.
   */
  void releaseLater(String bucketId, List<String> blobIds);

  /** The blob's path relative to the data directory (as the management API reports it). */
  String relativePath(String bucketId, String blobId);

  /**
   * Removes everything stored for a deleted bucket. Touches nothing of any other bucket, whatever
   * its name.
   */
  void removeBucket(String bucketId);

  /**
   * Start-up clean-up: deletes temporary files, the storage of every bucket not in {@code
   * liveBuckets} (a deletion a crash interrupted), every blob for which {@code referenced} answers
   * false, and fan-out folders left empty.
   *
   * @return the number of files removed
   */
  int collectGarbage(Set<String> liveBuckets, Predicate<String> referenced) throws IOException;

  /**
   * The periodic clean-up of a volume several nodes share: as {@link #collectGarbage}, but only
   * files last modified before {@code cutoff} go (a younger one may belong to a write in progress
   * on another node), temporary files of every node's temporary folder among them, and no folder is
   * removed.
   *
   * @return the number of files removed
   */
  int collectOldGarbage(
      Set<String> liveBuckets, Predicate<String> referenced, java.time.Instant cutoff)
      throws IOException;

  /** A blob being written. Closing it without commit discards it. */
  interface BlobWriter extends AutoCloseable {
    void write(byte[] bytes, int offset, int length) throws IOException;

    long size();

    /** Makes the blob durable (when the store syncs) and visible; returns its ID. */
    String commit() throws IOException;

    @Override
    void close();
  }

  /** Blobs held for reading: none of them is deleted until the lease is closed. */
  interface BlobLease extends AutoCloseable {
    /** Opens a new read channel on the i-th leased blob; the caller closes it. */
    FileChannel open(int index) throws IOException;

    @Override
    void close();
  }
}
