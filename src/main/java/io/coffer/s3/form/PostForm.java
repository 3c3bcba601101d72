package io.coffer.s3.form;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a POST upload form that precede its file, read into memory (bounded as AWS bounds
 * them), and the file part itself, still unread. Fields after the file are never read: AWS ignores
 * them.
 *
 * @param fields the values by field name in lower case (AWS treats the names case-insensitively),
 *     in form order; the first of a repeated name counts
 * @param filename the file part's file name as the browser sent it ("" for a text field named
 *     {@code file})
 * @param fileContentType the file part's own Content-Type, or null
 * @param file the file's bytes, streamed from the request body
 */
public record PostForm(
    Map<String, String> fields,
    String filename,
    @Nullable String fileContentType,
    InputStream file) {

  /** AWS's bound on the fields before the file: 20 KB. */
  public static final int MAX_PRE_DATA = 20 * 1024;

  public static PostForm read(MultipartFormReader reader) {
    Map<String, String> fields = new LinkedHashMap<>();
    long preData = 0;
    for (MultipartFormReader.Part part = reader.next(); part != null; part = reader.next()) {
      String name = part.name().toLowerCase(Locale.ROOT);
      if (name.equals("file")) {
        return new PostForm(
            Collections.unmodifiableMap(fields),
            baseName(part.filename() == null ? "" : part.filename()),
            part.contentType(),
            part.body());
      }
      byte[] value;
      try {
        value = part.body().readNBytes((int) (MAX_PRE_DATA - preData) + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      preData += value.length + name.length();
      if (preData > MAX_PRE_DATA) {
        throw new CofferException(ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED);
      }
      fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8));
    }
    throw new CofferException(ErrorCode.INCORRECT_NUMBER_OF_FILES_IN_POST_REQUEST);
  }

  /** A field's value, or null; {@code name} in lower case. */
  public @Nullable String field(String name) {
    return fields.get(name);
  }

  /**
   * Some browsers (old Internet Explorer) send the whole local path; the file name is its last
   * segment.
   */
  private static String baseName(String filename) {
    int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
    return filename.substring(slash + 1);
  }
}
