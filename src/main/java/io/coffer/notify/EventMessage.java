package io.coffer.notify;

import org.jspecify.annotations.Nullable;

/**
 * One message to deliver: the AWS S3 event document ({@code {"Records":[…]}}, or the s3:TestEvent
 * document) and what targets key or label it by.
 *
 * @param body the JSON document, UTF-8
 * @param eventName the event type as records name it ({@code ObjectCreated:Put}), or {@code
 *     s3:TestEvent}
 * @param bucket the bucket
 * @param key the object key, or null (s3:TestEvent); targets that partition (Kafka) use bucket/key
 *     so the events of one key stay in order
 * @param sequencer the event's sequencer (a message ID for targets that deduplicate)
 */
public record EventMessage(
    byte[] body, String eventName, String bucket, @Nullable String key, String sequencer) {}
