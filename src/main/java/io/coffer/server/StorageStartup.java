package io.coffer.server;

import io.coffer.blob.BlobIdSet;
import io.coffer.blob.fs.FileBlobStore;
import io.coffer.config.MetadataOptions;
import io.coffer.config.MetadataSettings;
import io.coffer.config.ServerConfig;
import io.coffer.meta.MetadataStore;
import io.coffer.meta.postgres.PostgresMetadataStore;
import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.Bucket;
import io.coffer.service.PrivateFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the stores and brings the blob files in line with the metadata before anything is served. A
 * single server (SQLite): blobs of a data directory from before bucket IDs are moved to their
 * bucket's ID folder (resuming a move a crash interrupted), then temporary files, unreferenced
 * blobs and the folders of deleted buckets go.
 */
final class StorageStartup {
  private static final Logger log = LoggerFactory.getLogger(StorageStartup.class);

  private StorageStartup() {}

  /** The metadata store the configuration names: PostgreSQL, or SQLite in the data directory. */
  static MetadataStore openMetadata(ServerConfig config, Path internal, String nodeId)
      throws IOException {
    MetadataSettings settings = config.metadata();
    if (settings.postgres()) {
      return PostgresMetadataStore.open(
          Objects.requireNonNull(settings.url()), settings.password(), nodeId);
    }
    Path database = internal.resolve("metadata.db");
    // Owner-only before SQLite opens it: SQLite gives the WAL and shared-memory files it creates
    // the database file's permissions, and the WAL holds secrets too.
    PrivateFiles.createFile(database);
    return SqliteMetadataStore.open(database, config.syncWrites());
  }

  /** The blob store, its files reconciled with the metadata as the class comment says. */
  static FileBlobStore openBlobs(
      ServerConfig config, MetadataStore metadata, Path internal, String nodeId)
      throws IOException {
    Path dataDir = config.dataDir().toAbsolutePath();
    if (config.metadata().postgres()) {
      // A temporary folder per node: a node's start-up clears its own, never another's writes.
      FileBlobStore blobs =
          new FileBlobStore(
              dataDir, internal.resolve("tmp").resolve(nodeId), config.syncWrites(), true);
      startNode(blobs);
      return blobs;
    }
    FileBlobStore blobs = new FileBlobStore(dataDir, internal.resolve("tmp"), config.syncWrites());
    reconcile(metadata, blobs);
    return blobs;
  }

  /** This node's identity: as configured, else the host name and the S3 port. */
  static String nodeId(ServerConfig config, int s3Port) {
    String configured = config.metadata().nodeId();
    if (configured != null) {
      return configured;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return MetadataOptions.derivedNodeId(host, s3Port);
  }

  /**
   * A node among several sharing the volume: only its own temporary folder is cleared. Unreferenced
   * blobs may be another node's write in progress, so they are left to the leased periodic
   * clean-up, which deletes only files older than the grace period.
   */
  private static void startNode(FileBlobStore blobs) throws IOException {
    int removed = blobs.deleteTemporaryFiles();
    if (removed > 0) {
      log.info("start-up clean-up removed {} temporary files of this node", removed);
    }
  }

  private static void reconcile(MetadataStore metadata, FileBlobStore blobs) throws IOException {
    Map<String, String> bucketIds = new HashMap<>();
    for (Bucket bucket : metadata.listBuckets()) {
      bucketIds.put(bucket.name(), bucket.id());
    }
    int moved = blobs.migrateLegacyLayout(bucketIds);
    if (moved > 0) {
      log.info("moved {} blob files into the per-bucket-ID layout (buckets/<bucket id>/)", moved);
    }
    BlobIdSet referenced = new BlobIdSet();
    metadata.forEachReferencedBlob(referenced::add);
    int removed = blobs.collectGarbage(new HashSet<>(bucketIds.values()), referenced);
    if (removed > 0) {
      log.info("start-up clean-up removed {} unreferenced or temporary files", removed);
    }
  }
}
