package io.coffer.it.support;

import io.coffer.s3.auth.AwsChunkedEncoder;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * An aws-chunked PUT, signed as the test admin, whose framed body a test may alter before sending.
 */
public final class StreamingUpload {
  public static final int CHUNK = 64 * 1024;

  private StreamingUpload() {}

  /**
   * Signs a streaming upload of {@code data} in {@code mode}, frames it in {@link #CHUNK}-byte
   * chunks after that signature, passes the framed body through {@code alter} and sends it.
   *
   * @param trailers announced in x-amz-trailer and sent after the last chunk; null for none
   */
  public static HttpResponse<String> put(
      URI endpoint,
      String rawPath,
      String mode,
      byte[] data,
      Map<String, String> trailers,
      UnaryOperator<byte[]> alter)
      throws Exception {
    RawS3 request =
        RawS3.request(endpoint, "PUT", rawPath)
            .payloadHash(mode)
            .header("Content-Encoding", "aws-chunked")
            .header("x-amz-decoded-content-length", Integer.toString(data.length));
    if (trailers != null) {
      request.header("x-amz-trailer", String.join(",", trailers.keySet()));
    }
    SigV4Signer.HeaderSignature signature = request.sign(new byte[0]);
    boolean signedChunks = mode.startsWith("STREAMING-AWS4-HMAC-SHA256");
    byte[] body =
        AwsChunkedEncoder.encode(
            signedChunks ? signature.streaming() : null, data, CHUNK, trailers);
    return request.send(signature, alter.apply(body));
  }

  /** Changes one hex digit right after the {@code n}-th (from 1) occurrence of {@code marker}. */
  public static byte[] flipAfter(byte[] body, String marker, int n) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(marker, at + 1);
      if (at < 0) {
        throw new IllegalArgumentException("no " + n + "th " + marker);
      }
    }
    int digit = at + marker.length();
    byte[] altered = body.clone();
    altered[digit] = (byte) (altered[digit] == '0' ? '1' : '0');
    return altered;
  }

  public static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
