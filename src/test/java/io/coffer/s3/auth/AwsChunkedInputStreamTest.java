package io.coffer.s3.auth;

import static io.coffer.s3.auth.AuthFixtures.CREDENTIAL;
import static io.coffer.s3.auth.AuthFixtures.assertFails;
import static io.coffer.s3.auth.AuthFixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding of aws-chunked bodies in the three streaming modes, and each way they can be bad. */
class AwsChunkedInputStreamTest {
  private static final StreamingContext CONTEXT =
      new StreamingContext(
          SigningKeys.derive(AuthFixtures.SECRET_KEY, "20130524", "us-east-1", "s3"),
          "20130524/us-east-1/s3/aws4_request",
          "20130524T000000Z",
          "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
  private static final Map<String, String> CRC = Map.of("x-amz-checksum-crc32", "NSRBwg==");

  private static AuthResult auth(PayloadMode mode) {
    return new AuthResult(
        CREDENTIAL, mode, null, false, Map.of(), mode.chunksSigned() ? CONTEXT : null);
  }

  private static byte[] data(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static byte[] encode(PayloadMode mode, byte[] data, int chunkSize) {
    StreamingContext context = mode.chunksSigned() ? CONTEXT : null;
    return AwsChunkedEncoder.encode(context, data, chunkSize, mode.hasTrailer() ? CRC : null);
  }

  private static AwsChunkedInputStream open(PayloadMode mode, byte[] body, String... headers) {
    return AwsChunkedInputStream.open(auth(mode), new ByteArrayInputStream(body), headers(headers));
  }

  /** Reads until EOF or failure, counting what was handed out before a failure. */
  private static long readCounting(InputStream in, long[] delivered) throws IOException {
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      delivered[0] += n;
    }
    return delivered[0];
  }

  @Test
  void decodesEveryModeWithTrailers() throws IOException {
    byte[] data = data(200_000, 1);
    for (PayloadMode mode :
        new PayloadMode[] {
          PayloadMode.STREAMING_SIGNED,
          PayloadMode.STREAMING_SIGNED_TRAILER,
          PayloadMode.STREAMING_UNSIGNED_TRAILER
        }) {
      byte[] body = encode(mode, data, 65536);
      try (var in =
          open(
              mode,
              body,
              "x-amz-decoded-content-length",
              "200000",
              "x-amz-trailer",
              "x-amz-checksum-crc32")) {
        assertThat(in.readAllBytes()).isEqualTo(data);
        assertThat(in.trailers()).isEqualTo(mode.hasTrailer() ? CRC : Map.of());
        assertThat(in.read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void unsignedChunksByHand() throws IOException {
    byte[] body =
        "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (var in =
        open(
            PayloadMode.STREAMING_UNSIGNED_TRAILER,
            body,
            "x-amz-decoded-content-length",
            "3",
            "x-amz-trailer",
            "x-amz-checksum-crc32")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abc");
      assertThat(in.trailers()).isEqualTo(CRC);
    }
  }

  @Test
  void randomSizesChunkingAndReadPatterns() throws IOException {
    Random random = new Random(42);
    PayloadMode[] modes = {
      PayloadMode.STREAMING_SIGNED,
      PayloadMode.STREAMING_SIGNED_TRAILER,
      PayloadMode.STREAMING_UNSIGNED_TRAILER
    };
    for (int round = 0; round < 60; round++) {
      PayloadMode mode = modes[round % 3];
      byte[] data = data(random.nextInt(300_000), round);
      int chunkSize = 1 + random.nextInt(round % 2 == 0 ? 100 : 140_000);
      byte[] body = encode(mode, data, chunkSize);
      int piece = 1 + random.nextInt(round % 4 == 0 ? 3 : 100_000);
      InputStream trickle = new TrickleInputStream(body, piece);
      try (var in =
          AwsChunkedInputStream.open(
              auth(mode),
              trickle,
              headers("x-amz-decoded-content-length", Integer.toString(data.length)))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int readSize = 1 + random.nextInt(200_000);
        byte[] buffer = new byte[readSize];
        while (true) {
          int n = round % 5 == 0 ? in.read() : in.read(buffer, 0, readSize);
          if (n < 0) {
            break;
          }
          if (round % 5 == 0) {
            out.write(n);
          } else {
            out.write(buffer, 0, n);
          }
        }
        assertThat(out.toByteArray()).as("round %d", round).isEqualTo(data);
      }
    }
  }

  @Test
  void badChunkSignatureIsCaughtBeforeItsBytesAreReturned() throws IOException {
    byte[] data = data(3 * 8192, 2);
    byte[] body = encode(PayloadMode.STREAMING_SIGNED, data, 8192);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int second = text.indexOf("chunk-signature=", text.indexOf("chunk-signature=") + 1) + 16;
    byte[] badSignature = body.clone();
    badSignature[second] = (byte) (badSignature[second] == '0' ? '1' : '0');
    byte[] badData = body.clone();
    badData[text.indexOf("\r\n", second) + 2 + 100] ^= 1;
    for (byte[] tampered : new byte[][] {badSignature, badData}) {
      long[] delivered = {0};
      try (var in = open(PayloadMode.STREAMING_SIGNED, tampered)) {
        assertFails(() -> readCounting(in, delivered), ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(delivered[0]).isEqualTo(8192);
        // The failure sticks.
        assertFails(in::read, ErrorCode.SIGNATURE_DOES_NOT_MATCH);
      }
    }
  }

  @Test
  void droppedChunkBreaksTheChain() throws IOException {
    byte[] data = data(3 * 8192, 3);
    String text =
        new String(encode(PayloadMode.STREAMING_SIGNED, data, 8192), StandardCharsets.ISO_8859_1);
    int secondStart = text.indexOf("2000;", 1);
    int thirdStart = text.indexOf("2000;", secondStart + 1);
    byte[] dropped =
        (text.substring(0, secondStart) + text.substring(thirdStart))
            .getBytes(StandardCharsets.ISO_8859_1);
    try (var in = open(PayloadMode.STREAMING_SIGNED, dropped)) {
      assertFails(in::readAllBytes, ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
    byte[] unsigned =
        text.replaceAll(";chunk-signature=[0-9a-f]+", "").getBytes(StandardCharsets.ISO_8859_1);
    try (var in = open(PayloadMode.STREAMING_SIGNED, unsigned)) {
      assertFails(in::readAllBytes, ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
  }

  @Test
  void badOrMissingTrailerSignature() throws IOException {
    byte[] body = encode(PayloadMode.STREAMING_SIGNED_TRAILER, data(1000, 4), 8192);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String tampered :
        new String[] {
          text.replace("NSRBwg==", "AAAAAA=="),
          text.replaceAll("x-amz-trailer-signature:[0-9a-f]+\r\n", "")
        }) {
      try (var in =
          open(
              PayloadMode.STREAMING_SIGNED_TRAILER,
              tampered.getBytes(StandardCharsets.ISO_8859_1))) {
        assertFails(in::readAllBytes, ErrorCode.SIGNATURE_DOES_NOT_MATCH);
      }
    }
  }

  @Test
  void missingDeclaredTrailer() throws IOException {
    for (PayloadMode mode :
        new PayloadMode[] {
          PayloadMode.STREAMING_UNSIGNED_TRAILER, PayloadMode.STREAMING_SIGNED_TRAILER
        }) {
      try (var in =
          open(mode, encode(mode, data(10, 5), 8192), "x-amz-trailer", "x-amz-checksum-crc32c")) {
        assertFails(in::readAllBytes, ErrorCode.MALFORMED_TRAILER);
      }
    }
    byte[] noColon = "0\r\nx-amz-checksum-crc32\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    try (var in = open(PayloadMode.STREAMING_UNSIGNED_TRAILER, noColon)) {
      assertFails(in::readAllBytes, ErrorCode.MALFORMED_TRAILER);
    }
  }

  @Test
  void everyTruncationIsAnIncompleteBody() throws IOException {
    for (PayloadMode mode :
        new PayloadMode[] {PayloadMode.STREAMING_SIGNED, PayloadMode.STREAMING_UNSIGNED_TRAILER}) {
      byte[] body = encode(mode, data(300, 6), 128);
      // The body may end where its closing empty line belongs; anywhere earlier is an error
      // (with the trailer declared, since an undeclared one may legitimately be absent).
      for (int length = 0; length < body.length - 2; length++) {
        try (var in =
            open(
                mode,
                Arrays.copyOf(body, length),
                "x-amz-decoded-content-length",
                "300",
                "x-amz-trailer",
                "x-amz-checksum-crc32")) {
          assertThatThrownBy(in::readAllBytes)
              .as("%s cut at %d", mode, length)
              .isInstanceOf(CofferException.class)
              .extracting(e -> ((CofferException) e).code())
              .isIn(
                  ErrorCode.INCOMPLETE_BODY,
                  ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                  ErrorCode.MALFORMED_TRAILER);
        }
      }
    }
    // Cut inside a chunk's data, the signed decoder reports the truncation itself.
    byte[] body = encode(PayloadMode.STREAMING_SIGNED, data(300, 6), 128);
    try (var in = open(PayloadMode.STREAMING_SIGNED, Arrays.copyOf(body, 200))) {
      assertFails(in::readAllBytes, ErrorCode.INCOMPLETE_BODY);
    }
  }

  @Test
  void malformedFraming() throws IOException {
    String sig = ";chunk-signature=" + "0".repeat(64);
    for (String body :
        new String[] {
          "zz\r\nab\r\n0\r\n\r\n",
          "\r\n",
          "2\r\nabXX0\r\n\r\n",
          "2\nab\r\n0\r\n\r\n",
          "1" + "0".repeat(20) + "\r\n",
          "5000\r\n" + "x".repeat(5000)
        }) {
      try (var in =
          open(PayloadMode.STREAMING_UNSIGNED_TRAILER, body.getBytes(StandardCharsets.US_ASCII))) {
        assertFails(in::readAllBytes, ErrorCode.INCOMPLETE_BODY);
      }
    }
    byte[] longLine =
        ("1" + ";x=" + "y".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    try (var in = open(PayloadMode.STREAMING_UNSIGNED_TRAILER, longLine)) {
      assertFails(in::readAllBytes, ErrorCode.INCOMPLETE_BODY);
    }
    try (var in =
        open(
            PayloadMode.STREAMING_SIGNED,
            ("1000001" + sig + "\r\n").getBytes(StandardCharsets.US_ASCII))) {
      assertFails(in::readAllBytes, ErrorCode.INVALID_CHUNK_SIZE);
    }
  }

  @Test
  void decodedLengthMustMatch() throws IOException {
    byte[] body = encode(PayloadMode.STREAMING_SIGNED, data(1000, 7), 256);
    for (String declared : new String[] {"999", "1001", "0"}) {
      try (var in =
          open(PayloadMode.STREAMING_SIGNED, body, "x-amz-decoded-content-length", declared)) {
        assertFails(in::readAllBytes, ErrorCode.INCOMPLETE_BODY);
      }
    }
    assertFails(
        () -> open(PayloadMode.STREAMING_SIGNED, body, "x-amz-decoded-content-length", "ten"),
        ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void trailersAreKnownOnlyAtTheEnd() throws IOException {
    try (var in =
        open(
            PayloadMode.STREAMING_UNSIGNED_TRAILER,
            encode(PayloadMode.STREAMING_UNSIGNED_TRAILER, data(10, 8), 8192))) {
      assertThatThrownBy(in::trailers).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(
            () ->
                AwsChunkedInputStream.open(
                    auth(PayloadMode.UNSIGNED), InputStream.nullInputStream(), headers()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Hands out at most {@code piece} bytes per read, as a slow network would. */
  private static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private final int piece;
    private int pos;

    TrickleInputStream(byte[] data, int piece) {
      this.data = data;
      this.piece = piece;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, piece), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
