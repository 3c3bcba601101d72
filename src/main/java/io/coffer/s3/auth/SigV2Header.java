package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code Authorization: AWS <access key>:<signature>}: Signature Version 2 in the header, which
 * older SDKs, s3cmd with {@code signature_v2 = True} and many appliances still send.
 *
 * <ul>
 *   <li>The request time is {@code x-amz-date} if present, else {@code Date}; either must be within
 *       15 minutes of the server clock (RequestTimeTooSkewed), as for SigV4.
 *   <li>With {@code x-amz-date}, the Date line of the string to sign is empty and {@code
 *       x-amz-date} is one of the signed {@code x-amz-*} headers, as AWS specifies and the SDKs
 *       sign; AWS's own DELETE example instead puts the {@code x-amz-date} value on the Date line,
 *       so that form is accepted too. Both are computed and compared in constant time.
 *   <li>The body is not signed: it is treated like {@code UNSIGNED-PAYLOAD}, except that an {@code
 *       x-amz-content-sha256} hash, if sent, is still checked against it. Content-MD5, when sent,
 *       is signed and checked against the body like on any request. aws-chunked bodies need SigV4.
 * </ul>
 */
final class SigV2Header {
  static final String SCHEME = "AWS ";

  private SigV2Header() {}

  static boolean matches(String authorization) {
    return authorization.startsWith(SCHEME);
  }

  static AuthResult verify(
      SignedRequest request,
      String authorization,
      Query query,
      Function<String, Credential> resolve,
      Clock clock) {
    String credentials = authorization.substring(SCHEME.length()).trim();
    int colon = credentials.lastIndexOf(':');
    if (colon <= 0 || colon == credentials.length() - 1) {
      throw CofferException.invalidArgument(
          "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature",
          "Authorization",
          authorization);
    }
    String accessKey = credentials.substring(0, colon).trim();
    String signature = credentials.substring(colon + 1).trim();
    Headers headers = request.headers();
    String amzDate = headers.get("x-amz-date");
    Instant time = requestTime(amzDate != null ? amzDate : headers.get("date"));
    if (Duration.between(time, clock.instant()).abs().compareTo(SigV4.MAX_SKEW) > 0) {
      throw new CofferException(ErrorCode.REQUEST_TIME_TOO_SKEWED);
    }
    PayloadMode mode = payloadMode(headers.get("x-amz-content-sha256"));
    Credential credential = resolve.apply(accessKey);

    String method = request.method();
    String md5 = trimmed(headers.get("content-md5"));
    String type = trimmed(headers.get("content-type"));
    SortedMap<String, String> amz = SigV2.amzHeaders(headers);
    String resource = SigV2.canonicalResource(request, query.all());
    String secret = credential.secretKey();
    String dateLine = amzDate == null ? trimmed(headers.get("date")) : "";
    boolean valid =
        SigV2.matches(
            SigV2.sign(secret, SigV2.stringToSign(method, md5, type, dateLine, amz, resource)),
            signature);
    if (amzDate != null) {
      SortedMap<String, String> withoutDate = new TreeMap<>(amz);
      String onDateLine = withoutDate.remove("x-amz-date");
      String legacy = SigV2.stringToSign(method, md5, type, onDateLine, withoutDate, resource);
      // Evaluated without short-circuit, so both forms always cost the same.
      valid |= SigV2.matches(SigV2.sign(secret, legacy), signature);
    }
    if (!valid) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    String sha256 =
        mode == PayloadMode.SIGNED
            ? Objects.requireNonNull(headers.get("x-amz-content-sha256"))
                .trim()
                .toLowerCase(Locale.ROOT)
            : null;
    return new AuthResult(credential, mode, sha256, false, Map.of(), null);
  }

  /** An HTTP date (RFC 1123), or for x-amz-date also SigV4's {@code yyyyMMdd'T'HHmmss'Z'}. */
  private static Instant requestTime(@Nullable String value) {
    Instant time = AmzDate.parseHttpDate(value);
    if (time == null && value != null) {
      time = AmzDate.parse(value.trim());
    }
    if (time == null) {
      throw new CofferException(
          ErrorCode.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
    }
    return time;
  }

  private static PayloadMode payloadMode(@Nullable String contentSha256) {
    if (contentSha256 == null) {
      return PayloadMode.UNSIGNED;
    }
    PayloadMode mode = PayloadMode.parse(contentSha256.trim());
    if (mode.isStreaming()) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "aws-chunked payloads (" + contentSha256.trim() + ") need Signature Version 4.");
    }
    return mode;
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : value.trim();
  }
}
