package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.wireText;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes presigned URLs (SigV4 {@code X-Amz-*} and SigV2 {@code AWSAccessKeyId} queries) through
 * {@link SigV4Verifier#verify}. Input: the raw query string of {@code GET /bucket/key?...} with
 * only a Host header; the seeds are URLs presigned at {@link VerifierOutcome#NOW}.
 */
class PresignedQueryFuzzTest {
  private static final RequestHeaders HOST_ONLY =
      RequestHeaders.of(Map.of("Host", List.of("localhost:9000")));

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void presignedQuery(byte[] data) {
    VerifierOutcome.verifyAndCheck(
        new SignedRequest("GET", "/bucket/key", wireText(data), HOST_ONLY));
  }
}
