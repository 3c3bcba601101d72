package io.coffer.meta.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is: a {@code postgresql://user:password@host:port/db?param=value} URL (libpq's
 * form) or a {@code jdbc:postgresql:} URL, turned into a JDBC URL with the user and password kept
 * apart, so that the password is never part of a string that could be logged.
 */
record PostgresUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {

  static PostgresUrl parse(String url, @Nullable String passwordFromEnvironment) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresUrl(url, null, passwordFromEnvironment);
    }
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "a PostgreSQL URL starts with postgresql:// or jdbc:postgresql:");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid PostgreSQL URL: " + e.getReason());
    }
    String user = null;
    String password = passwordFromEnvironment;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1));
      }
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("a PostgreSQL URL names a host");
    }
    String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new PostgresUrl("jdbc:postgresql://" + host + path + query, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Never the password. */
  @Override
  public String toString() {
    return jdbcUrl + (user == null ? "" : " as " + user);
  }
}
