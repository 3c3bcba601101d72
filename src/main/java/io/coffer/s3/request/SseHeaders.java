package io.coffer.s3.request;

import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.SseRequest;
import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.service.KmsKeyIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the server-side encryption headers of a request into an {@link SseRequest} (writes) or a
 * {@link CustomerKey} (SSE-C on reads, parts and copy sources), refusing what AWS refuses with its
 * error and message. A customer key is checked against its MD5 here, once; it never appears in an
 * error.
 */
public final class SseHeaders {
  public static final String SSE = "x-amz-server-side-encryption";
  public static final String KMS_KEY_ID = SSE + "-aws-kms-key-id";
  public static final String CONTEXT = SSE + "-context";
  public static final String BUCKET_KEY_ENABLED = SSE + "-bucket-key-enabled";
  public static final String CUSTOMER = SSE + "-customer-";
  public static final String COPY_SOURCE_CUSTOMER =
      "x-amz-copy-source-server-side-encryption-customer-";

  public static final String AES256 = "AES256";
  public static final String AWS_KMS = "aws:kms";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SseHeaders() {}

  /**
   * What a write (PutObject, CopyObject's target, CreateMultipartUpload) asks for: {@link
   * SseRequest#NONE} when it sends no encryption header (the bucket's default then applies).
   */
  public static SseRequest write(Headers headers) {
    CustomerKey customer = customerKey(headers, CUSTOMER);
    String sse = trimmed(headers.get(SSE));
    String keyId = trimmed(headers.get(KMS_KEY_ID));
    String context = trimmed(headers.get(CONTEXT));
    String bucketKey = trimmed(headers.get(BUCKET_KEY_ENABLED));
    if (customer != null) {
      if (sse != null) {
        throw CofferException.invalidArgument(
            "Server Side Encryption with Customer provided key is incompatible with the encryption"
                + " method specified",
            SSE,
            sse);
      }
      if (keyId != null || context != null) {
        throw kmsHeaderWithoutKms(keyId != null ? KMS_KEY_ID : CONTEXT);
      }
      return new SseRequest.Customer(customer);
    }
    if (sse == null) {
      if (keyId != null || context != null) {
        throw kmsHeaderWithoutKms(keyId != null ? KMS_KEY_ID : CONTEXT);
      }
      if (bucketKey != null) {
        bucketKeyEnabled(bucketKey); // validated, and meaningless without aws:kms
      }
      return SseRequest.NONE;
    }
    return switch (sse) {
      case AES256 -> {
        if (keyId != null || context != null) {
          throw kmsHeaderWithoutKms(keyId != null ? KMS_KEY_ID : CONTEXT);
        }
        if (bucketKey != null) {
          bucketKeyEnabled(bucketKey);
        }
        yield new SseRequest.S3();
      }
      case AWS_KMS ->
          new SseRequest.Kms(
              keyId == null ? null : KmsKeyIds.name(keyId),
              context == null ? null : context(context),
              bucketKey != null && bucketKeyEnabled(bucketKey));
      case "aws:kms:dsse" ->
          throw new CofferException(
              ErrorCode.NOT_IMPLEMENTED,
              "Dual-layer server-side encryption (aws:kms:dsse) is not implemented by Coffer.");
      default ->
          throw CofferException.invalidArgument(
              "The encryption method specified is not supported", SSE, sse);
    };
  }

  /** The SSE-C key of a read, a part or a completion (the object's own key), or null. */
  public static @Nullable CustomerKey customerKey(Headers headers) {
    return customerKey(headers, CUSTOMER);
  }

  /** The key of a copy's source (x-amz-copy-source-server-side-encryption-customer-*), or null. */
  public static @Nullable CustomerKey copySourceKey(Headers headers) {
    return customerKey(headers, COPY_SOURCE_CUSTOMER);
  }

  /** Whether the request sends an SSE-C key for the object or a copy source. */
  public static boolean sendsCustomerKey(Headers headers) {
    for (String prefix : new String[] {CUSTOMER, COPY_SOURCE_CUSTOMER}) {
      for (String suffix : new String[] {"algorithm", "key", "key-MD5"}) {
        if (headers.get(prefix + suffix) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The key of the trio with this prefix, or null when none of them is sent. As AWS: all three must
   * be there, the algorithm AES256, the key 32 bytes in base64 and the MD5 the key's.
   */
  private static @Nullable CustomerKey customerKey(Headers headers, String prefix) {
    String algorithm = trimmed(headers.get(prefix + "algorithm"));
    String key = trimmed(headers.get(prefix + "key"));
    String md5 = trimmed(headers.get(prefix + "key-MD5"));
    if (algorithm == null && key == null && md5 == null) {
      return null;
    }
    if (algorithm == null) {
      throw CofferException.invalidArgument(
          "Requests specifying Server Side Encryption with Customer provided keys must provide a"
              + " valid encryption algorithm.",
          prefix + "algorithm",
          null);
    }
    if (!algorithm.equals(AES256)) {
      throw new CofferException(
              ErrorCode.INVALID_ENCRYPTION_ALGORITHM,
              "The encryption request you specified is not valid. The valid value is AES256.")
          .with("ArgumentName", prefix + "algorithm")
          .with("ArgumentValue", algorithm);
    }
    if (key == null) {
      throw CofferException.invalidArgument(
          "Requests specifying Server Side Encryption with Customer provided keys must provide an"
              + " appropriate secret key.",
          prefix + "key",
          null);
    }
    if (md5 == null) {
      throw CofferException.invalidArgument(
          "Requests specifying Server Side Encryption with Customer provided keys must provide the"
              + " client calculated MD5 of the secret key.",
          prefix + "key-MD5",
          null);
    }
    byte[] keyBytes = base64(key);
    if (keyBytes == null || keyBytes.length != 32) {
      throw CofferException.invalidArgument(
          "The secret key was invalid for the specified algorithm.", prefix + "key", null);
    }
    byte[] sentMd5 = base64(md5);
    if (sentMd5 == null || !MessageDigest.isEqual(sentMd5, md5(keyBytes))) {
      throw CofferException.invalidArgument(
          "The calculated MD5 hash of the key did not match the hash that was provided.",
          prefix + "key-MD5",
          null);
    }
    return new CustomerKey(keyBytes, Base64.getEncoder().encodeToString(sentMd5));
  }

  /**
   * The encryption context as sent, once it is known to be what AWS requires: base64 of a JSON
   * object whose values are strings.
   */
  private static String context(String value) {
    byte[] json = base64(value);
    if (json == null || !isStringMap(new String(json, StandardCharsets.UTF_8))) {
      throw CofferException.invalidArgument(
          "The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string"
              + " holding JSON which represents a string-string map",
          CONTEXT,
          null);
    }
    return value;
  }

  private static boolean isStringMap(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        return false;
      }
      for (JsonNode value : node.values()) {
        if (!value.isString()) {
          return false;
        }
      }
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static boolean bucketKeyEnabled(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw CofferException.invalidArgument(
        "Invalid value for header " + BUCKET_KEY_ENABLED, BUCKET_KEY_ENABLED, value);
  }

  private static CofferException kmsHeaderWithoutKms(String header) {
    return CofferException.invalidArgument(
        "Server Side Encryption with AWS KMS managed key requires HTTP header"
            + " x-amz-server-side-encryption : aws:kms",
        header,
        null);
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return value == null ? null : value.trim();
  }

  private static byte @Nullable [] base64(String value) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
