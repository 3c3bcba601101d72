package io.coffer.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the metadata lives and who this node is.
 *
 * @param url {@code null} for the SQLite database in the data directory (the default), else a
 *     PostgreSQL URL ({@code --metadata} / {@code COFFER_METADATA})
 * @param password the database password when the URL has none ({@code COFFER_METADATA_PASSWORD},
 *     kept out of the command line and so out of {@code ps})
 * @param nodeId this node's identity ({@code --node-id} / {@code COFFER_NODE_ID}); {@code null} to
 *     derive it from the host name and the S3 port
 * @param blobGracePeriod with PostgreSQL, how long a released blob file (of an overwritten or
 *     deleted object) stays before the clean-up deletes it: longer than any read, since a reader on
 *     another node may still have it open ({@code --blob-grace-seconds})
 */
public record MetadataSettings(
    @Nullable String url,
    @Nullable String password,
    @Nullable String nodeId,
    Duration blobGracePeriod) {
  /** An hour: longer than any GET takes on a link that is worth serving from. */
  public static final Duration DEFAULT_BLOB_GRACE_PERIOD = Duration.ofHours(1);

  public static final MetadataSettings SQLITE = new MetadataSettings(null, null, null);

  /** With the default grace period. */
  public MetadataSettings(
      @Nullable String url, @Nullable String password, @Nullable String nodeId) {
    this(url, password, nodeId, DEFAULT_BLOB_GRACE_PERIOD);
  }

  public boolean postgres() {
    return url != null;
  }

  /** Never the password. */
  @Override
  public String toString() {
    return postgres() ? "PostgreSQL" : "SQLite";
  }
}
