package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of /api/v1/groups. */
public final class GroupBodies {
  private GroupBodies() {}

  /** POST: members (credential IDs) and policies (names) are optional. */
  public record CreateRequest(
      @JsonProperty("name") String name,
      @JsonProperty("members") List<Long> members,
      @JsonProperty("policies") List<String> policies) {}

  /** PUT: what is given replaces the group's members or policies. */
  public record UpdateRequest(
      @JsonProperty("members") List<Long> members,
      @JsonProperty("policies") List<String> policies) {}

  public record Group(
      @JsonProperty("name") String name,
      @JsonProperty("members") List<Long> members,
      @JsonProperty("policies") List<String> policies,
      @JsonProperty("created_at") @Nullable String createdAt) {}

  public record ListBody(@JsonProperty("groups") List<Group> groups) {}

  /** PUT /credentials/{id}/policies: the whole set of policies attached to the credential. */
  public record AttachRequest(@JsonProperty("policies") List<String> policies) {}
}
