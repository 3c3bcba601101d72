package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * header. As AWS does, the three components may come in any order, with or without spaces around
 * the commas.
 *
 * @param signedHeaders the {@code SignedHeaders} value as sent, which is what the client signed
 */
record AuthorizationHeader(
    CredentialScope credential,
    String signedHeaders,
    List<String> signedHeaderNames,
    String signature) {

  static final String PREFIX = "The authorization header is malformed; ";
  private static final String THREE_COMPONENTS =
      PREFIX
          + "the authorization header requires three components: Credential, SignedHeaders,"
          + " and Signature.";

  /** Parses a header already known to start with {@link SigV4#ALGORITHM} and whitespace. */
  static AuthorizationHeader parse(String value) {
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    int start = SigV4.ALGORITHM.length();
    int length = value.length();
    while (start < length) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? length : comma;
      String component = value.substring(start, end).trim();
      start = end + 1;
      int eq = component.indexOf('=');
      if (eq < 0) {
        throw malformed(THREE_COMPONENTS);
      }
      String name = component.substring(0, eq).trim();
      String content = component.substring(eq + 1).trim();
      switch (name) {
        case "Credential" -> credential = once(credential, content);
        case "SignedHeaders" -> signedHeaders = once(signedHeaders, content);
        case "Signature" -> signature = once(signature, content);
        default -> throw malformed(THREE_COMPONENTS);
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw malformed(THREE_COMPONENTS);
    }
    CredentialScope scope = CredentialScope.parse(credential);
    if (scope == null) {
      throw malformed(PREFIX + CredentialScope.MALFORMED);
    }
    List<String> names = splitSignedHeaders(signedHeaders);
    if (names == null) {
      throw malformed(PREFIX + "the SignedHeaders component is empty or malformed.");
    }
    return new AuthorizationHeader(scope, signedHeaders, names, signature);
  }

  private static String once(@Nullable String previous, String value) {
    if (previous != null) {
      throw malformed(THREE_COMPONENTS);
    }
    return value;
  }

  /** Splits a {@code SignedHeaders} list; null when it is empty or has an empty name. */
  static @Nullable List<String> splitSignedHeaders(String signedHeaders) {
    if (signedHeaders.isEmpty()) {
      return null;
    }
    List<String> names = List.of(signedHeaders.split(";", -1));
    for (String name : names) {
      if (name.isEmpty()) {
        return null;
      }
    }
    return names;
  }

  private static CofferException malformed(String message) {
    return new CofferException(ErrorCode.AUTHORIZATION_HEADER_MALFORMED, message);
  }
}
