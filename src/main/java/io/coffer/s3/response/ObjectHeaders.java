package io.coffer.s3.response;

import io.coffer.http.HttpDates;
import io.coffer.http.HttpResponse;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.s3.request.ObjectAttributeHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes a stored object's attributes as response headers (both front ends answer with them). */
public final class ObjectHeaders {
  private static final String META_PREFIX = "x-amz-meta-";
  private static final DateTimeFormatter RETAIN_UNTIL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ObjectHeaders() {}

  /** ETag, Last-Modified, content headers, user metadata and object lock of an object. */
  public static void write(HttpResponse response, ObjectMeta meta) {
    response
        .header("ETag", quoted(meta.etag()))
        .header("Last-Modified", HttpDates.rfc1123(meta.updatedAt()))
        .header("Content-Type", meta.contentType())
        .header("Accept-Ranges", "bytes");
    for (String name : ObjectAttributeHeaders.STORED) {
      response.header(name, meta.headers().get(name));
    }
    for (Map.Entry<String, String> entry : meta.userMetadata().entrySet()) {
      response.header(META_PREFIX + entry.getKey(), MetadataValues.encode(entry.getValue()));
    }
    lock(response, meta.lock());
  }

  /** x-amz-tagging-count, which S3 sends on GET and HEAD only for a version that has tags. */
  public static void tagCount(HttpResponse response, ObjectMeta meta) {
    if (!meta.tags().isEmpty()) {
      response.header("x-amz-tagging-count", meta.tags().size());
    }
  }

  /**
   * x-amz-object-lock-mode and -retain-until-date when the version has a retention, and
   * x-amz-object-lock-legal-hold: ON when it has a legal hold (the store does not tell a lifted
   * hold from none, so OFF is not sent).
   */
  static void lock(HttpResponse response, ObjectLock lock) {
    if (lock.mode() != null && lock.retainUntil() != null) {
      response
          .header("x-amz-object-lock-mode", lock.mode().name())
          .header("x-amz-object-lock-retain-until-date", RETAIN_UNTIL.format(lock.retainUntil()));
    }
    if (lock.legalHold() != null) {
      response.header("x-amz-object-lock-legal-hold", lock.legalHold().name());
    }
  }

  /**
   * x-amz-version-id, which S3 sends only for buckets that were ever versioned.
   *
   * @param everVersioned whether the object's bucket was ever versioned
   */
  public static void versionId(HttpResponse response, boolean everVersioned, String versionId) {
    if (everVersioned) {
      response.header("x-amz-version-id", versionId);
    }
  }

  /**
   * x-amz-expiration as AWS writes it: {@code expiry-date="Fri, 23 Dec 2012 00:00:00 GMT",
   * rule-id="picture-deletion-rule"}.
   */
  public static void expiration(HttpResponse response, Instant expiryDate, String ruleId) {
    response.header(
        "x-amz-expiration",
        "expiry-date=\"" + HttpDates.rfc1123(expiryDate) + "\", rule-id=\"" + ruleId + "\"");
  }

  public static String quoted(String etag) {
    return "\"" + etag + "\"";
  }
}
