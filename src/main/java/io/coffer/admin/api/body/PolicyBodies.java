package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of /api/v1/policies. */
public final class PolicyBodies {
  private PolicyBodies() {}

  /** POST: {@code document} is the policy as a JSON object, or a string holding it. */
  public record CreateRequest(
      @JsonProperty("name") String name, @JsonProperty("document") JsonNode document) {}

  /** PUT: the new document. */
  public record UpdateRequest(@JsonProperty("document") JsonNode document) {}

  /** What a policy is attached to. */
  public record AttachedTo(
      @JsonProperty("credentials") List<Long> credentials,
      @JsonProperty("groups") List<String> groups) {}

  /** A policy, with its document as a JSON object. */
  public record Policy(
      @JsonProperty("name") String name,
      @JsonProperty("document") JsonNode document,
      @JsonProperty("builtin") boolean builtin,
      @JsonProperty("created_at") @Nullable String createdAt,
      @JsonProperty("updated_at") @Nullable String updatedAt,
      @JsonProperty("attached_to") AttachedTo attachedTo) {}

  public record ListBody(@JsonProperty("policies") List<Policy> policies) {}
}
