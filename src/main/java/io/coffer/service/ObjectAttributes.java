package io.coffer.service;

import java.util.Map;

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

  public ObjectAttributes {
    contentType = contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType;
    headers = Map.copyOf(headers);
    userMetadata = Map.copyOf(userMetadata);
  }
}
