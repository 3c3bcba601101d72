package io.coffer.policy;

import org.jspecify.annotations.Nullable;

/**
 * Who sends a request, as a bucket policy's Principal element matches it: anyone ({@code "*"}), a
 * user ARN ({@code arn:aws:iam::<any account>:user/<userName>}), an access key, or a canonical user
 * ID.
 *
 * @param accessKey the credential's access key; null for an anonymous request
 * @param userName the credential's user name; null for an anonymous request
 * @param canonicalId the credential's canonical ID (its Owner/ID); null for an anonymous request
 */
public record RequestPrincipal(
    @Nullable String accessKey, @Nullable String userName, @Nullable String canonicalId) {
  public static final RequestPrincipal ANONYMOUS = new RequestPrincipal(null, null, null);

  public boolean anonymous() {
    return accessKey == null;
  }
}
