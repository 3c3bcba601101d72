package io.coffer.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A delete marker: the version a delete in a versioned bucket adds, hiding the key. */
public record DeleteMarker(String bucket, String key, String versionId, Instant createdAt)
    implements KeyVersion {

  /**
   * The 404 NoSuchKey of a key this marker hides (its current version), with {@code
   * x-amz-delete-marker: true} and the marker's version ID, as S3 answers it.
   */
  public CofferException hidesKey() {
    return marked(new CofferException(ErrorCode.NO_SUCH_KEY));
  }

  /**
   * The 405 MethodNotAllowed of a request that names this marker as the version to read or lock,
   * with {@code x-amz-delete-marker: true}, the marker's version ID and its Last-Modified.
   */
  public CofferException notAllowed() {
    return marked(new CofferException(ErrorCode.METHOD_NOT_ALLOWED))
        .withHeader(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(createdAt.atOffset(ZoneOffset.UTC)));
  }

  private CofferException marked(CofferException e) {
    return e.withHeader("x-amz-delete-marker", "true").withHeader("x-amz-version-id", versionId);
  }
}
