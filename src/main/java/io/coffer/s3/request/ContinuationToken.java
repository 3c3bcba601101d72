package io.coffer.s3.request;

import io.coffer.model.CofferException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The continuation tokens of ListObjectsV2 and ListBuckets: opaque to clients, they carry the last
 * key (or bucket name) a page returned. A token is checked before it is used, so one that Coffer
 * did not issue — another server's, a garbled or truncated one, one from another bucket or listing
 * — is refused as S3 refuses it instead of silently listing from some other position.
 *
 * <p>Layout, base64url without padding: a version byte, the listing it belongs to, a CRC-32 of
 * those two, the listing's scope (the bucket) and the position, then the position in UTF-8. The CRC
 * catches accidents and foreign tokens; it is no secret, as the position is the caller's own key
 * and forging one buys nothing a {@code start-after} does not.
 *
 * @param token the token as the client sent it (echoed in the response)
 * @param position what it resumes after
 */
public record ContinuationToken(String token, String position) {
  private static final byte VERSION = 1;
  private static final int HEADER = 2 + Integer.BYTES;
  public static final String PARAMETER = "continuation-token";

  /** Which listing a token continues. */
  public enum Listing {
    OBJECTS((byte) 'O'),
    BUCKETS((byte) 'B');

    private final byte tag;

    Listing(byte tag) {
      this.tag = tag;
    }
  }

  /** A token that resumes {@code listing} of {@code scope} after {@code position}. */
  public static String issue(Listing listing, String scope, String position) {
    byte[] bytes = position.getBytes(StandardCharsets.UTF_8);
    ByteBuffer token = ByteBuffer.allocate(HEADER + bytes.length);
    token.put(VERSION).put(listing.tag).putInt(crc(listing, scope, bytes)).put(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /**
   * A token issued by {@link #issue}, with the position it resumes after; InvalidArgument ("The
   * continuation token provided is incorrect") for anything else, an empty token included.
   */
  static ContinuationToken parse(Listing listing, String scope, String token) {
    return new ContinuationToken(token, position(listing, scope, token));
  }

  private static String position(Listing listing, String scope, String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw incorrect();
    }
    if (raw.length < HEADER || raw[0] != VERSION || raw[1] != listing.tag) {
      throw incorrect();
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw);
    int crc = buffer.getInt(2);
    byte[] position = new byte[raw.length - HEADER];
    buffer.get(HEADER, position);
    if (crc != crc(listing, scope, position)) {
      throw incorrect();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(position))
          .toString();
    } catch (CharacterCodingException e) {
      throw incorrect();
    }
  }

  private static int crc(Listing listing, String scope, byte[] position) {
    CRC32 crc = new CRC32();
    crc.update(VERSION);
    crc.update(listing.tag);
    crc.update(scope.getBytes(StandardCharsets.UTF_8));
    crc.update(0); // separates scope and position, so ("ab", "c") and ("a", "bc") differ
    crc.update(position);
    return (int) crc.getValue();
  }

  private static CofferException incorrect() {
    // S3 names the argument but does not echo the token.
    return CofferException.invalidArgument(
        "The continuation token provided is incorrect", PARAMETER, null);
  }
}
