package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.service.TagSets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** x-amz-tagging (a URL-encoded query string of tags) and x-amz-tagging-directive. */
final class TaggingHeaders {
  private static final String DIRECTIVE = "x-amz-tagging-directive";

  private TaggingHeaders() {}

  /** The tags of x-amz-tagging, validated as an object's tag set; empty when absent. */
  static Map<String, String> parse(Headers headers) {
    String tagging = headers.get("x-amz-tagging");
    return tagging == null ? Map.of() : TagSets.parseQueryString(tagging);
  }

  /**
   * The tags a copy gets: null to copy the source's (directive COPY, the default); with REPLACE,
   * those of x-amz-tagging (none when absent). Any other directive is InvalidArgument, as AWS
   * answers.
   */
  static @Nullable Map<String, String> copyReplacement(Headers headers) {
    String directive = headers.get(DIRECTIVE);
    if (directive == null || directive.trim().equalsIgnoreCase("COPY")) {
      return null;
    }
    if (directive.trim().equalsIgnoreCase("REPLACE")) {
      return parse(headers);
    }
    throw CofferException.invalidArgument("Unknown tagging directive.", DIRECTIVE, directive);
  }
}
