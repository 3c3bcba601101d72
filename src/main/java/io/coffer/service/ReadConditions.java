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
 * If-Modified-Since (only without If-None-Match) answer 304.
 *
 * @param notModifiedFails whether conditions that would answer 304 fail with 412 instead (the
 *     copy-source conditions of CopyObject)
 */
public record ReadConditions(
    @Nullable String ifMatch,
    @Nullable String ifNoneMatch,
    @Nullable Instant ifModifiedSince,
    @Nullable Instant ifUnmodifiedSince,
    boolean notModifiedFails) {

  public static final ReadConditions NONE = new ReadConditions(null, null, null, null, false);

  public void check(ObjectMeta object) {
    // HTTP dates have whole seconds.
    Instant modified = object.updatedAt().truncatedTo(ChronoUnit.SECONDS);
    if (ifMatch != null) {
      if (!etagMatches(ifMatch, object.etag())) {
        throw new CofferException(ErrorCode.PRECONDITION_FAILED);
      }
    } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
      throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    }
    ErrorCode notModified = notModifiedFails ? ErrorCode.PRECONDITION_FAILED : ErrorCode.NOT_MODIFIED;
    if (ifNoneMatch != null) {
      if (etagMatches(ifNoneMatch, object.etag())) {
        throw new CofferException(notModified);
      }
    } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
      throw new CofferException(notModified);
    }
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
