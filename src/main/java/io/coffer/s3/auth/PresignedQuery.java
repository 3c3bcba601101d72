package io.coffer.s3.auth;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.time.Instant;
import java.util.List;

/**
 * The {@code X-Amz-*} parameters of a presigned URL, parsed and checked with AWS's
 * AuthorizationQueryParametersError wording.
 *
 * @param amzDate {@code X-Amz-Date} as sent, which is what was signed
 * @param expiresSeconds {@code X-Amz-Expires}, 1 to 604800
 * @param signedHeaders {@code X-Amz-SignedHeaders} as sent
 */
record PresignedQuery(
    CredentialScope credential,
    String amzDate,
    Instant signedAt,
    long expiresSeconds,
    String signedHeaders,
    List<String> signedHeaderNames,
    String signature) {

  static final String ALGORITHM = "X-Amz-Algorithm";
  static final String CREDENTIAL = "X-Amz-Credential";
  static final String DATE = "X-Amz-Date";
  static final String EXPIRES = "X-Amz-Expires";
  static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
  static final String SIGNATURE = "X-Amz-Signature";
  static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";

  private static final String CREDENTIAL_PREFIX = "Error parsing the X-Amz-Credential parameter; ";

  /** Whether the query carries presigning parameters at all. */
  static boolean isPresigned(Query query) {
    return query.has(ALGORITHM) || query.has(CREDENTIAL) || query.has(SIGNATURE);
  }

  static PresignedQuery parse(Query query, String expectedRegion) {
    String algorithm = query.get(ALGORITHM);
    String credential = query.get(CREDENTIAL);
    String amzDate = query.get(DATE);
    String expires = query.get(EXPIRES);
    String signedHeaders = query.get(SIGNED_HEADERS);
    String signature = query.get(SIGNATURE);
    if (algorithm == null
        || credential == null
        || amzDate == null
        || expires == null
        || signedHeaders == null
        || signature == null) {
      throw error(
          "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
              + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
    }
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      if (algorithm.equals(SigV4.SIGV4A_ALGORITHM)) {
        throw new CofferException(
            ErrorCode.NOT_IMPLEMENTED,
            "SigV4a (" + SigV4.SIGV4A_ALGORITHM + ") is not implemented.");
      }
      throw error("X-Amz-Algorithm only supports \"" + SigV4.ALGORITHM + "\"");
    }
    CredentialScope scope = CredentialScope.parse(credential);
    if (scope == null) {
      throw error(CREDENTIAL_PREFIX + CredentialScope.MALFORMED);
    }
    Instant signedAt = AmzDate.parse(amzDate);
    if (signedAt == null) {
      throw error("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    }
    long expiresSeconds = parseExpires(expires);
    scope.check(
        expectedRegion, amzDate, ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, CREDENTIAL_PREFIX);
    List<String> names = AuthorizationHeader.splitSignedHeaders(signedHeaders);
    if (names == null) {
      throw error("Error parsing the X-Amz-SignedHeaders parameter.");
    }
    return new PresignedQuery(
        scope, amzDate, signedAt, expiresSeconds, signedHeaders, names, signature);
  }

  private static long parseExpires(String value) {
    boolean negative = value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (digits.isEmpty()) {
      throw error("X-Amz-Expires should be a number");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw error("X-Amz-Expires should be a number");
      }
    }
    if (negative) {
      throw error("X-Amz-Expires must be non-negative");
    }
    if (digits.length() > 7 || Long.parseLong(digits) > SigV4.MAX_EXPIRES_SECONDS) {
      throw error("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }
    long expires = Long.parseLong(digits);
    if (expires < 1) {
      throw error("X-Amz-Expires must be at least 1 second");
    }
    return expires;
  }

  private static CofferException error(String message) {
    return new CofferException(ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
  }
}
