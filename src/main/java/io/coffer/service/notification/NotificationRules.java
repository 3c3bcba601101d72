package io.coffer.service.notification;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks a bucket's notification rules as S3 checks PutBucketNotificationConfiguration, and makes
 * them what the store keeps: each with an ID (generated when absent) and its target's ID (from the
 * ARN). The errors are AWS's, InvalidArgument for all of them but event types Coffer never produces
 * (restore, replication, ...), which are NotImplemented rather than accepted and never met.
 */
final class NotificationRules {
  /** AWS's limit on a filter rule's value. */
  static final int MAX_FILTER_VALUE_BYTES = 1024;

  /**
   * The most characters an ID may have: it is repeated in every event record (s3.configurationId),
   * so an unbounded one is refused rather than stored.
   */
  static final int MAX_ID_LENGTH = 255;

  static final String UNABLE_TO_VALIDATE =
      "Unable to validate the following destination configurations";
  static final String OVERLAP =
      "Configurations overlap. Configurations on the same bucket cannot share a common event type.";

  private NotificationRules() {}

  /**
   * The configuration as stored: IDs generated, target IDs resolved.
   *
   * @param targets the target of an ID, empty when there is none
   * @throws CofferException INVALID_ARGUMENT (an unknown event, a filter value too long, a repeated
   *     ID, overlapping rules, a destination that does not exist) or NOT_IMPLEMENTED (an AWS event
   *     type Coffer does not produce)
   */
  static NotificationConfiguration validate(
      NotificationConfiguration configuration,
      Function<String, Optional<NotificationTarget>> targets) {
    List<NotificationRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (NotificationRule rule : configuration.rules()) {
      requireEvents(rule.events());
      requireFilterValue(rule.prefix());
      requireFilterValue(rule.suffix());
      String id = rule.id().isEmpty() ? UUID.randomUUID().toString() : rule.id();
      if (id.length() > MAX_ID_LENGTH) {
        throw CofferException.invalidArgument(
            "The ID of a notification configuration is longer than " + MAX_ID_LENGTH + ".",
            "Id",
            id);
      }
      if (!ids.add(id)) {
        throw CofferException.invalidArgument(
            "Same ID used for multiple configurations.", "Id", id);
      }
      rules.add(
          new NotificationRule(
              id,
              rule.kind(),
              rule.targetArn(),
              targetIdOf(rule.targetArn()).orElse(""),
              rule.events(),
              rule.prefix(),
              rule.suffix()));
    }
    requireNoOverlap(rules);
    requireDestinations(rules, targets);
    return new NotificationConfiguration(rules);
  }

  private static void requireEvents(List<String> events) {
    if (events.isEmpty()) {
      throw CofferException.invalidArgument(
          "A notification configuration must name at least one event.", "Event", null);
    }
    for (String event : events) {
      try {
        EventName.matching(event);
      } catch (UnsupportedOperationException e) {
        throw new CofferException(
            ErrorCode.NOT_IMPLEMENTED,
            "The event " + event + " is not implemented by Coffer: it never happens here.");
      } catch (IllegalArgumentException e) {
        throw CofferException.invalidArgument(
            "The event is not supported for notifications", "Event", event);
      }
    }
  }

  private static void requireFilterValue(String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_FILTER_VALUE_BYTES) {
      throw CofferException.invalidArgument(
          "Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation",
          "FilterRule",
          null);
    }
  }

  /**
   * S3 refuses two rules that could both match one event: a common event type, and key filters some
   * key passes both of (one prefix starts the other, one suffix ends the other; an empty filter
   * passes every key). Each event thus goes to at most one target per bucket.
   */
  static void requireNoOverlap(List<NotificationRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      NotificationRule a = rules.get(i);
      for (int j = i + 1; j < rules.size(); j++) {
        NotificationRule b = rules.get(j);
        if (overlap(a, b)) {
          throw CofferException.invalidArgument(OVERLAP, "Event", null);
        }
      }
    }
  }

  static boolean overlap(NotificationRule a, NotificationRule b) {
    Set<EventName> common = a.eventNames();
    common.retainAll(b.eventNames());
    return !common.isEmpty()
        && (a.prefix().startsWith(b.prefix()) || b.prefix().startsWith(a.prefix()))
        && (a.suffix().endsWith(b.suffix()) || b.suffix().endsWith(a.suffix()));
  }

  /**
   * Every ARN must name a target that exists, of the type the ARN says; as AWS, the error lists
   * each destination it could not validate (ArgumentName1, ArgumentValue1, ...).
   */
  private static void requireDestinations(
      List<NotificationRule> rules, Function<String, Optional<NotificationTarget>> targets) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (NotificationRule rule : rules) {
      String problem = destinationProblem(rule, targets);
      if (problem != null) {
        failed.putIfAbsent(rule.targetArn(), problem);
      }
    }
    if (failed.isEmpty()) {
      return;
    }
    CofferException e = new CofferException(ErrorCode.INVALID_ARGUMENT, UNABLE_TO_VALIDATE);
    int n = 1;
    for (Map.Entry<String, String> f : failed.entrySet()) {
      e.with("ArgumentName" + n, f.getKey()).with("ArgumentValue" + n, f.getValue());
      n++;
    }
    throw e;
  }

  private static @Nullable String destinationProblem(
      NotificationRule rule, Function<String, Optional<NotificationTarget>> targets) {
    if (rule.targetId().isEmpty()) {
      return "Not a notification target's ARN (arn:coffer:sqs::<id>:<type>)";
    }
    Optional<NotificationTarget> target = targets.apply(rule.targetId());
    if (target.isEmpty() || !target.get().arn().equals(rule.targetArn())) {
      return "No such notification target";
    }
    return null;
  }

  /** The target ID an ARN {@code arn:coffer:sqs::<id>:<type>} names, empty when it names none. */
  static Optional<String> targetIdOf(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length != 6
        || !parts[0].equals("arn")
        || !parts[1].equals("coffer")
        || !parts[2].equals("sqs")
        || !parts[3].isEmpty()
        || parts[4].isEmpty()
        || TargetType.fromWireName(parts[5]).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[4]);
  }
}
