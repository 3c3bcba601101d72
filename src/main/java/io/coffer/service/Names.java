package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The naming rules of buckets and keys. */
public final class Names {
  public static final int MAX_KEY_BYTES = 1024;

  /** Bucket names reserved for Coffer's own paths on the S3 port (health checks). */
  public static final String RESERVED_BUCKET = "coffer";

  /**
   * Reserved for MinIO's health paths ({@code /minio/health/...}), which Coffer answers too; MinIO
   * reserves the name for the same reason.
   */
  public static final String MINIO_RESERVED_BUCKET = "minio";

  private Names() {}

  /**
   * S3's bucket naming rules: 3 to 63 characters of lower-case letters, digits, dots and hyphens,
   * beginning and ending with a letter or digit, no two adjacent dots, not an IP address, and not a
   * reserved prefix or suffix.
   */
  public static boolean isValidBucketName(@Nullable String name) {
    if (name == null || name.length() < 3 || name.length() > 63) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) {
        return false;
      }
    }
    if (!isAlnum(name.charAt(0)) || !isAlnum(name.charAt(name.length() - 1))) {
      return false;
    }
    if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
      return false;
    }
    if (name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
      return false;
    }
    return !(name.startsWith("xn--")
        || name.startsWith("sthree-")
        || name.endsWith("-s3alias")
        || name.endsWith("--ol-s3")
        || name.equals(RESERVED_BUCKET)
        || name.equals(MINIO_RESERVED_BUCKET));
  }

  public static void requireValidBucketName(@Nullable String name) {
    if (!isValidBucketName(name)) {
      throw new CofferException(
          ErrorCode.INVALID_BUCKET_NAME, "The specified bucket is not valid: " + name);
    }
  }

  /** Keys are any non-empty UTF-8 up to 1024 bytes. */
  public static void requireValidKey(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "The object key must not be empty.");
    }
    if (key.length() > MAX_KEY_BYTES / 3
        && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new CofferException(ErrorCode.KEY_TOO_LONG, "Your key is too long (over 1024 bytes).");
    }
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
