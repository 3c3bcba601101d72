package io.coffer.s3.request;

import org.jspecify.annotations.Nullable;

/** Splits a request path into bucket and key, decoding both; "//" and ".." stay in keys. */
public final class PathStyle {
  private PathStyle() {}

  /** The addressed bucket and key; null where absent. */
  public record Target(@Nullable String bucket, @Nullable String key) {}

  /** {@code /bucket/key}: the first segment is the bucket, everything after its slash the key. */
  public static Target parse(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (path.isEmpty()) {
      return new Target(null, null);
    }
    int slash = path.indexOf('/');
    if (slash < 0) {
      return new Target(RequestUri.decodePath(path), null);
    }
    String bucket = RequestUri.decodePath(path.substring(0, slash));
    String key = path.substring(slash + 1);
    return new Target(bucket, key.isEmpty() ? null : RequestUri.decodePath(key));
  }

  /** The bucket came from the Host header; the whole path is the key. */
  public static Target virtualHosted(String bucket, String rawPath) {
    String key = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    return new Target(bucket, key.isEmpty() ? null : RequestUri.decodePath(key));
  }
}
