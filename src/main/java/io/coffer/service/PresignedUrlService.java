package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.PresignedUrl;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Presigned URLs issued through the management API. Each carries a random {@code hash} parameter
 * inside its signed query; the S3 port looks it up on every use, so a URL can be revoked before it
 * expires, and deactivating or deleting its credential revokes it too.
 */
public final class PresignedUrlService {
  /** The tracking parameter's name, as the specification calls it. */
  public static final String HASH_PARAMETER = "hash";

  public static final long MAX_EXPIRES_SECONDS = 604_800;
  public static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");

  private final MetadataStore store;
  private final CredentialService credentials;
  private final BucketService buckets;
  private final UrlSigner signer;
  private final Clock clock;

  /** Signs a path-style URL with a credential's secret; the S3 front end knows how. */
  @FunctionalInterface
  public interface UrlSigner {
    String presign(
        String method,
        String bucket,
        String key,
        Map<String, String> extraQueryParams,
        Credential credential,
        Instant now,
        long expiresSeconds);
  }

  /** A URL as issued: its record and the URL itself, which is not stored. */
  public record Issued(PresignedUrl record, String url) {}

  public PresignedUrlService(
      MetadataStore store,
      CredentialService credentials,
      BucketService buckets,
      UrlSigner signer,
      Clock clock) {
    this.store = store;
    this.credentials = credentials;
    this.buckets = buckets;
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * Signs a URL for {@code method} on an object with the credential of {@code accessKey}, which
   * must be active and allowed to do it (otherwise the URL could never work).
   */
  public Issued issue(
      Caller caller, String bucket, String key, String method, long expiresIn, String accessKey) {
    if (!METHODS.contains(method)) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "method must be one of GET, PUT, POST, DELETE.");
    }
    if (expiresIn < 1 || expiresIn > MAX_EXPIRES_SECONDS) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "expires_in must be between 1 and 604800 seconds.");
    }
    Names.requireValidKey(key);
    requireOwnCredential(caller, accessKey);
    Credential credential = signingCredential(credentials, accessKey, clock);
    Bucket target = buckets.require(caller, bucket, actionOf(method));
    // a URL carries its signer's rights: one the signer may not use would always be refused
    if (!buckets.allows(new Caller.User(credential), actionOf(method), bucket, target.ref(), key)) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "The credential "
              + accessKey
              + " may not "
              + actionOf(method).policyName()
              + " in the bucket "
              + bucket
              + ", so a URL signed with it would be refused.");
    }
    Instant now = clock.instant();
    String hash = SecretGenerator.token(32);
    String url =
        signer.presign(
            method, bucket, key, Map.of(HASH_PARAMETER, hash), credential, now, expiresIn);
    PresignedUrl record =
        store.createPresignedUrl(
            hash, bucket, key, method, credential.id(), now.plusSeconds(expiresIn), now);
    return new Issued(record, url);
  }

  /**
   * The credential a URL or a POST form is signed with: it must exist, be active and unexpired
   * (otherwise what is signed could never work).
   */
  static Credential signingCredential(
      CredentialService credentials, String accessKey, Clock clock) {
    Credential credential =
        credentials
            .findByAccessKey(accessKey)
            .orElseThrow(
                () ->
                    new CofferException(
                        ErrorCode.NO_SUCH_CREDENTIAL,
                        "No credential has the access key " + accessKey + "."));
    if (!credential.active()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "The credential " + accessKey + " is not active.");
    }
    if (credential.expired(clock.instant())) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT, "The credential " + accessKey + " has expired.");
    }
    return credential;
  }

  /** The issuer must be allowed to do what the URL does. */
  private static Action actionOf(String method) {
    return switch (method) {
      case "GET" -> Action.GET_OBJECT;
      case "DELETE" -> Action.DELETE_OBJECT;
      default -> Action.PUT_OBJECT;
    };
  }

  /**
   * An S3 user signs only with its own credential: another's secret would lend it that credential's
   * rights. The administrator may sign with any.
   */
  static void requireOwnCredential(Caller caller, String accessKey) {
    if (caller instanceof Caller.User user && !user.credential().accessKey().equals(accessKey)) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED,
          "You may sign only with your own credential, "
              + user.credential().accessKey()
              + ", not with "
              + accessKey
              + ".");
    }
    if (caller instanceof Caller.Anonymous) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
  }

  /** The URLs the caller issued with its credential; every URL for the administrator. */
  public List<PresignedUrl> list(Caller caller) {
    List<PresignedUrl> all = store.listPresignedUrls();
    return switch (caller) {
      case Caller.Admin admin -> all;
      case Caller.User user ->
          all.stream().filter(u -> u.credentialId() == user.credential().id()).toList();
      case Caller.Anonymous anonymous -> List.of();
    };
  }

  /** Revokes a URL: an S3 user only one signed with its own credential. */
  public void revoke(Caller caller, long id) {
    if (!(caller instanceof Caller.Admin) && list(caller).stream().noneMatch(u -> u.id() == id)) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED, "Presigned URL " + id + " was not issued with your credential.");
    }
    store.revokePresignedUrl(id);
  }

  /**
   * Whether a presigned request that passed signature verification may proceed. Requests without a
   * hash were signed elsewhere and are plain SigV4 presigned URLs. One with a hash must name a URL
   * issued here for exactly this credential, bucket, key and method, and neither revoked nor
   * expired: ACCESS_DENIED otherwise.
   */
  public void checkUse(
      @Nullable String hash,
      long credentialId,
      @Nullable String bucket,
      @Nullable String key,
      String method) {
    if (hash == null) {
      return;
    }
    Optional<PresignedUrl> found = store.findPresignedUrlByHash(hash);
    if (found.isEmpty()) {
      throw new CofferException(ErrorCode.ACCESS_DENIED, "This presigned URL is unknown.");
    }
    PresignedUrl url = found.get();
    if (url.revoked()) {
      throw new CofferException(ErrorCode.ACCESS_DENIED, "This presigned URL has been revoked.");
    }
    if (!clock.instant().isBefore(url.expiresAt())) {
      throw new CofferException(ErrorCode.EXPIRED_TOKEN);
    }
    boolean sameTarget =
        url.credentialId() == credentialId
            && url.bucket().equals(bucket)
            && url.key().equals(key)
            && url.method().equals(method);
    if (!sameTarget) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED, "This presigned URL was issued for another request.");
    }
  }
}
