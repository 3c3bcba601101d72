package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Tags;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's rules for tag sets, shared by every way tags arrive (the Tagging XML document, the {@code
 * x-amz-tagging} header, a POST upload's {@code tagging} field, the management API): at most 10
 * tags on an object and 50 on a bucket, keys of 1 to 128 and values of up to 256 Unicode characters
 * drawn from letters, digits, white space and {@code _ . : / = + - @}, no duplicate keys, and no
 * {@code aws:} prefix (reserved for AWS's own tags).
 */
public final class TagSets {
  public static final int MAX_OBJECT_TAGS = 10;
  public static final int MAX_BUCKET_TAGS = 50;
  public static final int MAX_KEY_LENGTH = 128;
  public static final int MAX_VALUE_LENGTH = 256;

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  private static final String RESERVED_PREFIX = "aws:";

  private TagSets() {}

  /**
   * The tags of an {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, URL-encoded; a key without
   * {@code =} has the empty value), validated as an object's tag set.
   */
  public static Map<String, String> parseQueryString(String urlEncoded) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    if (urlEncoded.isEmpty()) {
      return Map.of();
    }
    for (String pair : urlEncoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (tags.putIfAbsent(key, value) != null) {
        throw headerMalformed();
      }
    }
    validateObjectTags(tags);
    return Tags.copyOf(tags);
  }

  /**
   * The tag set of key/value pairs in the order given (as a Tagging document lists them); a key
   * given twice is S3's InvalidTag. Validate the result with {@link #validateObjectTags} or {@link
   * #validateBucketTags}.
   */
  public static Map<String, String> fromPairs(List<Map.Entry<String, String>> pairs) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs) {
      if (tags.putIfAbsent(pair.getKey(), pair.getValue()) != null) {
        throw new CofferException(
            ErrorCode.INVALID_TAG, "Cannot provide multiple Tags with the same key");
      }
    }
    return Tags.copyOf(tags);
  }

  /** Throws S3's error when {@code tags} is not a valid object tag set. */
  public static void validateObjectTags(Map<String, String> tags) {
    if (tags.size() > MAX_OBJECT_TAGS) {
      throw new CofferException(
          ErrorCode.BAD_REQUEST, "Object tags cannot be greater than " + MAX_OBJECT_TAGS);
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      validateTag(tag.getKey(), tag.getValue(), "Your TagKey cannot be prefixed with aws:");
    }
  }

  /** Throws S3's error when {@code tags} is not a valid bucket tag set. */
  public static void validateBucketTags(Map<String, String> tags) {
    if (tags.size() > MAX_BUCKET_TAGS) {
      throw new CofferException(
          ErrorCode.BAD_REQUEST, "Bucket tag count cannot be greater than " + MAX_BUCKET_TAGS);
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      validateTag(tag.getKey(), tag.getValue(), "System tags cannot be added/updated by requester");
    }
  }

  private static void validateTag(String key, String value, String reservedMessage) {
    if (key.isEmpty() || !ALLOWED.matcher(key).matches()) {
      throw new CofferException(ErrorCode.INVALID_TAG, "The TagKey you have provided is invalid");
    }
    if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
      throw new CofferException(
          ErrorCode.INVALID_TAG, "The TagKey you have provided is too long, max " + MAX_KEY_LENGTH);
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new CofferException(ErrorCode.INVALID_TAG, "The TagValue you have provided is invalid");
    }
    if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
      throw new CofferException(
          ErrorCode.INVALID_TAG,
          "The TagValue you have provided is too long, max " + MAX_VALUE_LENGTH);
    }
    if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
      throw new CofferException(ErrorCode.INVALID_TAG, reservedMessage);
    }
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw headerMalformed();
    }
  }

  private static CofferException headerMalformed() {
    return CofferException.invalidArgument(
        "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query"
            + " parameters without tag name duplicates.",
        "x-amz-tagging",
        null);
  }
}
