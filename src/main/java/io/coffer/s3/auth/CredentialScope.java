package io.coffer.s3.auth;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Credential} of a signature: {@code <access
 * key>/<yyyyMMdd>/<region>/<service>/aws4_request}.
 *
 * @param accessKey the access key, which is everything before the last four fields
 */
record CredentialScope(
    String accessKey, String date, String region, String service, String terminator) {

  static final String MALFORMED =
      "the Credential is mal-formed; expecting"
          + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

  /** Splits a credential; null when it does not have the five fields. */
  static @Nullable CredentialScope parse(String credential) {
    int[] slashes = new int[4];
    int end = credential.length();
    for (int i = 3; i >= 0; i--) {
      int slash = credential.lastIndexOf('/', end - 1);
      if (slash <= 0) {
        return null;
      }
      slashes[i] = slash;
      end = slash;
    }
    return new CredentialScope(
        credential.substring(0, slashes[0]),
        credential.substring(slashes[0] + 1, slashes[1]),
        credential.substring(slashes[1] + 1, slashes[2]),
        credential.substring(slashes[2] + 1, slashes[3]),
        credential.substring(slashes[3] + 1));
  }

  /**
   * s3cmd, by default, signs with the legacy location name "US" for us-east-1 (S3 would answer with
   * the right region and s3cmd would retry). Accepting it, as MinIO does, spares every s3cmd user a
   * setting. The signature is still computed over the scope as sent.
   */
  private boolean isLegacyUsStandard(String expectedRegion) {
    return region.equals("US") && expectedRegion.equals("us-east-1");
  }

  /** The scope line of the string to sign. */
  String scope() {
    return date + '/' + region + '/' + service + '/' + terminator;
  }

  /**
   * Checks the scope against this server and the request's date, with AWS's wording.
   *
   * @param amzDate the request timestamp, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param code the error to raise: AuthorizationHeaderMalformed or
   *     AuthorizationQueryParametersError depending on where the credential came from
   * @param prefix the start of the message naming where the credential came from
   */
  void check(String expectedRegion, String amzDate, ErrorCode code, String prefix) {
    if (!date.equals(amzDate.substring(0, 8))) {
      throw new CofferException(
          code,
          prefix
              + "Invalid credential date \""
              + date
              + "\". This date is not the same as X-Amz-Date: \""
              + amzDate.substring(0, 8)
              + "\".");
    }
    if (!region.equals(expectedRegion) && !isLegacyUsStandard(expectedRegion)) {
      // AWS names the right region in an element of its own; minio-js, for one, reads it to
      // learn a bucket's region and retries there.
      throw new CofferException(
              code,
              prefix + "the region '" + region + "' is wrong; expecting '" + expectedRegion + "'")
          .with("Region", expectedRegion);
    }
    if (!service.equals(SigV4.SERVICE)) {
      throw new CofferException(
          code,
          prefix
              + "incorrect service \""
              + service
              + "\". This endpoint belongs to \""
              + SigV4.SERVICE
              + "\".");
    }
    if (!terminator.equals(SigV4.TERMINATOR)) {
      throw new CofferException(
          code,
          prefix
              + "incorrect terminal \""
              + terminator
              + "\". This endpoint uses \""
              + SigV4.TERMINATOR
              + "\".");
    }
  }
}
