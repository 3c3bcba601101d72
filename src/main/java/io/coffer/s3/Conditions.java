package io.coffer.s3;

import io.coffer.model.WritePrecondition;
import io.coffer.service.ReadConditions;

/** Reads the conditional headers of reads, writes and copy sources. */
public final class Conditions {
  private Conditions() {}

  public static ReadConditions read(S3Request request) {
    return new ReadConditions(
        request.header("If-Match"),
        request.header("If-None-Match"),
        HttpDates.parseOrNull(request.header("If-Modified-Since")),
        HttpDates.parseOrNull(request.header("If-Unmodified-Since")),
        false);
  }

  public static ReadConditions copySource(S3Request request) {
    return new ReadConditions(
        request.header("x-amz-copy-source-if-match"),
        request.header("x-amz-copy-source-if-none-match"),
        HttpDates.parseOrNull(request.header("x-amz-copy-source-if-modified-since")),
        HttpDates.parseOrNull(request.header("x-amz-copy-source-if-unmodified-since")),
        true);
  }

  /** If-None-Match: * and If-Match: etag on PutObject, CopyObject and CompleteMultipartUpload. */
  public static WritePrecondition write(S3Request request) {
    String ifMatch = request.header("If-Match");
    String ifNoneMatch = request.header("If-None-Match");
    boolean noneMatchAny = ifNoneMatch != null && ifNoneMatch.trim().equals("*");
    if (ifMatch == null && !noneMatchAny) {
      return WritePrecondition.NONE;
    }
    return new WritePrecondition(ifMatch == null ? null : ifMatch.trim(), noneMatchAny);
  }
}
