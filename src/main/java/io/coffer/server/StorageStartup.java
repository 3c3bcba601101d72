package io.coffer.server;

import io.coffer.blob.fs.FileBlobStore;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the blob files in line with the metadata before anything is served: blobs of a data
 * directory from before bucket IDs are moved to their bucket's ID folder (resuming a move a crash
 * interrupted), then temporary files, unreferenced blobs and the folders of deleted buckets go.
 */
final class StorageStartup {
  private static final Logger log = LoggerFactory.getLogger(StorageStartup.class);

  private StorageStartup() {}

  /**
   * A node among several sharing the volume: only its own temporary folder is cleared. Unreferenced
   * blobs may be another node's write in progress, so they are left to the leased periodic
   * clean-up, which deletes only files older than the grace period.
   */
  static void startNode(FileBlobStore blobs) throws IOException {
    int removed = blobs.deleteTemporaryFiles();
    if (removed > 0) {
      log.info("start-up clean-up removed {} temporary files of this node", removed);
    }
  }

  static void reconcile(MetadataStore metadata, FileBlobStore blobs) throws IOException {
    Map<String, String> bucketIds = new HashMap<>();
    for (Bucket bucket : metadata.listBuckets()) {
      bucketIds.put(bucket.name(), bucket.id());
    }
    int moved = blobs.migrateLegacyLayout(bucketIds);
    if (moved > 0) {
      log.info("moved {} blob files into the per-bucket-ID layout (buckets/<bucket id>/)", moved);
    }
    Set<String> referenced = new HashSet<>();
    metadata.forEachReferencedBlob(referenced::add);
    int removed = blobs.collectGarbage(new HashSet<>(bucketIds.values()), referenced::contains);
    if (removed > 0) {
      log.info("start-up clean-up removed {} unreferenced or temporary files", removed);
    }
  }
}
