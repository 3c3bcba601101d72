package io.coffer.model;

/**
 * An event waiting in a target's durable queue.
 *
 * @param seq its position in the outbox (increasing in commit order across all targets)
 * @param targetId the target to deliver to
 * @param configurationId the ID of the bucket's rule that matched (s3.configurationId); for
 *     s3:TestEvent, empty
 */
public record OutboxEvent(long seq, String targetId, String configurationId, ObjectEvent event) {}
