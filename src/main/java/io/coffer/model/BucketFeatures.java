package io.coffer.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's settings of the bucket-feature family, each kept in a column of its own so that
 * concurrent changes to different settings never undo each other.
 *
 * @param tags the bucket's tag set (insertion order), empty for none
 * @param cors the CORS configuration, or null for none
 * @param lifecycle the lifecycle configuration, or null for none
 * @param quotaBytes Coffer's own hard quota on the bucket's stored bytes, or null for none
 * @param encryption the default encryption of writes without encryption headers, or null
 * @param notification the event notification configuration, or null for none
 */
public record BucketFeatures(
    Map<String, String> tags,
    @Nullable CorsConfiguration cors,
    @Nullable LifecycleConfiguration lifecycle,
    @Nullable Long quotaBytes,
    @Nullable BucketEncryption encryption,
    @Nullable NotificationConfiguration notification) {

  public static final BucketFeatures NONE =
      new BucketFeatures(Map.of(), null, null, null, null, null);

  public BucketFeatures {
    tags = Tags.copyOf(tags);
  }
}
