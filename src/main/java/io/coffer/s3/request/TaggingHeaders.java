package io.coffer.s3.request;

import io.coffer.http.Headers;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** x-amz-tagging (a URL-encoded query string of tags) and x-amz-tagging-directive. */
final class TaggingHeaders {
  private TaggingHeaders() {}

  /** The tags of x-amz-tagging, empty when absent. */
  static Map<String, String> parse(Headers headers) {
    return Map.of();
  }

  /** The tags a copy gets: null to copy the source's (directive COPY, the default). */
  static @Nullable Map<String, String> copyReplacement(Headers headers) {
    return null;
  }
}
