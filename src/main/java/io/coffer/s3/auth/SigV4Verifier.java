package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies AWS Signature Version 4 on S3 requests, signed either in the {@code Authorization}
 * header or in the query string (presigned URLs). Thread-safe; one instance serves the server.
 *
 * <p>Choices where AWS's behaviour is not spelled out: a request carrying both an
 * {@code Authorization} header and presigning parameters is InvalidArgument, as AWS answers; a
 * {@code host} or {@code x-amz-*} header left out of the signed headers is AccessDenied "There
 * were headers present in the request which were not signed", in both header and presigned modes.
 */
public final class SigV4Verifier {
  static final String ALGORITHM_PARAM = "X-Amz-Algorithm";
  static final String CREDENTIAL_PARAM = "X-Amz-Credential";
  static final String DATE_PARAM = "X-Amz-Date";
  static final String EXPIRES_PARAM = "X-Amz-Expires";
  static final String SIGNED_HEADERS_PARAM = "X-Amz-SignedHeaders";
  static final String SIGNATURE_PARAM = "X-Amz-Signature";
  static final String CONTENT_SHA256_PARAM = "X-Amz-Content-Sha256";

  private static final int KEY_CACHE_CAPACITY = 1024;
  private static final String QUERY_PREFIX = "Error parsing the X-Amz-Credential parameter; ";
  private static final String NOT_SIGNED =
      "There were headers present in the request which were not signed";

  private final String region;
  private final CredentialResolver resolver;
  private final Clock clock;
  private final SigningKeys signingKeys = new SigningKeys(KEY_CACHE_CAPACITY);

  public SigV4Verifier(String region, CredentialResolver resolver, Clock clock) {
    this.region = region;
    this.resolver = resolver;
    this.clock = clock;
  }

  /**
   * Authenticates a request. Returns an anonymous result when it carries no signature at all (the
   * caller decides whether anonymous access is allowed); otherwise returns the credential or throws
   * a {@link CofferException} with S3's error for what is wrong.
   */
  public AuthResult verify(SignedRequest request) {
    String authorization = request.headers().get("authorization");
    QueryParameters query = QueryParameters.parse(request.rawQuery());
    boolean presigned = query.contains(ALGORITHM_PARAM) || query.contains(CREDENTIAL_PARAM)
        || query.contains(SIGNATURE_PARAM);
    if (authorization != null && presigned) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature"
              + " query string parameter or the Authorization header should be specified");
    }
    if (authorization != null) {
      return verifyHeaderSigned(request, authorization, query);
    }
    if (presigned) {
      return verifyPresigned(request, query);
    }
    if (query.contains("AWSAccessKeyId")) {
      throw new CofferException(ErrorCode.INVALID_REQUEST, SigV4.UNSUPPORTED_MECHANISM);
    }
    return AuthResult.anonymous();
  }

  private AuthResult verifyHeaderSigned(
      SignedRequest request, String authorization, QueryParameters query) {
    checkAlgorithm(authorization);
    AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
    RequestHeaders headers = request.headers();
    String amzDate = requestDate(headers);
    String payloadHash = headers.get("x-amz-content-sha256");
    if (payloadHash == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST, "Missing required header for this request: x-amz-content-sha256");
    }
    PayloadMode mode = PayloadMode.parse(payloadHash);
    CredentialScope scope = auth.credential();
    scope.check(region, amzDate, ErrorCode.AUTHORIZATION_HEADER_MALFORMED, AuthorizationHeader.PREFIX);
    Duration skew = Duration.between(AmzDate.parse(amzDate), clock.instant()).abs();
    if (skew.compareTo(SigV4.MAX_SKEW) > 0) {
      throw new CofferException(ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
    checkSignedHeaders(headers, auth.signedHeaderNames());
    Credential credential = resolve(scope.accessKey());
    String canonical =
        CanonicalRequest.build(
            request.method(),
            UriEncoding.canonicalPath(request.rawPath()),
            query.canonical(null),
            CanonicalRequest.canonicalHeaders(headers, auth.signedHeaderNames()),
            auth.signedHeaders(),
            payloadHash);
    return checkSignature(
        credential, scope, amzDate, canonical, auth.signature(), mode, payloadHash, false, Map.of());
  }

  private static void checkAlgorithm(String authorization) {
    int n = SigV4.ALGORITHM.length();
    if (authorization.startsWith(SigV4.ALGORITHM)
        && (authorization.length() == n || Character.isWhitespace(authorization.charAt(n)))) {
      return;
    }
    if (authorization.startsWith(SigV4.SIGV4A_ALGORITHM)) {
      throw new CofferException(
          ErrorCode.NOT_IMPLEMENTED, "SigV4a (" + SigV4.SIGV4A_ALGORITHM + ") is not implemented.");
    }
    throw new CofferException(ErrorCode.INVALID_REQUEST, SigV4.UNSUPPORTED_MECHANISM);
  }

  /** The request timestamp as it is signed: x-amz-date, else the Date header in SigV4 form. */
  private static String requestDate(RequestHeaders headers) {
    String amzDate = headers.get("x-amz-date");
    if (amzDate != null) {
      amzDate = amzDate.trim();
      if (AmzDate.parse(amzDate) != null) {
        return amzDate;
      }
    } else {
      Instant date = AmzDate.parseHttpDate(headers.get("date"));
      if (date != null) {
        return AmzDate.format(date);
      }
    }
    throw new CofferException(
        ErrorCode.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
  }

  private AuthResult verifyPresigned(SignedRequest request, QueryParameters query) {
    String algorithm = query.first(ALGORITHM_PARAM);
    String credentialParam = query.first(CREDENTIAL_PARAM);
    String amzDate = query.first(DATE_PARAM);
    String expiresParam = query.first(EXPIRES_PARAM);
    String signedHeaders = query.first(SIGNED_HEADERS_PARAM);
    String signature = query.first(SIGNATURE_PARAM);
    if (algorithm == null || credentialParam == null || amzDate == null || expiresParam == null
        || signedHeaders == null || signature == null) {
      throw queryError(
          "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
              + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
    }
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      if (algorithm.equals(SigV4.SIGV4A_ALGORITHM)) {
        throw new CofferException(
            ErrorCode.NOT_IMPLEMENTED, "SigV4a (" + SigV4.SIGV4A_ALGORITHM + ") is not implemented.");
      }
      throw queryError("X-Amz-Algorithm only supports \"" + SigV4.ALGORITHM + "\"");
    }
    CredentialScope scope = CredentialScope.parse(credentialParam);
    if (scope == null) {
      throw queryError(QUERY_PREFIX + CredentialScope.MALFORMED);
    }
    Instant signedAt = AmzDate.parse(amzDate);
    if (signedAt == null) {
      throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    }
    long expires = parseExpires(expiresParam);
    scope.check(region, amzDate, ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, QUERY_PREFIX);
    List<String> signedHeaderNames = AuthorizationHeader.splitSignedHeaders(signedHeaders);
    if (signedHeaderNames == null) {
      throw queryError("Error parsing the X-Amz-SignedHeaders parameter.");
    }
    Instant now = clock.instant();
    if (now.isBefore(signedAt.minus(SigV4.MAX_SKEW))) {
      throw new CofferException(ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
    if (now.isAfter(signedAt.plusSeconds(expires))) {
      throw new CofferException(ErrorCode.EXPIRED_TOKEN);
    }
    RequestHeaders headers = request.headers();
    checkSignedHeaders(headers, signedHeaderNames);
    String payloadHash = query.first(CONTENT_SHA256_PARAM);
    if (payloadHash == null) {
      payloadHash = headers.get("x-amz-content-sha256");
    }
    if (payloadHash == null) {
      payloadHash = SigV4.UNSIGNED_PAYLOAD;
    }
    PayloadMode mode = PayloadMode.parse(payloadHash);
    Credential credential = resolve(scope.accessKey());
    String canonical =
        CanonicalRequest.build(
            request.method(),
            UriEncoding.canonicalPath(request.rawPath()),
            query.canonical(SIGNATURE_PARAM),
            CanonicalRequest.canonicalHeaders(headers, signedHeaderNames),
            signedHeaders,
            payloadHash);
    return checkSignature(
        credential, scope, amzDate, canonical, signature, mode, payloadHash, true,
        query.firstValues());
  }

  private static long parseExpires(String value) {
    boolean negative = value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (digits.isEmpty()) {
      throw queryError("X-Amz-Expires should be a number");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw queryError("X-Amz-Expires should be a number");
      }
    }
    if (negative) {
      throw queryError("X-Amz-Expires must be non-negative");
    }
    if (digits.length() > 7 || Long.parseLong(digits) > SigV4.MAX_EXPIRES_SECONDS) {
      throw queryError("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }
    long expires = Long.parseLong(digits);
    if (expires < 1) {
      throw queryError("X-Amz-Expires must be at least 1 second");
    }
    return expires;
  }

  private static CofferException queryError(String message) {
    return new CofferException(ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
  }

  private static void checkSignedHeaders(RequestHeaders headers, List<String> signed) {
    if (!containsIgnoreCase(signed, "host")) {
      throw new CofferException(ErrorCode.ACCESS_DENIED, NOT_SIGNED);
    }
    for (String name : headers.names()) {
      if (name.regionMatches(true, 0, "x-amz-", 0, 6) && !containsIgnoreCase(signed, name)) {
        throw new CofferException(ErrorCode.ACCESS_DENIED, NOT_SIGNED);
      }
    }
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private Credential resolve(String accessKey) {
    return resolver
        .resolve(accessKey)
        .filter(Credential::active)
        .orElseThrow(() -> new CofferException(ErrorCode.INVALID_ACCESS_KEY_ID));
  }

  private AuthResult checkSignature(
      Credential credential,
      CredentialScope scope,
      String amzDate,
      String canonicalRequest,
      String provided,
      PayloadMode mode,
      String payloadHash,
      boolean presigned,
      Map<String, String> query) {
    byte[] key = signingKeys.get(credential.secretKey(), scope.date(), region, SigV4.SERVICE);
    String expected =
        CanonicalRequest.signature(
            key, CanonicalRequest.stringToSign(amzDate, scope.scope(), canonicalRequest));
    // Constant time, so the response time does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII))) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    StreamingContext streaming =
        mode.chunksSigned() ? new StreamingContext(key, scope.scope(), amzDate, expected) : null;
    String expectedSha256 =
        mode == PayloadMode.SIGNED ? payloadHash.toLowerCase(Locale.ROOT) : null;
    return new AuthResult(credential, mode, expectedSha256, presigned, query, streaming);
  }
}
