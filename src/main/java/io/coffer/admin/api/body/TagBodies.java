package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the tag routes of buckets and objects. */
public final class TagBodies {
  private TagBodies() {}

  /** The tags to set, as a JSON object in the order they are to be kept; {} removes them all. */
  public record TagsRequest(@JsonProperty("tags") @Nullable Map<String, String> tags) {}

  public record BucketTags(
      @JsonProperty("bucket") String bucket, @JsonProperty("tags") Map<String, String> tags) {}

  public record ObjectTags(
      @JsonProperty("key") String key,
      @JsonProperty("version_id") String versionId,
      @JsonProperty("tags") Map<String, String> tags) {}
}
