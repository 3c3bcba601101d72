package io.coffer.s3.auth;

import io.coffer.model.Credential;
import java.util.Optional;

/** Looks up the credential owning an access key; the verifier asks once per signed request. */
@FunctionalInterface
public interface CredentialResolver {
  Optional<Credential> resolve(String accessKey);
}
