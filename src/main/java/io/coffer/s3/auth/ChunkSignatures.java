package io.coffer.s3.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * The chained signatures of an {@code aws-chunked} body: each chunk's string to sign names the
 * previous signature, so chunks cannot be dropped, reordered or replayed. One instance serves one
 * body at a time (it owns a {@link Mac}).
 */
final class ChunkSignatures {
  private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
  private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";

  private final StreamingContext context;
  private final Mac mac;

  ChunkSignatures(StreamingContext context) {
    this.context = context;
    this.mac = Hashing.hmac(context.signingKey());
  }

  /** The signature of a chunk whose data has the given SHA-256. */
  String chunk(@Nullable String previousSignature, byte[] chunkSha256) {
    return sign(
        CHUNK_ALGORITHM, previousSignature, SigV4.EMPTY_SHA256 + '\n' + Hex.encode(chunkSha256));
  }

  /** The signature of the trailer block, computed over {@link #canonicalTrailers}. */
  String trailer(@Nullable String previousSignature, Map<String, String> trailers) {
    return sign(
        TRAILER_ALGORITHM, previousSignature, Hashing.sha256Hex(canonicalTrailers(trailers)));
  }

  private String sign(String algorithm, @Nullable String previousSignature, String hashes) {
    String stringToSign =
        algorithm
            + '\n'
            + context.amzDate()
            + '\n'
            + context.scope()
            + '\n'
            + previousSignature
            + '\n'
            + hashes;
    return Hex.encode(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
  }

  /** Trailers as signed: {@code name:value\n} per trailer, names lower case and sorted. */
  static String canonicalTrailers(Map<String, String> trailers) {
    StringBuilder out = new StringBuilder(64);
    new TreeMap<>(trailers)
        .forEach((name, value) -> out.append(name).append(':').append(value.trim()).append('\n'));
    return out.toString();
  }

  /** Constant-time comparison of two hex signatures. */
  static boolean matches(String expected, @Nullable String provided) {
    return provided != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            provided.getBytes(StandardCharsets.US_ASCII));
  }
}
