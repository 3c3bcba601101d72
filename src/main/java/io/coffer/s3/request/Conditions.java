package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.http.HttpDates;
import io.coffer.model.WritePrecondition;
import io.coffer.service.ReadConditions;
import java.util.ArrayList;
import java.util.List;

/** Reads the conditional headers of reads, writes and copy sources. */
final class Conditions {
  private Conditions() {}

  static ReadConditions read(Headers headers) {
    return new ReadConditions(
        headers.get("If-Match"),
        headers.get("If-None-Match"),
        HttpDates.parseOrNull(headers.get("If-Modified-Since")),
        HttpDates.parseOrNull(headers.get("If-Unmodified-Since")));
  }

  static ReadConditions copySource(Headers headers) {
    return new ReadConditions(
        headers.get("x-amz-copy-source-if-match"),
        headers.get("x-amz-copy-source-if-none-match"),
        HttpDates.parseOrNull(headers.get("x-amz-copy-source-if-modified-since")),
        HttpDates.parseOrNull(headers.get("x-amz-copy-source-if-unmodified-since")));
  }

  /**
   * If-Match and If-None-Match on PutObject, CopyObject and CompleteMultipartUpload. If-None-Match
   * is {@code *} (the key must not exist) or a list of entity tags the current version must not
   * have.
   */
  static WritePrecondition write(Headers headers) {
    String ifMatch = headers.get("If-Match");
    String ifNoneMatch = headers.get("If-None-Match");
    if (ifMatch == null && ifNoneMatch == null) {
      return WritePrecondition.NONE;
    }
    boolean noneMatchAny = false;
    List<String> noneMatchEtags = new ArrayList<>();
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        if (tag.trim().equals("*")) {
          noneMatchAny = true;
        } else if (!tag.isBlank()) {
          noneMatchEtags.add(WritePrecondition.unquote(tag));
        }
      }
    }
    return new WritePrecondition(
        ifMatch == null ? null : ifMatch.trim(), noneMatchAny, noneMatchEtags);
  }
}
