package io.coffer.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The S3 event types Coffer reports, with AWS's names. A notification rule names them one by one or
 * by a family wildcard ({@code s3:ObjectCreated:*}); {@link #matching} turns such a pattern into
 * the set it stands for.
 */
public enum EventName {
  OBJECT_CREATED_PUT(0, "s3:ObjectCreated:Put"),
  OBJECT_CREATED_POST(1, "s3:ObjectCreated:Post"),
  OBJECT_CREATED_COPY(2, "s3:ObjectCreated:Copy"),
  OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD(3, "s3:ObjectCreated:CompleteMultipartUpload"),
  OBJECT_REMOVED_DELETE(4, "s3:ObjectRemoved:Delete"),
  OBJECT_REMOVED_DELETE_MARKER_CREATED(5, "s3:ObjectRemoved:DeleteMarkerCreated"),
  OBJECT_TAGGING_PUT(6, "s3:ObjectTagging:Put"),
  OBJECT_TAGGING_DELETE(7, "s3:ObjectTagging:Delete"),
  LIFECYCLE_EXPIRATION_DELETE(8, "s3:LifecycleExpiration:Delete"),
  LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED(9, "s3:LifecycleExpiration:DeleteMarkerCreated"),
  /** Sent to each target when a bucket's configuration is set; never matched by a rule. */
  TEST_EVENT(10, "s3:TestEvent");

  /**
   * Event types AWS defines that Coffer never produces (no restore, replication, tiering or
   * reduced-redundancy storage): a rule naming one is refused rather than accepted and never met.
   */
  public static final Set<String> UNSUPPORTED_FAMILIES =
      Set.of(
          "s3:ObjectRestore:",
          "s3:Replication:",
          "s3:IntelligentTiering",
          "s3:LifecycleTransition",
          "s3:ReducedRedundancyLostObject",
          "s3:ObjectAcl:Put");

  private final int bitIndex;
  private final String awsName;

  /**
   * @param bitIndex the type's bit in the event masks stored with each rule (notification_rules):
   *     part of the on-disk format, so fixed here rather than taken from the declaration order
   */
  EventName(int bitIndex, String awsName) {
    this.bitIndex = bitIndex;
    this.awsName = awsName;
  }

  /** The name as rules write it, {@code s3:ObjectCreated:Put}. */
  public String awsName() {
    return awsName;
  }

  /** The name as an event record's {@code eventName} has it, without {@code s3:}. */
  public String recordName() {
    return awsName.substring(3);
  }

  /** The bit of this type in a rule's event mask. */
  public long bit() {
    return 1L << bitIndex;
  }

  /** The mask of a set of types. */
  public static long mask(Set<EventName> names) {
    long mask = 0;
    for (EventName n : names) {
      mask |= n.bit();
    }
    return mask;
  }

  /**
   * What a delete of this kind becomes when it added a delete marker instead of removing a version.
   */
  public EventName asMarkerCreated() {
    return switch (this) {
      case OBJECT_REMOVED_DELETE -> OBJECT_REMOVED_DELETE_MARKER_CREATED;
      case LIFECYCLE_EXPIRATION_DELETE -> LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED;
      default -> this;
    };
  }

  /**
   * The types a rule's {@code Event} stands for: one name, or a family with {@code *} ({@code
   * s3:ObjectCreated:*}). Matching is case-sensitive, as AWS's.
   *
   * @throws IllegalArgumentException for a name that is not an event type (message says which)
   * @throws UnsupportedOperationException for an AWS event type Coffer does not produce
   */
  public static Set<EventName> matching(String pattern) {
    for (String family : UNSUPPORTED_FAMILIES) {
      if (pattern.startsWith(family)) {
        throw new UnsupportedOperationException(
            "The event " + pattern + " is not supported by this server.");
      }
    }
    EnumSet<EventName> found = EnumSet.noneOf(EventName.class);
    if (pattern.endsWith(":*")) {
      String family = pattern.substring(0, pattern.length() - 1);
      for (EventName n : values()) {
        if (n != TEST_EVENT && n.awsName.startsWith(family)) {
          found.add(n);
        }
      }
    } else {
      for (EventName n : values()) {
        if (n != TEST_EVENT && n.awsName.equals(pattern)) {
          found.add(n);
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "The event is not supported for notifications: " + pattern.toLowerCase(Locale.ROOT));
    }
    return found;
  }
}
