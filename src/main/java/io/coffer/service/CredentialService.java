package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.NewCredential;
import io.coffer.model.StoreChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * S3 credentials. Lookups by access key are cached, since every signed request makes one; every
 * change goes through here and drops the cached entry, so a deactivation applies to the very next
 * request. With several nodes, the store tells {@link #changed} of the changes made through the
 * others (within a second), so that there too it applies to the next request.
 */
public final class CredentialService {
  private final MetadataStore store;
  private final Clock clock;
  private final IdentityService identities;
  private final ConcurrentHashMap<String, Optional<Credential>> byAccessKey =
      new ConcurrentHashMap<>();

  public CredentialService(MetadataStore store, Clock clock) {
    this(store, clock, new IdentityService(store, clock));
  }

  public CredentialService(MetadataStore store, Clock clock, IdentityService identities) {
    this.store = store;
    this.clock = clock;
    this.identities = identities;
  }

  /** The policies, groups and attachments these credentials are subject to. */
  public IdentityService identities() {
    return identities;
  }

  /**
   * What a new credential is to be: keys not given are generated; a service account names its
   * parent and may have an expiry and an inline policy; others may have policies and groups.
   */
  public record Spec(
      @Nullable String userName,
      @Nullable String accessKey,
      @Nullable String secretKey,
      @Nullable Long parentId,
      @Nullable Instant expiresAt,
      @Nullable String inlinePolicy,
      List<String> policies,
      List<String> groups) {
    public Spec {
      policies = List.copyOf(policies);
      groups = List.copyOf(groups);
    }
  }

  /** Creates a plain credential; keys not given are generated. */
  public Credential create(
      String userName, @Nullable String accessKey, @Nullable String secretKey) {
    return create(new Spec(userName, accessKey, secretKey, null, null, null, List.of(), List.of()));
  }

  /**
   * Creates a credential. A service account's parent must exist (NO_SUCH_CREDENTIAL) and not be a
   * service account; its inline policy must be a valid identity policy (MALFORMED_POLICY); it takes
   * no policies or groups of its own (its parent's apply). An inline policy needs a parent. Unknown
   * policies or groups: NO_SUCH_POLICY, NO_SUCH_GROUP.
   */
  public Credential create(Spec spec) {
    String userName = spec.userName();
    String accessKey = spec.accessKey();
    String secretKey = spec.secretKey();
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
    checkServiceAccount(spec);
    byAccessKey.remove(access);
    Credential created =
        store.createCredential(
            new NewCredential(
                access,
                secret,
                name,
                spec.parentId(),
                spec.expiresAt(),
                spec.inlinePolicy(),
                spec.policies(),
                spec.groups()),
            clock.instant());
    identities.credentialsChanged();
    return created;
  }

  private void checkServiceAccount(Spec spec) {
    if (spec.parentId() == null) {
      if (spec.inlinePolicy() != null) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT,
            "Only a service account (one with parent_id) has an inline policy.");
      }
      return;
    }
    Credential parent = get(spec.parentId());
    if (parent.parentId() != null) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "Credential " + parent.id() + " is a service account and cannot be a parent.");
    }
    if (!spec.policies().isEmpty() || !spec.groups().isEmpty()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "A service account acts with its parent's policies and groups; it has none of its own"
              + " (narrow it with an inline policy instead).");
    }
    if (spec.inlinePolicy() != null) {
      identities.validateInlinePolicy(spec.inlinePolicy());
    }
  }

  /** Replaces the policies attached to a credential (see {@link IdentityService}). */
  public void attachPolicies(long id, List<String> policies) {
    identities.attachPolicies(id, policies);
  }

  /**
   * The credential for a signed request; active or not (the caller decides). A service account acts
   * with its parent's rights, so it is answered as inactive while its parent is, and as expiring
   * when its parent does if that comes first.
   */
  public Optional<Credential> findByAccessKey(String accessKey) {
    return byAccessKey.computeIfAbsent(accessKey, this::load);
  }

  private Optional<Credential> load(String accessKey) {
    return store
        .findCredentialByAccessKey(accessKey)
        .map(
            c -> {
              if (c.parentId() == null || !c.active()) {
                return c;
              }
              Optional<Credential> parent = store.findCredential(c.parentId());
              if (parent.isEmpty() || !parent.get().active()) {
                return asOfParent(c, false, c.expiresAt());
              }
              Instant parentExpiry = parent.get().expiresAt();
              return parentExpiry != null
                      && (c.expiresAt() == null || parentExpiry.isBefore(c.expiresAt()))
                  ? asOfParent(c, true, parentExpiry)
                  : c;
            });
  }

  private static Credential asOfParent(Credential c, boolean active, @Nullable Instant expiresAt) {
    return new Credential(
        c.id(),
        c.accessKey(),
        c.secretKey(),
        c.userName(),
        active,
        c.createdAt(),
        c.parentId(),
        expiresAt,
        c.inlinePolicy());
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
    // its service accounts were cached with what their parent's state made of them
    byAccessKey.values().removeIf(c -> c.isPresent() && Objects.equals(c.get().parentId(), id));
    if (Boolean.FALSE.equals(active)) {
      store.revokePresignedUrlsOf(id);
      for (Credential c : store.listCredentials()) {
        if (Objects.equals(c.parentId(), id)) {
          store.revokePresignedUrlsOf(c.id());
        }
      }
    }
    return updated;
  }

  /** Deletes a credential and its service accounts (see {@link MetadataStore#deleteCredential}). */
  public void delete(long id) {
    Credential existing = get(id);
    List<Credential> serviceAccounts = store.deleteCredential(id);
    byAccessKey.remove(existing.accessKey());
    for (Credential sa : serviceAccounts) {
      byAccessKey.remove(sa.accessKey());
    }
    identities.credentialsChanged();
  }

  /**
   * Forgets what a change made through another node (or this one) may have made stale, as the
   * metadata store's change listener: the credential of an access key with the service accounts
   * cached as of its state, or, after an identity change, every compiled policy.
   */
  public void changed(StoreChange change) {
    switch (change.kind()) {
      case CREDENTIAL -> {
        Optional<Credential> cached = byAccessKey.remove(change.name());
        if (cached != null && cached.isPresent()) {
          long id = cached.get().id();
          byAccessKey
              .values()
              .removeIf(c -> c.isPresent() && Objects.equals(c.get().parentId(), id));
        }
        identities.credentialsChanged();
      }
      case IDENTITY -> identities.credentialsChanged();
      case ALL -> {
        byAccessKey.clear();
        identities.credentialsChanged();
      }
      case BUCKET, KMS_KEY -> {
        // not cached here
      }
    }
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
