package io.coffer.s3.request;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;

/** Parses {@code x-amz-copy-source}: {@code [/]bucket/key[?versionId=...]}, URL-encoded. */
public final class CopySourceParser {
  private CopySourceParser() {}

  public static S3Operation.CopySource parse(String header) {
    String value = header.trim();
    String version = null;
    int question = value.indexOf('?');
    if (question >= 0) {
      Query params = RequestUri.parseQuery(value.substring(question + 1));
      version = params.get("versionId");
      value = value.substring(0, question);
    }
    String decoded = RequestUri.decodePath(value);
    if (decoded.startsWith("/")) {
      decoded = decoded.substring(1);
    }
    int slash = decoded.indexOf('/');
    if (slash <= 0 || slash == decoded.length() - 1) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
    }
    return new S3Operation.CopySource(
        decoded.substring(0, slash),
        decoded.substring(slash + 1),
        ObjectParameters.wellFormedVersion(version));
  }
}
