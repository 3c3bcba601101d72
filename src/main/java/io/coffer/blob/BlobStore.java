package io.coffer.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where object bytes live: immutable blobs named by generated IDs, grouped per bucket. A blob is
 * written through a {@link BlobWriter} and becomes visible under its ID only once complete and
 * synced. A blob that readers hold open through a {@link BlobLease} is deleted only when the last
 * one lets go, so an overwrite never pulls bytes from under a reader.
 */
public interface BlobStore {

  /** Starts a new blob in the bucket; it gets its ID on commit. */
  BlobWriter create(String bucket) throws IOException;

  /**
   * Leases blobs for reading. Fails with {@link java.nio.file.NoSuchFileException} when one is
   * already gone (the caller re-reads the metadata and tries again).
   */
  BlobLease lease(String bucket, List<String> blobIds) throws IOException;

  /** Deletes blobs now, or when their last lease is closed. Missing blobs are ignored. */
  void release(String bucket, List<String> blobIds);

  /** The blob's path relative to the data directory (as the management API reports it). */
  String relativePath(String bucket, String blobId);

  /** Removes the (empty) storage folder of a deleted bucket. */
  void removeBucket(String bucket);

  /**
   * Start-up clean-up: deletes temporary files and every blob for which {@code referenced}
   * answers false.
   *
   * @return the number of files removed
   */
  int collectGarbage(Predicate<String> referenced) throws IOException;

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
