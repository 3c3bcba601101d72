package io.coffer.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An S3 access credential. The secret key never leaves the service layer except on creation.
 *
 * @param parentId for a service account, the credential whose rights it acts with; null otherwise
 * @param expiresAt when a service account stops working; null for never
 * @param inlinePolicy a service account's own policy (JSON), which can only narrow its parent's
 *     rights; null for none
 */
public record Credential(
    long id,
    String accessKey,
    String secretKey,
    String userName,
    boolean active,
    Instant createdAt,
    @Nullable Long parentId,
    @Nullable Instant expiresAt,
    @Nullable String inlinePolicy) {

  /** A credential of its own (not a service account). */
  public Credential(
      long id,
      String accessKey,
      String secretKey,
      String userName,
      boolean active,
      Instant createdAt) {
    this(id, accessKey, secretKey, userName, active, createdAt, null, null, null);
  }

  /** The credential whose buckets and policies this one acts with: its parent, or itself. */
  public long principalId() {
    return parentId == null ? id : parentId;
  }

  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "Credential[id=" + id + ", accessKey=" + accessKey + ", userName=" + userName + "]";
  }
}
