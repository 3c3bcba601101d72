package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** GET and PUT /buckets/{bucket}/cors: a bucket's CORS rules, in the order they are evaluated. */
public final class CorsBodies {
  private CorsBodies() {}

  /**
   * One rule, as S3's CORSRule: the first rule whose origins, methods and allowed headers all admit
   * a browser's request decides.
   */
  public record Rule(
      @JsonProperty("id") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String id,
      @JsonProperty("allowed_origins") @Nullable List<String> allowedOrigins,
      @JsonProperty("allowed_methods") @Nullable List<String> allowedMethods,
      @JsonProperty("allowed_headers") @Nullable List<String> allowedHeaders,
      @JsonProperty("expose_headers") @Nullable List<String> exposeHeaders,
      @JsonProperty("max_age_seconds") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Integer maxAgeSeconds) {}

  /** The configuration; {@code rules} is empty when the bucket has none. */
  public record Cors(@JsonProperty("rules") @Nullable List<Rule> rules) {}
}
