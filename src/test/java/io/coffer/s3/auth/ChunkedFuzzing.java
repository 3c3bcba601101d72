package io.coffer.s3.auth;

import io.coffer.http.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The fixed signing context and the read-to-the-end loop of the aws-chunked fuzz tests. */
final class ChunkedFuzzing {
  static final StreamingContext CONTEXT =
      new StreamingContext(
          SigningKeys.derive(AuthFixtures.SECRET_KEY, "20130524", AuthFixtures.REGION, "s3"),
          "20130524/us-east-1/s3/aws4_request",
          "20130524T000000Z",
          "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

  /** The three x-amz-content-sha256 values that declare an aws-chunked body. */
  static final PayloadMode[] STREAMING_MODES = {
    PayloadMode.STREAMING_SIGNED,
    PayloadMode.STREAMING_SIGNED_TRAILER,
    PayloadMode.STREAMING_UNSIGNED_TRAILER
  };

  private ChunkedFuzzing() {}

  static AwsChunkedInputStream open(PayloadMode mode, byte[] body, Headers headers) {
    AuthResult auth =
        new AuthResult(
            AuthFixtures.CREDENTIAL,
            mode,
            null,
            false,
            Map.of(),
            mode.chunksSigned() ? CONTEXT : null);
    return AwsChunkedInputStream.open(auth, new ByteArrayInputStream(body), headers);
  }

  /** Everything the stream returns up to EOF, read in odd-sized pieces. */
  static byte[] readToEnd(AwsChunkedInputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1000];
    try {
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
