package io.coffer.s3;

import io.coffer.http.HttpDates;
import io.coffer.model.WritePrecondition;
import io.coffer.service.ReadConditions;
import java.util.ArrayList;
import java.util.List;

/** Reads the conditional headers of reads, writes and copy sources. */
public final class Conditions {
  private Conditions() {}

  public static ReadConditions read(S3Request request) {
    return new ReadConditions(
        request.header("If-Match"),
        request.header("If-None-Match"),
        HttpDates.parseOrNull(request.header("If-Modified-Since")),
        HttpDates.parseOrNull(request.header("If-Unmodified-Since")));
  }

  public static ReadConditions copySource(S3Request request) {
    return new ReadConditions(
        request.header("x-amz-copy-source-if-match"),
        request.header("x-amz-copy-source-if-none-match"),
        HttpDates.parseOrNull(request.header("x-amz-copy-source-if-modified-since")),
        HttpDates.parseOrNull(request.header("x-amz-copy-source-if-unmodified-since")));
  }

  /**
   * If-Match and If-None-Match on PutObject, CopyObject and CompleteMultipartUpload. If-None-Match
   * is {@code *} (the key must not exist) or a list of entity tags the current version must not
   * have.
   */
  public static WritePrecondition write(S3Request request) {
    String ifMatch = request.header("If-Match");
    String ifNoneMatch = request.header("If-None-Match");
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
    return new WritePrecondition(ifMatch == null ? null : ifMatch.trim(), noneMatchAny, noneMatchEtags);
  }
}
