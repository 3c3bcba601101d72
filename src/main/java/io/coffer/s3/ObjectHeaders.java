package io.coffer.s3;

import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** Writes a stored object's attributes as response headers (both front ends answer with them). */
public final class ObjectHeaders {
  /** Headers stored with an object and returned on GET and HEAD, by their canonical names. */
  public static final List<String> STORED =
      List.of(
          "Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires");

  private static final String META_PREFIX = "x-amz-meta-";

  private ObjectHeaders() {}

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
