package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Conditional GET/HEAD headers, evaluated in the precedence AWS documents: If-Match, then
 * If-Unmodified-Since (only without If-Match) fail with 412; then If-None-Match, then
 * If-Modified-Since (only without If-None-Match) answer 304. The same headers of a copy source fail
 * with 412 where a GET answers 304 (see {@link CopyService}).
 */
public record ReadConditions(
    @Nullable String ifMatch,
    @Nullable String ifNoneMatch,
    @Nullable Instant ifModifiedSince,
    @Nullable Instant ifUnmodifiedSince) {

  public static final ReadConditions NONE = new ReadConditions(null, null, null, null);

  /**
   * Fails with PRECONDITION_FAILED when the object does not meet If-Match or If-Unmodified-Since.
   *
   * @return whether the answer is 304 Not Modified instead of the object
   */
  boolean notModified(ObjectMeta object) {
    // HTTP dates have whole seconds.
    Instant modified = object.updatedAt().truncatedTo(ChronoUnit.SECONDS);
    if (ifMatch != null) {
      if (!etagMatches(ifMatch, object.etag())) {
        throw new CofferException(ErrorCode.PRECONDITION_FAILED);
      }
    } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
      throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    }
    if (ifNoneMatch != null) {
      return etagMatches(ifNoneMatch, object.etag());
    }
    return ifModifiedSince != null && !modified.isAfter(ifModifiedSince);
  }

  /** Whether a header's list of entity tags (or "*") names this ETag. */
  static boolean etagMatches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || unquote(tag).equals(unquote(etag))) {
        return true;
      }
    }
    return false;
  }

  static String unquote(String tag) {
    return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
        ? tag.substring(1, tag.length() - 1)
        : tag;
  }
}
