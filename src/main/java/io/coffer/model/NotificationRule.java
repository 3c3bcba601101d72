package io.coffer.model;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of a bucket's notification configuration: events of these types, on keys with this
 * prefix and suffix, go to this target.
 *
 * @param id the rule's ID (s3.configurationId of its events); generated when the request has none
 * @param kind how the request named the destination (QueueConfiguration or TopicConfiguration),
 *     kept so GetBucketNotificationConfiguration answers what was put
 * @param targetArn the destination as given, {@code arn:coffer:sqs::<id>:<type>}
 * @param targetId the target's ID (from the ARN)
 * @param events the Event values as given ({@code s3:ObjectCreated:*}, ...)
 * @param prefix the key prefix filter ("" for none)
 * @param suffix the key suffix filter ("" for none)
 */
public record NotificationRule(
    String id,
    Kind kind,
    String targetArn,
    String targetId,
    List<String> events,
    String prefix,
    String suffix) {

  public enum Kind {
    QUEUE,
    TOPIC
  }

  public NotificationRule {
    events = List.copyOf(events);
  }

  /** The event types this rule stands for (its patterns expanded). */
  public Set<EventName> eventNames() {
    EnumSet<EventName> all = EnumSet.noneOf(EventName.class);
    for (String e : events) {
      all.addAll(EventName.matching(e));
    }
    return all;
  }

  /** Whether an event of this type on this key goes to the rule's target. */
  public boolean matches(EventName name, String key) {
    return eventNames().contains(name) && key.startsWith(prefix) && key.endsWith(suffix);
  }

  /** The prefix as the bytes keys are compared by. */
  public byte[] prefixBytes() {
    return prefix.getBytes(StandardCharsets.UTF_8);
  }

  /** The suffix as the bytes keys are compared by. */
  public byte[] suffixBytes() {
    return suffix.getBytes(StandardCharsets.UTF_8);
  }
}
