package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.service.ObjectAttributes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Reads what a writer says about an object from its headers: content headers and metadata. */
public final class ObjectAttributeHeaders {
  /** Headers stored with an object and returned on GET and HEAD, by their canonical names. */
  public static final List<String> STORED =
      List.of(
          "Content-Encoding",
          "Content-Disposition",
          "Content-Language",
          "Cache-Control",
          "Expires");

  private static final String META_PREFIX = "x-amz-meta-";

  /** S3's limit for user metadata: names and values together. */
  private static final int MAX_USER_METADATA = 2048;

  private ObjectAttributeHeaders() {}

  /** The attributes as sent; see {@link S3Request#storedAttributes} for Content-Encoding. */
  static ObjectAttributes parse(Headers headers) {
    Map<String, String> stored = new LinkedHashMap<>();
    for (String name : STORED) {
      String value = headers.get(name);
      if (value != null) {
        stored.put(name, value);
      }
    }
    Map<String, String> metadata = new TreeMap<>();
    int size = 0;
    for (Map.Entry<String, String> header : headers.entries()) {
      String name = header.getKey();
      if (name.regionMatches(true, 0, META_PREFIX, 0, META_PREFIX.length())) {
        String key = name.substring(META_PREFIX.length()).toLowerCase(Locale.ROOT);
        metadata.merge(key, header.getValue(), (a, b) -> a + "," + b);
        size += key.length() + header.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (size > MAX_USER_METADATA) {
      throw new CofferException(
          ErrorCode.METADATA_TOO_LARGE,
          "Your metadata headers exceed the maximum allowed metadata size.");
    }
    return new ObjectAttributes(headers.get("Content-Type"), stored, metadata);
  }

  /**
   * The Content-Encoding stored with an object: the header byte for byte, except that when the body
   * is framed as aws-chunked that token goes, as it describes this request, not the object.
   *
   * @return the value to store, or null for none
   */
  static @Nullable String storedContentEncoding(@Nullable String header, boolean awsChunkedBody) {
    if (header == null || !awsChunkedBody) {
      return header;
    }
    StringBuilder kept = new StringBuilder();
    for (String part : header.split(",", -1)) {
      if (!part.trim().equalsIgnoreCase("aws-chunked")) {
        kept.append(kept.isEmpty() ? "" : ",").append(part);
      }
    }
    String stored = kept.toString().strip();
    return stored.isEmpty() ? null : stored;
  }
}
