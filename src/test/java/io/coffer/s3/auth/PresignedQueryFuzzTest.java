package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.s3.request.RequestUri;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes presigned URLs (SigV4 {@code X-Amz-*} and SigV2 {@code AWSAccessKeyId} queries) through
 * {@link SigV4Verifier#verify}. Input: the raw query string of {@code GET /bucket/key?...} with
 * only a Host header; the seeds are URLs presigned at {@link VerifierOutcome#NOW}. The query is
 * parsed as the S3 port parses it, which refuses one that cannot be decoded (InvalidURI).
 */
class PresignedQueryFuzzTest {
  private static final Headers HOST_ONLY = Headers.of(Map.of("Host", List.of("localhost:9000")));

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void presignedQuery(byte[] data) {
    Query query = refusedOr(() -> RequestUri.parseQuery(wireText(data)));
    if (query == null) {
      return;
    }
    VerifierOutcome.verifyAndCheck(new SignedRequest("GET", "/bucket/key", query, HOST_ONLY, null));
  }
}
