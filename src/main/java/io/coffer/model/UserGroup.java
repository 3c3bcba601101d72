package io.coffer.model;

import java.time.Instant;
import java.util.List;

/**
 * A group of credentials sharing the policies attached to it.
 *
 * @param members credential IDs in ascending order
 * @param policies policy names in name order
 */
public record UserGroup(String name, List<Long> members, List<String> policies, Instant createdAt) {
  public UserGroup {
    members = List.copyOf(members);
    policies = List.copyOf(policies);
  }
}
