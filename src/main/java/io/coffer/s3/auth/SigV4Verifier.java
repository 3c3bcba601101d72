package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.http.UriCodec;
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
import org.jspecify.annotations.Nullable;

/**
 * Verifies AWS Signature Version 4 on S3 requests, signed either in the {@code Authorization}
 * header or in the query string (presigned URLs). Thread-safe; one instance serves the server.
 *
 * <p>Choices where AWS's behaviour is not spelled out:
 *
 * <ul>
 *   <li>A request carrying both an {@code Authorization} header and presigning parameters is
 *       InvalidArgument "Only one auth mechanism allowed; ...", as AWS answers.
 *   <li>A {@code host} or {@code x-amz-*} header left out of the signed headers is AccessDenied
 *       "There were headers present in the request which were not signed", in both header and
 *       presigned modes.
 *   <li>A header-signed request without {@code x-amz-content-sha256} is InvalidRequest "Missing
 *       required header for this request: x-amz-content-sha256", AWS's code and wording.
 *   <li>Signature Version 2 is accepted in the header ({@code AWS <key>:<signature>}, see {@link
 *       SigV2Header}) and in presigned URLs ({@code AWSAccessKeyId} query, see {@link
 *       SigV2Presigned}). SigV4a is NotImplemented; any other scheme is InvalidArgument
 *       "Unsupported Authorization Type", as AWS answers.
 *   <li>A presigned URL signs {@code X-Amz-Content-Sha256} from its query if present, else the
 *       {@code x-amz-content-sha256} header, else {@code UNSIGNED-PAYLOAD}. It is valid from 15
 *       minutes before its X-Amz-Date to X-Amz-Expires seconds after it, inclusive.
 * </ul>
 */
public final class SigV4Verifier {
  private static final int KEY_CACHE_CAPACITY = 1024;
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

  /** Whether the query signs the request (SigV4 or SigV2 presigned URL), valid or not. */
  public static boolean isPresigned(Query query) {
    return PresignedQuery.isPresigned(query) || SigV2Presigned.isPresigned(query);
  }

  /**
   * Authenticates a request. Returns an anonymous result when it carries no signature at all (the
   * caller decides whether anonymous access is allowed); otherwise returns the credential or throws
   * a {@link CofferException} with S3's error for what is wrong.
   */
  public AuthResult verify(SignedRequest request) {
    String authorization = request.headers().get("authorization");
    Query query = request.query();
    boolean presigned = PresignedQuery.isPresigned(query);
    if (authorization != null && (presigned || SigV2Presigned.isPresigned(query))) {
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
    if (SigV2Presigned.isPresigned(query)) {
      return SigV2Presigned.verify(request, query, this::resolve, clock);
    }
    return anonymous(request.headers().get("x-amz-content-sha256"));
  }

  /**
   * A request without a signature. Its body is still framed as its x-amz-content-sha256 says: the
   * AWS SDKs send anonymous uploads as aws-chunked with a trailing checksum, which must be decoded,
   * never stored as sent; a body hash is checked as for a signed request. Signed chunks cannot be
   * checked without a signature and are refused.
   */
  private static AuthResult anonymous(@Nullable String payloadHash) {
    if (payloadHash == null) {
      return AuthResult.anonymous();
    }
    PayloadMode mode = PayloadMode.parse(payloadHash);
    if (mode.chunksSigned()) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Signed chunks (" + payloadHash + ") need a signed request; this one has no signature.");
    }
    String expectedSha256 =
        mode == PayloadMode.SIGNED ? payloadHash.toLowerCase(Locale.ROOT) : null;
    return new AuthResult(null, mode, expectedSha256, false, Map.of(), null);
  }

  /**
   * The credential that signed a POST upload form (SigV4 or SigV2 over its policy field), checked
   * as a signed request's is: an active, unexpired credential and a constant-time comparison.
   *
   * @param fields the form fields before the file, names in lower case
   */
  public Credential verifyPostForm(Map<String, String> fields) {
    return PostFormSignature.verify(
        fields,
        region,
        this::resolve,
        (secret, date, scopeRegion) -> signingKeys.get(secret, date, scopeRegion, SigV4.SERVICE));
  }

  private AuthResult verifyHeaderSigned(SignedRequest request, String authorization, Query query) {
    if (SigV2Header.matches(authorization)) {
      return SigV2Header.verify(request, authorization, query, this::resolve, clock);
    }
    checkAlgorithm(authorization);
    AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
    Headers headers = request.headers();
    String amzDate = requestDate(headers);
    String payloadHash = headers.get("x-amz-content-sha256");
    if (payloadHash == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Missing required header for this request: x-amz-content-sha256");
    }
    PayloadMode mode = PayloadMode.parse(payloadHash);
    CredentialScope scope = auth.credential();
    scope.check(
        region, amzDate, ErrorCode.AUTHORIZATION_HEADER_MALFORMED, AuthorizationHeader.PREFIX);
    Duration skew = Duration.between(AmzDate.parse(amzDate), clock.instant()).abs();
    if (skew.compareTo(SigV4.MAX_SKEW) > 0) {
      throw new CofferException(ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
    checkSignedHeaders(headers, auth.signedHeaderNames());
    Credential credential = resolve(scope.accessKey());
    String canonical =
        CanonicalRequest.build(
            request.method(),
            UriCodec.TOLERANT.canonicalPath(request.rawPath()),
            query.canonical(null),
            CanonicalRequest.canonicalHeaders(headers, auth.signedHeaderNames()),
            auth.signedHeaders(),
            payloadHash);
    return checkSignature(
        credential,
        scope,
        amzDate,
        canonical,
        auth.signature(),
        mode,
        payloadHash,
        false,
        Map.of());
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
    // AWS's answer to a scheme it does not know (Bearer, Basic, ...), with the value echoed.
    throw CofferException.invalidArgument(
        "Unsupported Authorization Type", "Authorization", authorization);
  }

  /** The request timestamp as it is signed: x-amz-date, else the Date header in SigV4 form. */
  private static String requestDate(Headers headers) {
    String amzDate = headers.get("x-amz-date");
    if (amzDate != null) {
      amzDate = amzDate.trim();
      if (AmzDate.parse(amzDate) != null) {
        return amzDate;
      }
    } else {
      Instant date = AmzDate.parseHttpDate(headers.get("date"));
      // A zone offset can move a four-digit year out of what the SigV4 form can write.
      String formatted = date == null ? null : AmzDate.format(date);
      if (formatted != null && AmzDate.parse(formatted) != null) {
        return formatted;
      }
    }
    throw new CofferException(
        ErrorCode.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
  }

  private AuthResult verifyPresigned(SignedRequest request, Query query) {
    PresignedQuery presigned = PresignedQuery.parse(query, region);
    Instant now = clock.instant();
    if (now.isBefore(presigned.signedAt().minus(SigV4.MAX_SKEW))) {
      throw new CofferException(ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
    if (now.isAfter(presigned.signedAt().plusSeconds(presigned.expiresSeconds()))) {
      throw new CofferException(ErrorCode.EXPIRED_TOKEN);
    }
    Headers headers = request.headers();
    checkSignedHeaders(headers, presigned.signedHeaderNames());
    String payloadHash = query.get(PresignedQuery.CONTENT_SHA256);
    if (payloadHash == null) {
      payloadHash = headers.get("x-amz-content-sha256");
    }
    if (payloadHash == null) {
      payloadHash = SigV4.UNSIGNED_PAYLOAD;
    }
    PayloadMode mode = PayloadMode.parse(payloadHash);
    Credential credential = resolve(presigned.credential().accessKey());
    String canonical =
        CanonicalRequest.build(
            request.method(),
            UriCodec.TOLERANT.canonicalPath(request.rawPath()),
            query.canonical(PresignedQuery.SIGNATURE),
            CanonicalRequest.canonicalHeaders(headers, presigned.signedHeaderNames()),
            presigned.signedHeaders(),
            payloadHash);
    return checkSignature(
        credential,
        presigned.credential(),
        presigned.amzDate(),
        canonical,
        presigned.signature(),
        mode,
        payloadHash,
        true,
        query.all());
  }

  private static void checkSignedHeaders(Headers headers, List<String> signed) {
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
        // an expired service account is refused exactly as a deactivated credential is
        .filter(c -> c.active() && !c.expired(clock.instant()))
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
    byte[] key =
        signingKeys.get(credential.secretKey(), scope.date(), scope.region(), SigV4.SERVICE);
    String expected =
        CanonicalRequest.signature(
            key, CanonicalRequest.stringToSign(amzDate, scope.scope(), canonicalRequest));
    // Constant time, so the response time does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        provided.getBytes(StandardCharsets.US_ASCII))) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    StreamingContext streaming =
        mode.chunksSigned() ? new StreamingContext(key, scope.scope(), amzDate, expected) : null;
    String expectedSha256 =
        mode == PayloadMode.SIGNED ? payloadHash.toLowerCase(Locale.ROOT) : null;
    return new AuthResult(credential, mode, expectedSha256, presigned, query, streaming);
  }
}
