package io.coffer.s3.auth;

import io.coffer.model.Credential;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a successful verification.
 *
 * @param credential the authenticated credential; null for an anonymous request
 * @param payloadMode how the body is protected
 * @param expectedPayloadSha256 lower-case hex SHA-256 the body must have when {@code payloadMode}
 *     is {@link PayloadMode#SIGNED} (else XAmzContentSHA256Mismatch); null otherwise
 * @param presigned whether the signature came from the query string
 * @param presignedQuery the decoded query parameters (first value of each) of a presigned request,
 *     including tracking parameters such as {@code hash}; empty for other requests
 * @param streaming what {@link AwsChunkedInputStream} needs for signed chunks; null unless the
 *     chunks are signed
 */
public record AuthResult(
    @Nullable Credential credential,
    PayloadMode payloadMode,
    @Nullable String expectedPayloadSha256,
    boolean presigned,
    Map<String, String> presignedQuery,
    @Nullable StreamingContext streaming) {

  private static final AuthResult ANONYMOUS =
      new AuthResult(null, PayloadMode.UNSIGNED, null, false, Map.of(), null);

  public AuthResult {
    presignedQuery = Map.copyOf(presignedQuery);
  }

  /** A request that carried no signature at all. */
  public static AuthResult anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return credential == null;
  }

  // Spelled out so that neither the secret key nor the signing key can reach a log line.
  @Override
  public String toString() {
    return "AuthResult[accessKey="
        + (credential == null ? null : credential.accessKey())
        + ", payloadMode="
        + payloadMode
        + ", expectedPayloadSha256="
        + expectedPayloadSha256
        + ", presigned="
        + presigned
        + ", presignedQuery="
        + presignedQuery
        + ", streaming="
        + streaming
        + "]";
  }
}
