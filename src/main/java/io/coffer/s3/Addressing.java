package io.coffer.s3;

import io.coffer.s3.request.PathStyle;
import org.jspecify.annotations.Nullable;

/**
 * Finds the bucket and key of a request: from the Host header when it is {@code bucket.<domain>}
 * (virtual-hosted style, with {@code --domain}), otherwise from the path (path style).
 */
final class Addressing {
  private final @Nullable String domainSuffix;

  /**
   * @param domain the base domain for virtual-hosted-style requests, or null for path style only
   */
  Addressing(@Nullable String domain) {
    this.domainSuffix =
        domain == null || domain.isBlank() ? null : "." + domain.toLowerCase(java.util.Locale.ROOT);
  }

  /** The bucket and key; either may be null. */
  PathStyle.Target resolve(@Nullable String host, String rawPath) {
    String bucket = hostBucket(host);
    return bucket != null ? PathStyle.virtualHosted(bucket, rawPath) : PathStyle.parse(rawPath);
  }

  /** The bucket a virtual-hosted-style Host header names; null for a path-style request. */
  @Nullable String hostBucket(@Nullable String host) {
    if (domainSuffix != null && host != null) {
      String name = host.toLowerCase(java.util.Locale.ROOT);
      int colon = name.lastIndexOf(':');
      if (colon > 0 && name.indexOf(']') < colon) {
        name = name.substring(0, colon);
      }
      if (name.endsWith(domainSuffix) && name.length() > domainSuffix.length()) {
        return name.substring(0, name.length() - domainSuffix.length());
      }
    }
    return null;
  }
}
