package io.coffer.crypto;

/**
 * An SSE-C key as a request sent it (x-amz-server-side-encryption-customer-key, already checked
 * against its -MD5 header by the parser). Never stored, never logged: {@link #toString()} hides it.
 *
 * @param key the 32 bytes of the AES-256 key
 * @param md5 the base64 MD5 of the key, echoed in answers as AWS does
 */
public record CustomerKey(byte[] key, String md5) {
  @Override
  public String toString() {
    return "CustomerKey[md5=" + md5 + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CustomerKey that && java.security.MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return md5.hashCode();
  }
}
