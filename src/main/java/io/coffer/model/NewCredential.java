package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a new credential is made of, besides its keys: for a service account its parent, expiry and
 * inline policy, and for any credential the policies attached to it and the groups it joins.
 */
public record NewCredential(
    String accessKey,
    String secretKey,
    String userName,
    @Nullable Long parentId,
    java.time.@Nullable Instant expiresAt,
    @Nullable String inlinePolicy,
    List<String> policies,
    List<String> groups) {
  public NewCredential {
    policies = List.copyOf(policies);
    groups = List.copyOf(groups);
  }

  /** A plain credential: no parent, no expiry, no policies, no groups. */
  public static NewCredential plain(String accessKey, String secretKey, String userName) {
    return new NewCredential(
        accessKey, secretKey, userName, null, null, null, List.of(), List.of());
  }
}
