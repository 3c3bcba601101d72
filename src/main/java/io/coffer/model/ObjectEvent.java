package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change to report, as the metadata store recorded it in the change's transaction: the facts of
 * an AWS S3 event record, before rendering.
 *
 * @param key the object key (null for s3:TestEvent)
 * @param size the object's size (0 for removals and markers, as AWS reports them)
 * @param etag the object's ETag without quotes, or null (removals)
 * @param versionId the version created or removed, or the marker added; null when the bucket was
 *     never versioned
 * @param sequencer orders the events of one key: a later change of a key has a greater sequencer
 *     (fixed-width upper-case hex, compared as strings, as AWS's)
 */
public record ObjectEvent(
    EventName name,
    String bucket,
    @Nullable String key,
    long size,
    @Nullable String etag,
    @Nullable String versionId,
    String sequencer,
    Instant time,
    String requestId,
    String principalId,
    @Nullable String sourceIp) {

  /** The sequencer of a store's monotonic event counter value. */
  public static String sequencer(long value) {
    return String.format("%016X", value);
  }
}
