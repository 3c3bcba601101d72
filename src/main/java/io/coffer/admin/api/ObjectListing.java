package io.coffer.admin.api;

import io.coffer.admin.api.body.ObjectBodies;
import io.coffer.model.ListPage;
import io.coffer.service.ObjectService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a bucket's objects from the query's prefix, delimiter, marker and limit, so that a
 * bucket of millions of objects is never answered in one response.
 */
record ObjectListing(
    List<ObjectBodies.Summary> objects,
    @Nullable List<String> prefixes,
    @Nullable String nextMarker,
    boolean truncated) {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  private static final int MAX_PARAMETER_BYTES = 1024;

  static ObjectListing page(ObjectService objects, ApiRequest request, String bucket) {
    String prefix = bounded(request, "prefix");
    String marker = bounded(request, "marker");
    String delimiter = delimiter(request);
    int limit = request.intQuery("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    ListPage page = objects.list(request.caller(), bucket, prefix, delimiter, marker, limit);
    return new ObjectListing(
        page.objects().stream().map(Views::object).toList(),
        delimiter == null ? null : page.commonPrefixes(),
        page.truncated() ? page.lastReturned() : null,
        page.truncated());
  }

  /** The delimiter parameter: one character, or null. */
  static @Nullable String delimiter(ApiRequest request) {
    String delimiter = request.query("delimiter");
    if (delimiter != null && delimiter.isEmpty()) {
      return null;
    }
    if (delimiter != null && delimiter.codePointCount(0, delimiter.length()) != 1) {
      throw ApiException.invalid("delimiter must be a single character.");
    }
    return delimiter;
  }

  static @Nullable String bounded(ApiRequest request, String name) {
    String value = request.query(name);
    if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_PARAMETER_BYTES) {
      throw ApiException.invalid(name + " must be at most 1024 bytes long.");
    }
    return value == null || value.isEmpty() ? null : value;
  }
}
