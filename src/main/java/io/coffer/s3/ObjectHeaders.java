package io.coffer.s3;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.service.ObjectAttributes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Maps object attributes between HTTP headers and the stored form. */
public final class ObjectHeaders {
  /** Headers stored with an object and returned on GET and HEAD, by their canonical names. */
  static final String[] STORED =
      {"Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires"};

  private static final String META_PREFIX = "x-amz-meta-";
  /** S3's limit for user metadata: names and values together. */
  private static final int MAX_USER_METADATA = 2048;

  private ObjectHeaders() {}

  public static ObjectAttributes fromRequest(S3Request request) {
    Map<String, String> stored = new LinkedHashMap<>();
    for (String name : STORED) {
      String value = request.header(name);
      if (name.equals("Content-Encoding")) {
        value = storedContentEncoding(value, request.auth().payloadMode().isStreaming());
      }
      if (value != null) {
        stored.put(name, value);
      }
    }
    Map<String, String> metadata = new TreeMap<>();
    int size = 0;
    for (Map.Entry<String, String> header : request.http().headers().entries()) {
      String name = header.getKey();
      if (name.regionMatches(true, 0, META_PREFIX, 0, META_PREFIX.length())) {
        String key = name.substring(META_PREFIX.length()).toLowerCase(Locale.ROOT);
        metadata.merge(key, header.getValue(), (a, b) -> a + "," + b);
        size += key.length() + header.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (size > MAX_USER_METADATA) {
      throw new CofferException(
          ErrorCode.METADATA_TOO_LARGE, "Your metadata headers exceed the maximum allowed metadata size.");
    }
    return new ObjectAttributes(request.header("Content-Type"), stored, metadata);
  }

  /**
   * The Content-Encoding stored with an object: the header byte for byte, except that when the body
   * is framed as aws-chunked that token goes, as it describes this request, not the object.
   *
   * @return the value to store, or null for none
   */
  static @Nullable String storedContentEncoding(String header, boolean awsChunkedBody) {
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

  /** ETag, Last-Modified, content headers and user metadata of an object. */
  public static void write(HttpResponse response, ObjectMeta meta) {
    response
        .header("ETag", quoted(meta.etag()))
        .header("Last-Modified", HttpDates.rfc1123(meta.updatedAt()))
        .header("Content-Type", meta.contentType())
        .header("Accept-Ranges", "bytes");
    for (String name : STORED) {
      response.header(name, meta.headers().get(name));
    }
    for (Map.Entry<String, String> entry : meta.userMetadata().entrySet()) {
      response.header(META_PREFIX + entry.getKey(), MetadataValues.encode(entry.getValue()));
    }
  }

  public static String quoted(String etag) {
    return "\"" + etag + "\"";
  }
}
