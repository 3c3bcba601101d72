package io.coffer.service;

import io.coffer.crypto.CustomerKey;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.KeyService;
import io.coffer.crypto.SseRequest;
import io.coffer.model.BucketEncryption;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The encryption decisions of writes and reads, in S3's terms: which encryption a write gets (its
 * headers, else the bucket's default), which ETag an encrypted object shows, and which key a read
 * must bring. The ciphers and key sealing are the key store's ({@link KeyService}).
 */
final class ObjectEncryption {
  private static final byte[] ETAG_LABEL = "coffer etag v1\n".getBytes(StandardCharsets.UTF_8);

  private ObjectEncryption() {}

  /** What a write gets: its own headers when it sent any, else the bucket's default. */
  static SseRequest effective(SseRequest sent, @Nullable BucketEncryption bucketDefault) {
    return sent instanceof SseRequest.None ? EncryptionService.defaultRequest(bucketDefault) : sent;
  }

  /** A fresh data key for a new object or upload, or null when it is stored as sent. */
  static @Nullable DataKey newKey(KeyService keys, SseRequest request) {
    return request instanceof SseRequest.None ? null : keys.newDataKey(request);
  }

  /**
   * The key that decrypts a stored object (or an upload's parts), or null when it is not encrypted.
   * As AWS: an SSE-C object read without its key is 400 InvalidRequest, with another key 403 (the
   * key store's answer); a key sent for an object that is not SSE-C is 400 InvalidRequest.
   */
  static @Nullable DataKey open(
      KeyService keys, @Nullable Encryption encryption, @Nullable CustomerKey customerKey) {
    requireKeyMatchesMode(encryption, customerKey);
    return encryption == null ? null : keys.open(encryption, customerKey);
  }

  /**
   * Checks that a request brings the SSE-C key an object needs (and only then one), without
   * decrypting anything but the key check: GetObjectAttributes.
   */
  static void requireKey(
      KeyService keys, @Nullable Encryption encryption, @Nullable CustomerKey customerKey) {
    requireKeyMatchesMode(encryption, customerKey);
    if (encryption != null && encryption.mode() == Encryption.Mode.CUSTOMER) {
      keys.open(encryption, customerKey);
    }
  }

  private static void requireKeyMatchesMode(
      @Nullable Encryption encryption, @Nullable CustomerKey customerKey) {
    boolean customer = encryption != null && encryption.mode() == Encryption.Mode.CUSTOMER;
    if (customer && customerKey == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The object was stored using a form of Server Side Encryption. The correct parameters"
              + " must be provided to retrieve the object.");
    }
    if (!customer && customerKey != null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The encryption parameters are not applicable to this object.");
    }
  }

  /**
   * The key of an upload's parts. As AWS: the parts of an SSE-C upload must send its key (400
   * without, 403 with another); parts of other uploads must send none.
   */
  static @Nullable DataKey forPart(
      KeyService keys, @Nullable Encryption upload, @Nullable CustomerKey customerKey) {
    if (upload != null && upload.mode() == Encryption.Mode.CUSTOMER && customerKey == null) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The multipart upload initiate requested encryption. Subsequent part requests must"
              + " include the appropriate encryption parameters.");
    }
    return open(keys, upload, customerKey);
  }

  /**
   * The ETag of a stored body, as AWS documents it: the MD5 of the plaintext for unencrypted and
   * SSE-S3 objects; for SSE-KMS and SSE-C something else, since the MD5 of the plaintext would tell
   * who can read the object's ETag but not its bytes whether it holds a guessed content. Here a
   * keyed hash of that MD5 under the object's own data key: the same 32 hex digits as an MD5,
   * stable for the object, and for an upload's parts (which share the upload's key) what
   * CompleteMultipartUpload checks.
   */
  static String etag(StoredBody stored, @Nullable DataKey dataKey) {
    if (dataKey == null || dataKey.encryption().mode() == Encryption.Mode.S3) {
      return stored.md5Hex();
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(dataKey.key(), "HmacSHA256"));
      mac.update(ETAG_LABEL);
      byte[] tag = mac.doFinal(stored.md5());
      return HexFormat.of().formatHex(Arrays.copyOf(tag, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
