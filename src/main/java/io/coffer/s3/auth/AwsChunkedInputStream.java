package io.coffer.s3.auth;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an {@code aws-chunked} request body into the object's bytes: {@code
 * hex-size[;chunk-signature=sig]\r\n data \r\n ... 0[;chunk-signature=sig]\r\n
 * [trailer-name:value\r\n ...] \r\n}.
 *
 * <p>When chunks are signed, a whole chunk is buffered and its signature checked before any of its
 * bytes are returned, so a tampered chunk never reaches the caller; signed chunks are therefore
 * capped at {@link #MAX_CHUNK_SIZE}. Unsigned chunks stream straight through. Errors are {@link
 * CofferException}s (SignatureDoesNotMatch, IncompleteBody, MalformedTrailerError, ...) thrown from
 * {@code read} and repeated by every later read.
 *
 * <p>Leniencies, none of which lets unverified data through: a body may end where its closing empty
 * line belongs; unsigned chunks may carry (ignored) extensions; AWS's rule that only the last chunk
 * may be under 8 KiB is not enforced. Not a thread-safe object, like any stream.
 */
public final class AwsChunkedInputStream extends InputStream {
  /** The largest signed chunk accepted; SDKs send 64 KiB to 1 MiB chunks. */
  public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

  private static final int MAX_TRAILERS = 64;
  private static final String SIGNATURE_EXTENSION = "chunk-signature=";
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

  private final ChunkFraming framing;
  private final boolean trailerExpected;
  private final @Nullable ChunkSignatures signatures;
  private final @Nullable MessageDigest sha256;
  private final long declaredLength;
  private final List<String> declaredTrailers;

  private @Nullable String previousSignature;
  private byte[] chunk = new byte[0];
  private int chunkPos;
  private int chunkLength;
  private long unsignedRemaining;
  private boolean crlfPending;
  private long decodedLength;
  private boolean finished;
  private @Nullable CofferException failure;
  private @Nullable Map<String, String> trailers;
  private final byte[] single = new byte[1];

  private AwsChunkedInputStream(
      InputStream body,
      PayloadMode mode,
      @Nullable StreamingContext context,
      long declaredLength,
      List<String> declaredTrailers) {
    this.framing = new ChunkFraming(body);
    this.trailerExpected = mode.hasTrailer();
    this.signatures =
        mode.chunksSigned() ? new ChunkSignatures(Objects.requireNonNull(context)) : null;
    this.sha256 = mode.chunksSigned() ? Hashing.sha256() : null;
    this.previousSignature =
        mode.chunksSigned() ? Objects.requireNonNull(context).seedSignature() : null;
    this.declaredLength = declaredLength;
    this.declaredTrailers = declaredTrailers;
  }

  /**
   * Wraps a raw body whose {@code x-amz-content-sha256} declared a streaming mode. Reads {@code
   * x-amz-decoded-content-length} (the decoded total must equal it) and {@code x-amz-trailer} (each
   * trailer it names must arrive) from the request headers.
   *
   * @throws IllegalArgumentException when the result is not for a streaming payload
   */
  public static AwsChunkedInputStream open(AuthResult auth, InputStream body, Headers headers) {
    PayloadMode mode = auth.payloadMode();
    if (!mode.isStreaming() || (mode.chunksSigned() && auth.streaming() == null)) {
      throw new IllegalArgumentException("not a streaming payload: " + auth);
    }
    long declaredLength = -1;
    String length = headers.get("x-amz-decoded-content-length");
    if (length != null) {
      declaredLength = parseLength(length.trim());
    }
    List<String> declaredTrailers = new ArrayList<>();
    String trailer = headers.get("x-amz-trailer");
    if (trailer != null && mode.hasTrailer()) {
      for (String name : trailer.split(",")) {
        if (!name.isBlank()) {
          declaredTrailers.add(name.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return new AwsChunkedInputStream(
        body, mode, auth.streaming(), declaredLength, declaredTrailers);
  }

  private static long parseLength(String value) {
    if (value.isEmpty() || value.length() > 18) {
      throw badLength();
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw badLength();
      }
    }
    return Long.parseLong(value);
  }

  private static CofferException badLength() {
    return new CofferException(
        ErrorCode.INVALID_ARGUMENT, "x-amz-decoded-content-length must be a non-negative number");
  }

  /** The trailers received, names in lower case, without the trailer signature. */
  public Map<String, String> trailers() {
    if (trailers == null) {
      throw new IllegalStateException("trailers are known only once the body has been read to EOF");
    }
    return trailers;
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (failure != null) {
      throw failure;
    }
    if (len == 0) {
      return 0;
    }
    try {
      while (true) {
        if (chunkPos < chunkLength) {
          int n = Math.min(len, chunkLength - chunkPos);
          System.arraycopy(chunk, chunkPos, b, off, n);
          chunkPos += n;
          return n;
        }
        if (unsignedRemaining > 0) {
          int n = framing.readData(b, off, (int) Math.min(len, unsignedRemaining));
          unsignedRemaining -= n;
          return n;
        }
        if (finished || !nextChunk()) {
          return -1;
        }
      }
    } catch (CofferException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int available() {
    if (chunkPos < chunkLength) {
      return chunkLength - chunkPos;
    }
    return (int) Math.min(unsignedRemaining, framing.buffered());
  }

  @Override
  public void close() throws IOException {
    framing.close();
  }

  /** Reads the next chunk header (and a signed chunk's data); false after the last chunk. */
  private boolean nextChunk() throws IOException {
    if (crlfPending) {
      framing.expectCrlf();
      crlfPending = false;
    }
    String header = Objects.requireNonNull(framing.readLine(false)); // null only at an allowed end
    int semicolon = header.indexOf(';');
    long size = ChunkFraming.parseChunkSize(header, semicolon < 0 ? header.length() : semicolon);
    String signature = null;
    if (signatures != null) {
      if (semicolon < 0 || !header.startsWith(SIGNATURE_EXTENSION, semicolon + 1)) {
        throw new CofferException(
            ErrorCode.SIGNATURE_DOES_NOT_MATCH,
            "A chunk of a signed aws-chunked body has no signature.");
      }
      signature = header.substring(semicolon + 1 + SIGNATURE_EXTENSION.length()).trim();
      if (size > MAX_CHUNK_SIZE) {
        throw new CofferException(
            ErrorCode.INVALID_CHUNK_SIZE, "Chunks may not exceed " + MAX_CHUNK_SIZE + " bytes.");
      }
    }
    if (declaredLength >= 0 && size > declaredLength - decodedLength) {
      throw ChunkFraming.malformed(
          "The aws-chunked body is longer than x-amz-decoded-content-length.");
    }
    decodedLength += size;
    if (signatures != null) {
      readSignedChunk((int) size, signature);
    } else if (size > 0) {
      unsignedRemaining = size;
      crlfPending = true;
    }
    if (size == 0) {
      readEnd();
      return false;
    }
    return true;
  }

  /** Buffers a signed chunk and checks its signature before releasing any of it. */
  private void readSignedChunk(int size, @Nullable String signature) throws IOException {
    MessageDigest sha256 = Objects.requireNonNull(this.sha256); // chunks are signed
    ChunkSignatures signatures = Objects.requireNonNull(this.signatures);
    int filled = 0;
    while (filled < size) {
      if (filled == chunk.length) {
        // Grows with the data that actually arrives rather than trusting the declared size.
        chunk = Arrays.copyOf(chunk, Math.min(size, Math.max(chunk.length * 2, 64 * 1024)));
      }
      int n = framing.readData(chunk, filled, Math.min(size, chunk.length) - filled);
      sha256.update(chunk, filled, n);
      filled += n;
    }
    String expected = signatures.chunk(previousSignature, sha256.digest());
    if (!ChunkSignatures.matches(expected, signature)) {
      throw new CofferException(ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    previousSignature = expected;
    if (size > 0) {
      framing.expectCrlf();
    }
    chunkPos = 0;
    chunkLength = size;
  }

  /** Reads what follows the last chunk: trailers, if any, and the closing empty line. */
  private void readEnd() throws IOException {
    Map<String, String> received = new LinkedHashMap<>();
    String trailerSignature = null;
    while (true) {
      // A body that ends where the closing empty line belongs is accepted: nothing is lost.
      String line = framing.readLine(true);
      if (line == null || line.isEmpty()) {
        break;
      }
      if (!trailerExpected) {
        throw ChunkFraming.malformed("Unexpected data after the last aws-chunked chunk.");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || received.size() >= MAX_TRAILERS) {
        throw new CofferException(ErrorCode.MALFORMED_TRAILER);
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals(TRAILER_SIGNATURE)) {
        trailerSignature = value;
      } else {
        received.put(name, value);
      }
    }
    for (String name : declaredTrailers) {
      if (!received.containsKey(name)) {
        throw new CofferException(
            ErrorCode.MALFORMED_TRAILER, "The declared trailer " + name + " was not sent.");
      }
    }
    if (signatures != null
        && trailerExpected
        && !ChunkSignatures.matches(
            signatures.trailer(previousSignature, received), trailerSignature)) {
      throw new CofferException(
          ErrorCode.SIGNATURE_DOES_NOT_MATCH, "The trailer signature does not match.");
    }
    if (declaredLength >= 0 && decodedLength != declaredLength) {
      throw ChunkFraming.malformed(
          "The aws-chunked body is shorter than x-amz-decoded-content-length.");
    }
    trailers = Collections.unmodifiableMap(received);
    finished = true;
  }
}
