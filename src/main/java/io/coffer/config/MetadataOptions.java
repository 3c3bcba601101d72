package io.coffer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks of {@code --metadata} and {@code --node-id}: a value the server cannot use is a usage
 * error naming the option, before anything starts. Messages never repeat a URL, which may hold a
 * password.
 */
public final class MetadataOptions {
  /** What {@code --node-id} may be: it names lock files, leases and database sessions. */
  public static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private MetadataOptions() {}

  /**
   * {@code null} for SQLite ({@code sqlite}, or nothing given), else the PostgreSQL URL: {@code
   * postgresql://} (or {@code postgres://}) with a host, or {@code jdbc:postgresql:}.
   */
  public static @Nullable String metadataUrl(@Nullable String value) {
    if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("sqlite")) {
      return null;
    }
    String url = value.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      if (url.length() == "jdbc:postgresql:".length()) {
        throw new IllegalArgumentException("--metadata: a jdbc:postgresql: URL names a database");
      }
      return url;
    }
    if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "--metadata must be sqlite or a PostgreSQL URL"
              + " (postgresql://user@host:5432/database or jdbc:postgresql://...)");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // the reason names a position, never the URL (it may hold a password)
      throw new IllegalArgumentException(
          "--metadata is not a valid URL (at index " + e.getIndex() + ")", null);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "--metadata: the PostgreSQL URL names no host (postgresql://user@host:5432/database)");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("--metadata: a PostgreSQL URL has no #fragment");
    }
    return url;
  }

  /** The node ID as given, or null when none was; see {@link #NODE_ID}. */
  public static @Nullable String nodeId(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!NODE_ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "--node-id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, not '" + value + "'");
    }
    return value;
  }

  /**
   * The default node ID, the host name and the S3 port ({@code host:9000}), made to fit {@link
   * #NODE_ID}: other characters become '-', and a long host name is cut.
   */
  public static String derivedNodeId(String hostName, int port) {
    String suffix = ":" + port;
    String host = hostName.replaceAll("[^A-Za-z0-9._-]", "-");
    if (host.isEmpty()) {
      host = "localhost";
    }
    int room = 64 - suffix.length();
    return (host.length() > room ? host.substring(0, room) : host) + suffix;
  }
}
