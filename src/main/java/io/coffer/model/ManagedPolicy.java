package io.coffer.model;

import java.time.Instant;
import java.util.Set;

/**
 * A named identity policy, attached to credentials and groups by name.
 *
 * @param document the policy JSON as it was stored
 */
public record ManagedPolicy(String name, String document, Instant createdAt, Instant updatedAt) {
  /**
   * The built-in policies' names: they always exist (the service defines their documents), so they
   * can be attached, but no stored policy may take their name.
   */
  public static final Set<String> BUILT_IN_NAMES =
      Set.of("readonly", "readwrite", "writeonly", "admin");
}
