package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GET and PUT /buckets/{bucket}/lifecycle: the rules of S3's lifecycle configuration, in the API's
 * JSON. The same records answer and are sent; absent fields are null.
 */
public final class LifecycleBodies {
  private LifecycleBodies() {}

  /** The configuration; GET answers no rules when the bucket has none. */
  public record Configuration(@JsonProperty("rules") List<Rule> rules) {}

  /**
   * One rule. {@code id} left out or empty is generated; {@code enabled} left out is true; {@code
   * filter} left out applies the rule to every object.
   */
  public record Rule(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("enabled") @Nullable Boolean enabled,
      @JsonProperty("filter") @Nullable Filter filter,
      @JsonProperty("expiration") @Nullable Expiration expiration,
      @JsonProperty("noncurrent_expiration") @Nullable NoncurrentExpiration noncurrentExpiration,
      @JsonProperty("abort_incomplete_upload_days") @Nullable Integer abortIncompleteUploadDays) {}

  /** All given parts must match: a key prefix, tags (all of them), a size range in bytes. */
  public record Filter(
      @JsonProperty("prefix") @Nullable String prefix,
      @JsonProperty("tags") @Nullable Map<String, String> tags,
      @JsonProperty("size_greater_than") @Nullable Long sizeGreaterThan,
      @JsonProperty("size_less_than") @Nullable Long sizeLessThan) {}

  /** Exactly one of: days after creation, a date (YYYY-MM-DD, from midnight UTC), markers. */
  public record Expiration(
      @JsonProperty("days") @Nullable Integer days,
      @JsonProperty("date") @Nullable String date,
      @JsonProperty("expired_object_delete_marker") @Nullable Boolean expiredObjectDeleteMarker) {}

  public record NoncurrentExpiration(
      @JsonProperty("noncurrent_days") @Nullable Integer noncurrentDays,
      @JsonProperty("newer_noncurrent_versions") @Nullable Integer newerNoncurrentVersions) {}
}
