package io.coffer.service.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a trace listener wants; every condition given must hold.
 *
 * @param method an HTTP method, exactly ("GET")
 * @param statusClass 2, 3, 4 or 5 for 2xx … 5xx, or 0 for any
 * @param bucket the bucket addressed, exactly
 * @param pathPrefix the start of the decoded request path ("/photos/2024/")
 * @param accessKeyId the signing credential's access key ID, exactly
 */
public record TraceFilter(
    @Nullable String method,
    int statusClass,
    @Nullable String bucket,
    @Nullable String pathPrefix,
    @Nullable String accessKeyId) {

  public static final TraceFilter ALL = new TraceFilter(null, 0, null, null, null);

  public TraceFilter {
    if (statusClass != 0 && (statusClass < 1 || statusClass > 5)) {
      throw new IllegalArgumentException("status class must be 1 to 5, or 0 for any");
    }
  }

  boolean matches(CompletedRequest r) {
    return (method == null || method.equals(r.method()))
        && (statusClass == 0 || r.status() / 100 == statusClass)
        && (bucket == null || bucket.equals(r.bucket()))
        && (accessKeyId == null || accessKeyId.equals(r.accessKeyId()))
        && (pathPrefix == null || decoded(r.rawPath()).startsWith(pathPrefix));
  }

  private static String decoded(String rawPath) {
    try {
      // A path's "+" is a plus, not a space.
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return rawPath;
    }
  }
}
