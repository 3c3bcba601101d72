package io.coffer.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A bucket's notification configuration (PutBucketNotificationConfiguration): its rules. */
public record NotificationConfiguration(List<NotificationRule> rules) {
  public NotificationConfiguration {
    rules = List.copyOf(rules);
  }

  /** The IDs of the targets the rules name, each once, in rule order. */
  public Set<String> targetIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (NotificationRule r : rules) {
      ids.add(r.targetId());
    }
    return ids;
  }
}
