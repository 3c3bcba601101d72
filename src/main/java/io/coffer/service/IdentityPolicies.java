package io.coffer.service;

import io.coffer.model.Credential;
import io.coffer.policy.PolicyDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The identity policies that apply to a credential, compiled: those attached to it and to its
 * groups (for a service account, its parent's), and a service account's inline policy.
 */
public interface IdentityPolicies {
  /** None: every credential acts on its own buckets only, as before policies existed. */
  IdentityPolicies NONE =
      new IdentityPolicies() {
        @Override
        public List<PolicyDocument> policiesOf(Credential credential) {
          return List.of();
        }

        @Override
        public @Nullable PolicyDocument sessionPolicyOf(Credential credential) {
          return null;
        }
      };

  /** The policies attached to the credential (its parent, for a service account) and its groups. */
  List<PolicyDocument> policiesOf(Credential credential);

  /** A service account's inline policy, which can only narrow its parent's rights; else null. */
  @Nullable PolicyDocument sessionPolicyOf(Credential credential);
}
