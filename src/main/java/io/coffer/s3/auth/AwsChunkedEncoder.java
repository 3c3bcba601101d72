package io.coffer.s3.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client side of {@code aws-chunked}: frames a body into chunks, signing them when given a {@link
 * StreamingContext}. For tests and the benchmark client.
 *
 * <p>The three layouts: signed chunks without trailers ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD},
 * context given, trailers null), signed chunks and trailers ({@code ...-PAYLOAD-TRAILER}, both
 * given) and unsigned chunks with trailers ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}, no
 * context).
 */
public final class AwsChunkedEncoder {
  private static final byte[] CRLF = {'\r', '\n'};

  private AwsChunkedEncoder() {}

  /** Encodes a whole body in memory. */
  public static byte[] encode(
      StreamingContext context, byte[] data, int chunkSize, Map<String, String> trailers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 64 + 256);
    try {
      write(context, new ByteArrayInputStream(data), chunkSize, trailers, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes {@code data} to {@code out} in chunks of {@code chunkSize} bytes (the last shorter).
   */
  public static void write(
      StreamingContext context,
      InputStream data,
      int chunkSize,
      Map<String, String> trailers,
      OutputStream out)
      throws IOException {
    ChunkSignatures signatures = context == null ? null : new ChunkSignatures(context);
    String previous = context == null ? null : context.seedSignature();
    byte[] chunk = new byte[chunkSize];
    while (true) {
      int length = data.readNBytes(chunk, 0, chunkSize);
      String header = Integer.toHexString(length);
      if (signatures != null) {
        var sha256 = Hashing.sha256();
        sha256.update(chunk, 0, length);
        previous = signatures.chunk(previous, sha256.digest());
        header += ";chunk-signature=" + previous;
      }
      out.write(header.getBytes(StandardCharsets.US_ASCII));
      out.write(CRLF);
      if (length == 0) {
        break;
      }
      out.write(chunk, 0, length);
      out.write(CRLF);
    }
    if (trailers != null) {
      Map<String, String> lower = new TreeMap<>();
      trailers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
      StringBuilder block = new StringBuilder();
      lower.forEach((name, value) -> block.append(name).append(':').append(value).append("\r\n"));
      if (signatures != null) {
        block
            .append("x-amz-trailer-signature:")
            .append(signatures.trailer(previous, lower))
            .append("\r\n");
      }
      out.write(block.toString().getBytes(StandardCharsets.US_ASCII));
    }
    out.write(CRLF);
  }
}
