package io.coffer.model;

import java.util.List;

/**
 * What a policy is attached to.
 *
 * @param credentials credential IDs in ascending order
 * @param groups group names in name order
 */
public record PolicyTargets(List<Long> credentials, List<String> groups) {
  public static final PolicyTargets NONE = new PolicyTargets(List.of(), List.of());

  public PolicyTargets {
    credentials = List.copyOf(credentials);
    groups = List.copyOf(groups);
  }

  public boolean isEmpty() {
    return credentials.isEmpty() && groups.isEmpty();
  }
}
