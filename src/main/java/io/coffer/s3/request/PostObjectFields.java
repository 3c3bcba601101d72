package io.coffer.s3.request;

import io.coffer.crypto.SseRequest;
import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a POST upload form read as the headers of the PutObject they stand for: the same
 * parser reads the object's attributes, metadata, checksums, lock and ACL, and the same {@link
 * FeatureHeaders} table refuses what Coffer does not do (storage classes, ...). Only the name
 * {@code acl} differs from its header, {@code x-amz-acl}.
 */
public final class PostObjectFields {
  /** The form's own controls, which are no header of the object. */
  private static final Set<String> CONTROLS =
      Set.of(
          "key",
          "policy",
          "x-amz-signature",
          "x-amz-credential",
          "x-amz-algorithm",
          "x-amz-date",
          "x-amz-security-token",
          "signature",
          "awsaccesskeyid",
          "success_action_status",
          "success_action_redirect",
          "redirect",
          "tagging",
          "bucket",
          "file");

  private PostObjectFields() {}

  /**
   * The headers the form's fields stand for (names in lower case), each value as its UTF-8 bytes
   * would arrive in a header, so that a form's metadata is stored and returned as a PutObject's.
   */
  public static Headers headers(Map<String, String> fields) {
    String[] lines = new String[fields.size() * 2];
    int n = 0;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String name = field.getKey();
      if (CONTROLS.contains(name) || name.startsWith("x-ignore-")) {
        continue;
      }
      lines[n++] = name.equals("acl") ? "x-amz-acl" : name;
      // as the same bytes would arrive in a header: one char per byte (what PutObject stores)
      lines[n++] =
          new String(
              field.getValue().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    return Headers.of(Arrays.copyOf(lines, n));
  }

  /** The PutObject a form asks for, refused as its headers would be. */
  public static S3Operation.PutObject putObject(String bucket, String key, Headers headers) {
    FeatureHeaders.check(S3Operation.PutObject.class, headers::get);
    S3Operation.PutObject put = ObjectParameters.put(bucket, key, Query.EMPTY, headers);
    if (put.sse() instanceof SseRequest.Customer) {
      // The form is read after the front end's check that SSE-C keys come over TLS only.
      throw new CofferException(
          ErrorCode.NOT_IMPLEMENTED,
          "Server-side encryption with customer keys (SSE-C) in browser form uploads is not"
              + " implemented by Coffer; SSE-S3 and SSE-KMS fields are.");
    }
    return put;
  }
}
