package io.coffer.s3.response;

import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.SseRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.Encryption;
import io.coffer.service.KmsKeyIds;
import org.jspecify.annotations.Nullable;

/**
 * The server-side encryption of an object (or upload) as response headers: what PutObject,
 * GetObject, HeadObject, CopyObject and the multipart operations answer, so that clients know how
 * the bytes are kept (and SDKs know the ETag of an SSE-KMS or SSE-C object is no MD5).
 */
public final class EncryptionHeaders {
  /**
   * The account in the KMS key ARNs Coffer answers with: a single server has no AWS account, and
   * clients only echo the ARN back (any account is accepted in one sent).
   */
  public static final String ACCOUNT = "000000000000";

  private EncryptionHeaders() {}

  /**
   * @param encryption the object's encryption, or null for none (then nothing is written)
   * @param customerKey the request's SSE-C key, whose MD5 is echoed for an SSE-C object
   * @param region the server's region, for the KMS key's ARN
   */
  public static void write(
      HttpResponse response,
      @Nullable Encryption encryption,
      @Nullable CustomerKey customerKey,
      String region) {
    if (encryption == null) {
      return;
    }
    switch (encryption.mode()) {
      case S3 -> response.header("x-amz-server-side-encryption", encryption.mode().headerValue());
      case KMS -> {
        response
            .header("x-amz-server-side-encryption", encryption.mode().headerValue())
            .header(
                "x-amz-server-side-encryption-aws-kms-key-id", keyArn(region, encryption.keyId()));
        if (encryption.bucketKeyEnabled()) {
          response.header("x-amz-server-side-encryption-bucket-key-enabled", "true");
        }
      }
      case CUSTOMER -> {
        response.header(
            "x-amz-server-side-encryption-customer-algorithm", encryption.mode().headerValue());
        if (customerKey != null) {
          response.header("x-amz-server-side-encryption-customer-key-MD5", customerKey.md5());
        }
      }
    }
  }

  /**
   * The headers of a write's answer: the encryption the new object (or upload) got, the SSE-C key's
   * MD5 from the request, and the SSE-KMS context it sent.
   */
  public static void written(
      HttpResponse response, @Nullable Encryption encryption, SseRequest sent, String region) {
    write(
        response,
        encryption,
        sent instanceof SseRequest.Customer customer ? customer.key() : null,
        region);
    context(response, encryption);
  }

  /** x-amz-server-side-encryption-context of a write that sent one (SSE-KMS). */
  public static void context(HttpResponse response, @Nullable Encryption encryption) {
    if (encryption != null && encryption.kmsContext() != null) {
      response.header("x-amz-server-side-encryption-context", encryption.kmsContext());
    }
  }

  /** A KMS key's ARN as S3 answers it: {@code arn:aws:kms:<region>:<account>:key/<name>}. */
  public static String keyArn(String region, String name) {
    return KmsKeyIds.arn(region, ACCOUNT, name);
  }
}
