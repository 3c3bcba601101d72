package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The signature of a POST upload form: what is signed is the base64 policy document as the form
 * carries it. SigV4 ({@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date}, {@code
 * x-amz-signature}: hex HMAC-SHA256 with the derived signing key) and SigV2 ({@code
 * AWSAccessKeyId}, {@code signature}: base64 HMAC-SHA1 with the secret key). Field names are in
 * lower case, as {@code PostForm} keeps them. The form's own expiry is the policy's; no clock skew
 * applies.
 */
public final class PostFormSignature {
  private PostFormSignature() {}

  /** Whether the form carries a signature of either version (or names a key to sign with). */
  public static boolean isSigned(Map<String, String> fields) {
    return fields.containsKey("x-amz-signature")
        || fields.containsKey("x-amz-credential")
        || fields.containsKey("x-amz-algorithm")
        || fields.containsKey("signature")
        || fields.containsKey("awsaccesskeyid");
  }

  /** {@code AWS4-HMAC-SHA256} for a SigV4 form, {@code AWS} for SigV2 (s3:signatureversion). */
  public static String version(Map<String, String> fields) {
    return fields.containsKey("awsaccesskeyid") && !fields.containsKey("x-amz-credential")
        ? "AWS"
        : SigV4.ALGORITHM;
  }

  /** The SigV4 signature of a policy: the hex HMAC-SHA256 of its base64 text. */
  public static String signV4(String secretKey, String date, String region, String policy) {
    byte[] key = SigningKeys.derive(secretKey, date, region, SigV4.SERVICE);
    return Hex.encode(Hashing.hmac(key, policy));
  }

  /** The SigV2 signature of a policy: the base64 HMAC-SHA1 of its base64 text. */
  public static String signV2(String secretKey, String policy) {
    return SigV2.sign(secretKey, policy);
  }

  /**
   * The credential that signed the form's policy; an AWS error otherwise.
   *
   * @param resolve finds an active credential by access key (InvalidAccessKeyId otherwise)
   * @param signingKey the SigV4 signing key of a secret, date and region (cached by the caller)
   */
  static Credential verify(
      Map<String, String> fields,
      String region,
      Function<String, Credential> resolve,
      SigningKeyCache signingKey) {
    if (version(fields).equals("AWS")) {
      String accessKey = require(fields, "AWSAccessKeyId");
      String signature = require(fields, "signature");
      String policy = requirePolicy(fields.get("policy"));
      Credential credential = resolve.apply(accessKey);
      if (!SigV2.matches(SigV2.sign(credential.secretKey(), policy), signature)) {
        throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
      }
      return credential;
    }
    String algorithm = require(fields, "x-amz-algorithm");
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      throw CofferException.invalidArgument(
          "Only the AWS4-HMAC-SHA256 algorithm is supported.", "x-amz-algorithm", algorithm);
    }
    String credentialField = require(fields, "x-amz-credential");
    String amzDate = require(fields, "x-amz-date");
    String signature = require(fields, "x-amz-signature");
    String policy = requirePolicy(fields.get("policy"));
    CredentialScope scope = CredentialScope.parse(credentialField);
    if (scope == null) {
      throw CofferException.invalidArgument(
          CredentialScope.MALFORMED, "x-amz-credential", credentialField);
    }
    if (AmzDate.parse(amzDate) == null) {
      throw CofferException.invalidArgument(
          "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
          "x-amz-date",
          amzDate);
    }
    scope.check(region, amzDate, ErrorCode.INVALID_ARGUMENT, "");
    Credential credential = resolve.apply(scope.accessKey());
    byte[] key = signingKey.get(credential.secretKey(), scope.date(), scope.region());
    String expected = Hex.encode(Hashing.hmac(key, policy));
    // Constant time, so the response time does not reveal how much of a guess was right.
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    return credential;
  }

  /** The signing key of a secret, a scope date and a region. */
  @FunctionalInterface
  interface SigningKeyCache {
    byte[] get(String secretKey, String date, String region);
  }

  private static String require(Map<String, String> fields, String name) {
    String value = fields.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  private static String requirePolicy(@Nullable String policy) {
    if (policy == null) {
      throw missing("Policy");
    }
    return policy;
  }

  /** AWS's answer to a form lacking a field it needs (the signature's, or the key). */
  public static CofferException missing(String name) {
    return CofferException.invalidArgument(
        "Bucket POST must contain a field named '"
            + name
            + "'.  If it is specified, please check the order of the fields.",
        name,
        null);
  }
}
