package io.coffer.service;

import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.RequestIds;

/**
 * The event a write reports, as the service knows it before the store completes it: who made the
 * change, from where, in which request. Every write path of the services passes one to the store,
 * which queues it for the bucket's matching notification rules (or drops it when none match).
 */
public final class EventDrafts {
  /**
   * The principal of changes no client asked for (lifecycle expiration), as AWS reports its own
   * ("s3.amazonaws.com") for them.
   */
  public static final String LIFECYCLE_PRINCIPAL = "coffer-lifecycle";

  /** The principal reported for the management API's key. */
  public static final String ADMIN_PRINCIPAL = "admin";

  /** The principal reported for a request without a signature. */
  public static final String ANONYMOUS_PRINCIPAL = "anonymous";

  private EventDrafts() {}

  /**
   * The event {@code caller}'s request causes: its request ID (a fresh one when the request has
   * none, as the management API's), the caller's access key ({@code anonymous}, {@code admin}) and
   * the client's address.
   */
  public static EventDraft of(Caller caller, EventName name) {
    RequestContext context = caller.context();
    String requestId = context.requestId();
    return new EventDraft(
        name,
        requestId != null ? requestId : RequestIds.random(),
        principal(caller),
        context.sourceIp());
  }

  /** An expiration by a bucket's lifecycle rules: no request, no client. */
  public static EventDraft lifecycle(EventName name) {
    return new EventDraft(name, RequestIds.random(), LIFECYCLE_PRINCIPAL, null);
  }

  /** Who an event's userIdentity.principalId names. */
  static String principal(Caller caller) {
    return switch (caller) {
      case Caller.User user -> user.credential().accessKey();
      case Caller.Anonymous anonymous -> ANONYMOUS_PRINCIPAL;
      case Caller.Admin admin -> ADMIN_PRINCIPAL;
    };
  }
}
