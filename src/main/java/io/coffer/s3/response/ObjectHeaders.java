package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectMeta;
import io.coffer.s3.request.ObjectAttributeHeaders;
import java.util.Map;

/** Writes a stored object's attributes as response headers (both front ends answer with them). */
public final class ObjectHeaders {
  private static final String META_PREFIX = "x-amz-meta-";

  private ObjectHeaders() {}

  /** ETag, Last-Modified, content headers and user metadata of an object. */
  public static void write(HttpResponse response, ObjectMeta meta) {
    response
        .header("ETag", quoted(meta.etag()))
        .header("Last-Modified", HttpDates.rfc1123(meta.updatedAt()))
        .header("Content-Type", meta.contentType())
        .header("Accept-Ranges", "bytes");
    for (String name : ObjectAttributeHeaders.STORED) {
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
