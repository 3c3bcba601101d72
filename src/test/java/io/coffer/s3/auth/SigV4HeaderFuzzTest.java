package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes header-signed SigV4 requests: the Authorization header parser, the credential scope, the
 * date headers, x-amz-content-sha256 and the canonical request, through {@link
 * SigV4Verifier#verify}. Input: a request as {@link RequestText}; the seeds are requests signed at
 * {@link VerifierOutcome#NOW}, so mutations start from ones that pass.
 */
class SigV4HeaderFuzzTest {

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void headerSignedRequest(byte[] data) {
    // A query the S3 port cannot decode is refused (InvalidURI) before it reaches the verifier.
    SignedRequest request = refusedOr(() -> RequestText.parse(wireText(data)));
    if (request != null) {
      VerifierOutcome.verifyAndCheck(request);
    }
  }
}
