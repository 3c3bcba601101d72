package io.coffer.s3.auth;

/**
 * What is needed to check the chunk signatures of an {@code aws-chunked} body: each chunk's
 * signature chains from the previous one, starting at the request's own (seed) signature.
 *
 * @param signingKey the derived SigV4 signing key (secret material: never logged)
 * @param scope the credential scope, {@code yyyyMMdd/region/s3/aws4_request}
 * @param amzDate the request timestamp as signed, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param seedSignature the signature of the request headers, hex
 */
public record StreamingContext(
    byte[] signingKey, String scope, String amzDate, String seedSignature) {

  @Override
  public String toString() {
    return "StreamingContext[scope="
        + scope
        + ", amzDate="
        + amzDate
        + ", seedSignature="
        + seedSignature
        + "]";
  }
}
