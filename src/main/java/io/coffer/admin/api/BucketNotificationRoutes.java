package io.coffer.admin.api;

import io.coffer.admin.api.body.NotificationBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.service.BucketService;
import io.coffer.service.notification.BucketNotificationService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's notification rules as JSON: the same configuration as S3's
 * PutBucketNotificationConfiguration, checked by the same service (target ARNs that exist, event
 * types, overlapping rules), refusals as 400 invalid_request with S3's message. A PUT of no rules
 * removes them, as an empty S3 configuration does.
 */
final class BucketNotificationRoutes {
  private static final String ARN_PREFIX = "arn:coffer:sqs::";

  private final BucketService buckets;
  private final BucketNotificationService notifications;

  BucketNotificationRoutes(BucketService buckets, BucketNotificationService notifications) {
    this.buckets = buckets;
    this.notifications = notifications;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/notification", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/notification", this::put);
  }

  private HttpResponse get(ApiRequest request) {
    String bucket = BucketRoutes.require(buckets, request).name();
    return JsonResponses.json(200, body(notifications.get(request.caller(), bucket)));
  }

  /** Replaces the rules; answers them as stored (generated IDs filled in). */
  private HttpResponse put(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.require(buckets, request).name();
    NotificationBodies.Notification body =
        request.body(NotificationBodies.Notification.class, false);
    if (body.rules() == null) {
      throw ApiException.invalid("rules is required; an empty list removes the bucket's rules.");
    }
    List<NotificationRule> rules = new ArrayList<>();
    for (NotificationBodies.Rule rule : body.rules()) {
      rules.add(rule(rule, rules.size() + 1));
    }
    notifications.put(request.caller(), bucket, new NotificationConfiguration(rules));
    return JsonResponses.json(200, body(notifications.get(request.caller(), bucket)));
  }

  private static NotificationRule rule(NotificationBodies.@Nullable Rule rule, int number) {
    if (rule == null) {
      throw ApiException.invalid("Rule " + number + " is null.");
    }
    String arn = rule.targetArn();
    if (arn == null || arn.isEmpty()) {
      throw ApiException.invalid("Rule " + number + " needs a target_arn.");
    }
    List<String> events = rule.events();
    if (events == null || events.isEmpty() || events.contains(null)) {
      throw ApiException.invalid(
          "Rule " + number + " needs events, e.g. [\"s3:ObjectCreated:*\"].");
    }
    return new NotificationRule(
        rule.id() == null ? "" : rule.id(), // the service generates an ID for a blank one
        kind(rule.kind(), number),
        arn,
        targetId(arn),
        events,
        rule.prefix() == null ? "" : rule.prefix(),
        rule.suffix() == null ? "" : rule.suffix());
  }

  private static NotificationRule.Kind kind(@Nullable String kind, int number) {
    if (kind == null || kind.equals("queue")) {
      return NotificationRule.Kind.QUEUE;
    }
    if (kind.equals("topic")) {
      return NotificationRule.Kind.TOPIC;
    }
    throw ApiException.invalid(
        "Rule " + number + ": kind is \"queue\" (the default) or \"topic\".");
  }

  /**
   * The target ID an ARN {@code arn:coffer:sqs::<id>:<type>} names, or "" when it has not that form
   * (the service then refuses it as S3 refuses an unknown destination).
   */
  private static String targetId(String arn) {
    if (!arn.startsWith(ARN_PREFIX)) {
      return "";
    }
    String rest = arn.substring(ARN_PREFIX.length());
    int colon = rest.lastIndexOf(':');
    return colon <= 0 ? "" : rest.substring(0, colon);
  }

  private static NotificationBodies.Notification body(NotificationConfiguration configuration) {
    return new NotificationBodies.Notification(
        configuration.rules().stream()
            .map(
                r ->
                    new NotificationBodies.Rule(
                        r.id(),
                        r.kind().name().toLowerCase(Locale.ROOT),
                        r.targetArn(),
                        r.events(),
                        r.prefix(),
                        r.suffix()))
            .toList());
  }
}
