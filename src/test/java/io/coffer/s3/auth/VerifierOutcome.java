package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Query;
import java.time.Instant;

/**
 * Runs the verifier on a fuzzed request and checks what it decided: a refusal must be a client
 * error, and an acceptance must be one the request could legitimately earn.
 */
final class VerifierOutcome {
  /** The signing time of the seed requests; the verifier's clock stands still there. */
  static final Instant NOW = AuthFixtures.EXAMPLE_TIME;

  private static final SigV4Verifier VERIFIER = AuthFixtures.verifierAt(NOW);

  private VerifierOutcome() {}

  static void verifyAndCheck(SignedRequest request) {
    AuthResult result = refusedOr(() -> VERIFIER.verify(request));
    if (result == null) {
      return;
    }
    Query query = request.query();
    boolean hasAuthorization = request.headers().get("authorization") != null;
    boolean presignedV4 = PresignedQuery.isPresigned(query);
    boolean presignedV2 = SigV2Presigned.isPresigned(query);
    if (result.isAnonymous()) {
      assertThat(hasAuthorization || presignedV4 || presignedV2)
          .as("a request with signing parameters is never anonymous")
          .isFalse();
      return;
    }
    // Only the one active credential can sign; the inactive one and unknown keys never pass.
    assertThat(result.credential()).isEqualTo(AuthFixtures.CREDENTIAL);
    assertThat(result.presigned()).isEqualTo(!hasAuthorization);
    if (result.presigned()) {
      assertThat(presignedV4 || presignedV2).isTrue();
    }
    if (result.payloadMode() == PayloadMode.SIGNED) {
      assertThat(result.expectedPayloadSha256()).matches("[0-9a-f]{64}");
    } else {
      assertThat(result.expectedPayloadSha256()).isNull();
    }
    assertThat(result.streaming() != null).isEqualTo(result.payloadMode().chunksSigned());
  }
}
