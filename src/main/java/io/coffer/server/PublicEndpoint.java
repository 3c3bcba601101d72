package io.coffer.server;

import io.coffer.config.ServerConfig;
import java.net.URI;
import java.util.Locale;

/** The S3 endpoint clients are told of (presigned URLs, the console's links). */
public final class PublicEndpoint {
  private PublicEndpoint() {}

  /**
   * Where clients reach the S3 API: --public-url when given (default ports left out, as clients
   * leave them out of the Host header they sign), else the S3 address with its bound port, a
   * wildcard address (0.0.0.0, ::) becoming 127.0.0.1.
   */
  static String of(ServerConfig config, String scheme, int boundPort) {
    if (config.publicUrl() != null) {
      return normalise(config.publicUrl());
    }
    String host = config.s3Address().host();
    if (host == null
        || host.isEmpty()
        || host.equals("0.0.0.0")
        || host.equals("::")
        || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + ":" + boundPort;
  }

  /** --public-url as scheme://host[:port], refused unless it is an http(s) origin. */
  public static String normalise(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean rootPath =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || !rootPath
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "--public-url must be http(s)://host[:port] without a path, query or fragment: " + url);
    }
    boolean defaultPort =
        uri.getPort() == -1
            || (scheme.equals("http") && uri.getPort() == 80)
            || (scheme.equals("https") && uri.getPort() == 443);
    return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
  }
}
