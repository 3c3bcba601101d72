package io.coffer.s3.request;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parser's rule for MinIO's ListenBucketNotification ({@code GET /bucket?events=…}), the live
 * event stream {@code mc watch} reads: event types as bucket notification rules name them (the
 * parameter repeats), at most one prefix and one suffix, and {@code ping} (seconds between empty
 * records) as MinIO takes them.
 */
final class NotificationOperations {
  /** The longest prefix or suffix filter, as AWS allows in a rule's FilterRule. */
  private static final int MAX_FILTER = 1024;

  private NotificationOperations() {}

  /** ListenBucketNotification, or null when the request is not one. */
  static @Nullable ParsedRequest listen(String method, String bucket, Query query) {
    if (!method.equals("GET") || !query.has("events")) {
      return null;
    }
    return ParsedRequest.of(
        S3Operation.ListenBucketNotification.class, () -> listenOperation(bucket, query));
  }

  private static S3Operation listenOperation(String bucket, Query query) {
    Set<EventName> events = EnumSet.noneOf(EventName.class);
    for (String pattern : query.values("events")) {
      events.addAll(eventTypes(pattern));
    }
    return new S3Operation.ListenBucketNotification(
        bucket, events, filter(query, "prefix"), filter(query, "suffix"), ping(query));
  }

  /** The types a pattern names; MinIO's types Coffer never produces are refused, not ignored. */
  private static Set<EventName> eventTypes(String pattern) {
    if (pattern.startsWith("s3:ObjectAccessed:")) {
      throw new CofferException(
          ErrorCode.NOT_IMPLEMENTED,
          "The event "
              + pattern
              + " is not supported by this server: Coffer reports changes only.");
    }
    try {
      return EventName.matching(pattern);
    } catch (UnsupportedOperationException e) {
      throw new CofferException(
          ErrorCode.NOT_IMPLEMENTED, "The event " + pattern + " is not supported by this server.");
    } catch (IllegalArgumentException e) {
      throw CofferException.invalidArgument(
          "The event is not supported for notifications: " + pattern, "events", pattern);
    }
  }

  private static String filter(Query query, String name) {
    List<String> values = query.values(name);
    if (values.size() > 1) {
      throw CofferException.invalidArgument(
          "Cannot specify more than one " + name + " rule in a filter.", name, values.get(1));
    }
    String value = values.isEmpty() ? "" : values.get(0);
    if (value.length() > MAX_FILTER) {
      throw CofferException.invalidArgument(
          "The " + name + " filter is longer than " + MAX_FILTER + " characters.", name, value);
    }
    return value;
  }

  /** Seconds between MinIO's empty-record pings, or null for its half-second blank keep-alive. */
  private static @Nullable Integer ping(Query query) {
    String value = query.get("ping");
    if (value == null) {
      return null;
    }
    OptionalInt seconds = DecimalParam.parse(value, 1, 3600);
    if (seconds.isEmpty()) {
      throw CofferException.invalidArgument(
          "ping must be a whole number of seconds from 1 to 3600.", "ping", value);
    }
    return seconds.getAsInt();
  }
}
