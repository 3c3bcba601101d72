package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v1/buckets/{bucket}/lifecycle/preview: what the next lifecycle run would do. */
public record LifecyclePreviewBody(
    @JsonProperty("rules") List<Rule> rules, @JsonProperty("complete") boolean complete) {

  /** One rule's forecast. */
  public record Rule(
      @JsonProperty("rule_id") String ruleId,
      @JsonProperty("objects") long objects,
      @JsonProperty("versions") long versions,
      @JsonProperty("delete_markers") long deleteMarkers,
      @JsonProperty("uploads") long uploads,
      @JsonProperty("example_keys") List<String> exampleKeys) {}
}
