package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.ACCESS_KEY;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.headers;
import static io.coffer.s3.auth.AuthFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.model.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SigV2 presigned URLs, checked against the query-string example of the S3 documentation. */
class SigV2PresignedTest {
  private static final Instant BEFORE_EXPIRY = Instant.ofEpochSecond(1175139000);
  private static final String PUPPY = "/johnsmith/photos/puppy.jpg";
  private static final String DOC_QUERY =
      "AWSAccessKeyId="
          + ACCESS_KEY
          + "&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D";

  private static AuthResult verify(Instant now, String path, String query, Headers headers) {
    return verifierAt(now).verify(new SignedRequest("GET", path, query, headers));
  }

  @Test
  void acceptsTheDocumentationExample() {
    AuthResult result = verify(BEFORE_EXPIRY, PUPPY, DOC_QUERY, headers());
    assertThat(result.credential().accessKey()).isEqualTo(ACCESS_KEY);
    assertThat(result.presigned()).isTrue();
    assertThat(result.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
    assertThat(result.presignedQuery()).containsEntry("Expires", "1175139620");
  }

  @Test
  void anUnencodedPlusInTheSignatureStillMatches() {
    String query = DOC_QUERY.replace("%2B", "+");
    assertThat(verify(BEFORE_EXPIRY, PUPPY, query, headers()).presigned()).isTrue();
  }

  @Test
  void signsSubResourcesResponseOverridesAndAmzHeaders() {
    // Signature of "GET\n\n\n1175139620\nx-amz-meta-a:b\n/johnsmith/photos/puppy.jpg
    // ?response-content-type=text/plain&versionId=v1", made with Python's hmac.
    String query =
        "versionId=v1&AWSAccessKeyId="
            + ACCESS_KEY
            + "&Expires=1175139620&unrelated=x"
            + "&response-content-type=text%2Fplain&Signature=Q%2BHKg%2Ft%2FB2JyjiMl2m7a7WV8vdY%3D";
    assertThat(verify(BEFORE_EXPIRY, PUPPY, query, headers("X-Amz-Meta-A", " b")).presigned())
        .isTrue();
    String otherVersion = query.replace("v1", "v2");
    assertFails(
        () -> verify(BEFORE_EXPIRY, PUPPY, otherVersion, headers("x-amz-meta-a", "b")),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertFails(
        () -> verify(BEFORE_EXPIRY, PUPPY, query, headers()), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void sigV2PresignedUrlExpiringMoreThanSevenDaysAheadIsRefused() {
    // The documentation URL expires at 1175139620: seen more than 604800 s before that, it is
    // refused like a SigV4 URL with X-Amz-Expires over a week; from 604800 s before, it is valid.
    Instant eightDaysBefore = Instant.ofEpochSecond(1175139620L - 8 * 86400);
    assertFails(
        () -> verify(eightDaysBefore, PUPPY, DOC_QUERY, headers()),
        ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    Instant sevenDaysBefore = Instant.ofEpochSecond(1175139620L - 604800);
    assertThat(verify(sevenDaysBefore, PUPPY, DOC_QUERY, headers()).presigned()).isTrue();
  }

  @Test
  void rejectsTamperedExpiredAndIncompleteUrls() {
    assertFails(
        () -> verify(BEFORE_EXPIRY, "/johnsmith/photos/kitten.jpg", DOC_QUERY, headers()),
        ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    Instant afterExpiry = Instant.ofEpochSecond(1175139621);
    assertFails(() -> verify(afterExpiry, PUPPY, DOC_QUERY, headers()), ErrorCode.EXPIRED_TOKEN);
    String unknownKey = DOC_QUERY.replace(ACCESS_KEY, "AKIDUNKNOWN");
    assertFails(
        () -> verify(BEFORE_EXPIRY, PUPPY, unknownKey, headers()), ErrorCode.INVALID_ACCESS_KEY_ID);
    String noExpires = "AWSAccessKeyId=" + ACCESS_KEY + "&Signature=x";
    assertFails(() -> verify(BEFORE_EXPIRY, PUPPY, noExpires, headers()), ErrorCode.ACCESS_DENIED);
    String badExpires = DOC_QUERY.replace("1175139620", "soon");
    assertFails(() -> verify(BEFORE_EXPIRY, PUPPY, badExpires, headers()), ErrorCode.ACCESS_DENIED);
  }
}
