package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * What a write tells the metadata store about the event it causes, before the store knows the
 * outcome: the store completes it into an {@link ObjectEvent} (version ID, size, ETag, sequencer; a
 * delete that adds a marker becomes {@link EventName#asMarkerCreated()}) in the transaction of the
 * change, and queues it for every notification rule of the bucket it matches.
 *
 * @param name the event type (for a delete: the plain Delete kind)
 * @param requestId the request's ID, reported as responseElements' x-amz-request-id
 * @param principalId who made the change (an access key; "anonymous"; the lifecycle's own name)
 * @param sourceIp the client's address, or null when there is none (background work)
 */
public record EventDraft(
    EventName name, String requestId, String principalId, @Nullable String sourceIp) {

  /** This draft with another event type (a copy made by a service that started as a PUT, say). */
  public EventDraft withName(EventName other) {
    return new EventDraft(other, requestId, principalId, sourceIp);
  }
}
