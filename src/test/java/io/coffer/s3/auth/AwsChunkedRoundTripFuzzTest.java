package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.http.Headers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the aws-chunked decoder on well-formed bodies, as {@link AwsChunkedEncoder} frames them
 * (signed or not, with or without trailers), optionally with one byte flipped. Intact, a body must
 * decode to exactly its data (whose length is the sum of the chunk sizes); flipped, a signed body
 * must decode to exactly its data or be refused, and an unsigned one at least to the declared
 * length.
 *
 * <p>Input bytes: [0] mode, [1..2] chunk size, [3] the XOR mask of the flip (0: none), [4..5] its
 * offset in the encoded body, then the data.
 */
class AwsChunkedRoundTripFuzzTest {
  private static final int HEADER = 6;
  private static final Map<String, String> TRAILERS = Map.of("x-amz-checksum-crc32", "NSRBwg==");

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void roundTrip(byte[] input) {
    if (input.length < HEADER) {
      return;
    }
    PayloadMode mode =
        ChunkedFuzzing.STREAMING_MODES[(input[0] & 0xff) % ChunkedFuzzing.STREAMING_MODES.length];
    int chunkSize = 1 + ((input[1] & 0xff) << 8 | (input[2] & 0xff)) % 8192;
    int mask = input[3] & 0xff;
    int offset = (input[4] & 0xff) << 8 | (input[5] & 0xff);
    byte[] data = Arrays.copyOfRange(input, HEADER, input.length);

    byte[] body =
        AwsChunkedEncoder.encode(
            mode.chunksSigned() ? ChunkedFuzzing.CONTEXT : null,
            data,
            chunkSize,
            mode.hasTrailer() ? TRAILERS : null);
    if (mask != 0) {
      body[offset % body.length] ^= (byte) mask;
    }
    Headers headers =
        Headers.of(
            Map.of(
                "x-amz-decoded-content-length", List.of(Integer.toString(data.length)),
                "x-amz-trailer", List.of("x-amz-checksum-crc32")));
    AwsChunkedInputStream in = ChunkedFuzzing.open(mode, body, headers);
    byte[] decoded = refusedOr(() -> ChunkedFuzzing.readToEnd(in));

    if (mask == 0) {
      assertThat(decoded).as("an intact body decodes").isEqualTo(data);
      assertThat(in.trailers()).isEqualTo(mode.hasTrailer() ? TRAILERS : Map.of());
    } else if (decoded != null && mode.chunksSigned()) {
      assertThat(decoded).as("a signed body decodes to its data or not at all").isEqualTo(data);
      if (mode.hasTrailer()) {
        assertThat(in.trailers()).isEqualTo(TRAILERS);
      }
    } else if (decoded != null) {
      assertThat(decoded).hasSameSizeAs(data);
    }
  }
}
