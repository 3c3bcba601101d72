package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * S3 credentials. Lookups by access key are cached, since every signed request makes one; every
 * change goes through here and drops the cached entry, so a deactivation applies to the very next
 * request.
 */
public final class CredentialService {
  private final MetadataStore store;
  private final Clock clock;
  private final ConcurrentHashMap<String, Optional<Credential>> byAccessKey =
      new ConcurrentHashMap<>();

  public CredentialService(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Creates a credential; keys not given are generated. */
  public Credential create(
      String userName, @Nullable String accessKey, @Nullable String secretKey) {
    String access =
        accessKey == null || accessKey.isEmpty() ? SecretGenerator.accessKey() : accessKey;
    String secret =
        secretKey == null || secretKey.isEmpty() ? SecretGenerator.secretKey() : secretKey;
    if (access.length() < 3
        || access.length() > 128
        || !access.chars().allMatch(c -> c > 32 && c < 127 && c != '/')) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "access_key must be 3 to 128 printable ASCII characters without spaces or '/'.");
    }
    if (secret.length() < 8 || secret.length() > 128) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "secret_key must be 8 to 128 characters long.");
    }
    String name = userName == null || userName.isBlank() ? access : userName;
    byAccessKey.remove(access);
    return store.createCredential(access, secret, name, clock.instant());
  }

  /** The credential for a signed request; active or not (the caller decides). */
  public Optional<Credential> findByAccessKey(String accessKey) {
    return byAccessKey.computeIfAbsent(accessKey, store::findCredentialByAccessKey);
  }

  public Credential get(long id) {
    return store
        .findCredential(id)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.NO_SUCH_CREDENTIAL, "Credential " + id + " does not exist."));
  }

  public Optional<Credential> find(long id) {
    return store.findCredential(id);
  }

  public List<Credential> list() {
    return store.listCredentials();
  }

  public Credential update(long id, String userName, Boolean active) {
    Credential updated = store.updateCredential(id, userName, active);
    byAccessKey.remove(updated.accessKey());
    if (Boolean.FALSE.equals(active)) {
      store.revokePresignedUrlsOf(id);
    }
    return updated;
  }

  public void delete(long id) {
    Credential existing = get(id);
    store.deleteCredential(id);
    byAccessKey.remove(existing.accessKey());
  }

  /**
   * Makes sure the credential given at start-up (COFFER_ACCESS_KEY and COFFER_SECRET_KEY) exists,
   * is active and has this secret: the environment is the source of truth, so changing the secret
   * there rotates it, and the credential keeps its ID and its buckets.
   */
  public Credential ensure(String accessKey, String secretKey, String userName) {
    Optional<Credential> existing = store.findCredentialByAccessKey(accessKey);
    if (existing.isEmpty()) {
      return create(userName, accessKey, secretKey);
    }
    Credential found = existing.get();
    if (!found.secretKey().equals(secretKey)) {
      found = store.updateCredentialSecret(found.id(), secretKey);
    }
    if (!found.active()) {
      found = store.updateCredential(found.id(), null, true);
    }
    byAccessKey.remove(accessKey);
    return found;
  }
}
