package io.coffer.config;

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
 */
public record MetadataSettings(
    @Nullable String url, @Nullable String password, @Nullable String nodeId) {
  public static final MetadataSettings SQLITE = new MetadataSettings(null, null, null);

  public boolean postgres() {
    return url != null;
  }

  /** Never the password. */
  @Override
  public String toString() {
    return postgres() ? "PostgreSQL" : "SQLite";
  }
}
