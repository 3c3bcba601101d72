package io.coffer.admin.api;

import io.coffer.admin.api.body.NotificationBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.admin.json.StrictJson;
import io.coffer.http.HttpResponse;
import io.coffer.service.notification.NotificationTargetService;
import io.coffer.service.notification.NotificationTargetView;
import io.coffer.service.notification.TargetStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * /api/v1/notification-targets: where bucket events are delivered. Answers show each target's
 * configuration without its secrets, its ARN (what bucket configurations name) and how delivery is
 * going.
 */
final class NotificationTargetRoutes {
  private final NotificationTargetService targets;

  NotificationTargetRoutes(NotificationTargetService targets) {
    this.targets = targets;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/notification-targets", this::list)
        .add("POST", "/api/v1/notification-targets", this::create)
        .add("GET", "/api/v1/notification-targets/{id}", this::get)
        .add("PUT", "/api/v1/notification-targets/{id}", this::update)
        .add("DELETE", "/api/v1/notification-targets/{id}", this::delete);
  }

  private HttpResponse list(ApiRequest request) {
    return JsonResponses.json(
        200,
        new NotificationBodies.TargetList(
            targets.list(request.caller()).stream().map(NotificationTargetRoutes::body).toList()));
  }

  private HttpResponse get(ApiRequest request) {
    return JsonResponses.json(200, body(targets.get(request.caller(), request.param("id"))));
  }

  private HttpResponse create(ApiRequest request) throws IOException {
    NotificationBodies.CreateTarget body =
        request.body(NotificationBodies.CreateTarget.class, false);
    String id = required(body.id(), "id");
    String type = required(body.type(), "type");
    String config = config(body.config());
    return JsonResponses.json(201, body(targets.create(request.caller(), id, type, config)));
  }

  private HttpResponse update(ApiRequest request) throws IOException {
    String id = request.param("id");
    NotificationBodies.UpdateTarget body =
        request.body(NotificationBodies.UpdateTarget.class, false);
    String config = config(body.config());
    NotificationTargetView current = targets.get(request.caller(), id);
    if (body.type() != null && !body.type().equals(current.type().wireName())) {
      throw ApiException.invalid(
          "A target's type cannot change (its ARN names it): "
              + id
              + " is a "
              + current.type().wireName()
              + " target; create another target instead.");
    }
    return JsonResponses.json(200, body(targets.update(request.caller(), id, config)));
  }

  private HttpResponse delete(ApiRequest request) {
    targets.delete(request.caller(), request.param("id"));
    return JsonResponses.done();
  }

  private static String required(@Nullable String value, String field) {
    if (value == null || value.isEmpty()) {
      throw ApiException.invalid(field + " is required.");
    }
    return value;
  }

  /** The config object's text; its fields are checked by the target type. */
  private static String config(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw ApiException.invalid("config is required: a JSON object of the type's fields.");
    }
    if (!node.isObject()) {
      throw ApiException.invalid("config must be a JSON object of the type's fields.");
    }
    return new String(StrictJson.write(node), StandardCharsets.UTF_8);
  }

  private static NotificationBodies.Target body(NotificationTargetView target) {
    TargetStatus status = target.status();
    return new NotificationBodies.Target(
        target.id(),
        target.type().wireName(),
        target.arn(),
        StrictJson.read(target.config(), JsonNode.class),
        Objects.requireNonNull(Formats.time(target.createdAt())),
        new NotificationBodies.Status(
            status.state(),
            status.lastError(),
            Formats.time(status.lastErrorAt()),
            status.queued(),
            status.delivered(),
            status.failedAttempts(),
            status.dropped(),
            Formats.time(status.oldestQueued())),
        target.buckets());
  }
}
