package io.coffer.admin.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which stored content types the console may show inline, and how each is sent. Only types a
 * browser renders without running anything of the object's: no HTML, no SVG, no XML (each can carry
 * script), whatever the object claims to be. Everything else goes out as an attachment of {@code
 * application/octet-stream}.
 */
final class PreviewTypes {
  /** Images, audio and video a browser decodes itself, and PDF (the viewer is sandboxed too). */
  private static final Set<String> MEDIA =
      Set.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "image/avif",
          "image/bmp",
          "audio/mpeg",
          "audio/ogg",
          "audio/wav",
          "audio/webm",
          "audio/flac",
          "audio/aac",
          "audio/mp4",
          "video/mp4",
          "video/webm",
          "video/ogg",
          "application/pdf");

  /** Text the console shows as text: sent as text/plain, never as a type a browser interprets. */
  private static final Set<String> TEXT =
      Set.of(
          "text/plain",
          "text/csv",
          "text/markdown",
          "text/x-log",
          "application/json",
          "application/x-ndjson",
          "application/yaml",
          "text/yaml");

  /** For objects stored without a useful type (binary/octet-stream): the key's extension. */
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("txt", "text/plain"),
          Map.entry("log", "text/plain"),
          Map.entry("csv", "text/csv"),
          Map.entry("md", "text/markdown"),
          Map.entry("json", "application/json"));

  private PreviewTypes() {}

  /**
   * The Content-Type to send inline for an object of this stored type and key, or null when it must
   * not be shown inline.
   */
  static @Nullable String inlineType(@Nullable String storedType, String key) {
    String type = essence(storedType);
    if (type.isEmpty()
        || type.equals("binary/octet-stream")
        || type.equals("application/octet-stream")) {
      int dot = key.lastIndexOf('.');
      type =
          dot < 0 || dot < key.lastIndexOf('/')
              ? ""
              : BY_EXTENSION.getOrDefault(key.substring(dot + 1).toLowerCase(Locale.ROOT), "");
    }
    if (MEDIA.contains(type)) {
      return type;
    }
    if (TEXT.contains(type)) {
      return "text/plain; charset=utf-8";
    }
    return null;
  }

  /** "Text/Plain; charset=x" → "text/plain". */
  private static String essence(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
