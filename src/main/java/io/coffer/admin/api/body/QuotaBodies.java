package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/buckets/{bucket}/quota. */
public final class QuotaBodies {
  private QuotaBodies() {}

  /** PUT: the quota in bytes; an explicit null removes it (the field is required). */
  public record QuotaRequest(
      @JsonProperty(value = "quota_bytes", required = true) @Nullable Long quotaBytes) {}

  /** A bucket's quota with the usage it is counted against. */
  public record QuotaBody(
      @JsonProperty("name") String name,
      @JsonProperty("quota_bytes") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Long quotaBytes,
      @JsonProperty("object_count") long objectCount,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("total_size_human") String totalSizeHuman) {}
}
