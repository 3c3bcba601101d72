package io.coffer.service;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a writer says about an object besides its bytes.
 *
 * @param headers Content-Encoding, Content-Disposition, Content-Language, Cache-Control, Expires
 *     (canonical names), as they are to be returned
 * @param userMetadata x-amz-meta-* without the prefix, lower-case names
 */
public record ObjectAttributes(
    String contentType, Map<String, String> headers, Map<String, String> userMetadata) {

  public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

  public ObjectAttributes(
      @Nullable String contentType, Map<String, String> headers, Map<String, String> userMetadata) {
    this.contentType =
        contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType;
    this.headers = Map.copyOf(headers);
    this.userMetadata = Map.copyOf(userMetadata);
  }
}
