package io.coffer.admin.console;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Which request paths may name a console file, and the content type each kind of file has. */
final class AssetPaths {
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json",
          "map", "application/json",
          "woff2", "font/woff2");

  private AssetPaths() {}

  /**
   * True for paths made of plain segments: no percent-encoding, backslashes, empty, "." or ".."
   * segments can reach outside the console's folder, and only files with a known type are served (a
   * directory has no extension, so it is never "found").
   */
  static boolean isSafe(String rawPath) {
    if (!rawPath.startsWith("/") || rawPath.length() > 200) {
      return false;
    }
    for (String segment : rawPath.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.startsWith(".") || !segment.matches("[A-Za-z0-9._-]+")) {
        return false;
      }
    }
    return contentType(rawPath) != null;
  }

  /** The Content-Type of a file by its extension, or null when it is not a console file type. */
  static @Nullable String contentType(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? CONTENT_TYPES.get(path.substring(dot + 1)) : null;
  }
}
