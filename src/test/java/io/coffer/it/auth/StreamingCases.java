package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.support.StreamingUpload.CHUNK;
import static io.coffer.it.support.StreamingUpload.crc32;
import static io.coffer.it.support.StreamingUpload.flipAfter;

import io.coffer.it.support.RawS3;
import io.coffer.it.support.StreamingUpload;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** aws-chunked uploads refused mid-stream: a request whose seed signature was right. */
final class StreamingCases {
  static final String SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  static final String SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

  private StreamingCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    URI s3 = f.s3;
    String existing = "/" + ALICE_BUCKET + "/" + ALICE_OBJECT;
    String fresh = "/" + ALICE_BUCKET + "/streamed";
    byte[] data = new byte[3 * CHUNK + 100];
    new Random(7).nextBytes(data);
    Map<String, String> goodCrc = Map.of("x-amz-checksum-crc32", crc32(data));
    Map<String, String> badCrc = Map.of("x-amz-checksum-crc32", crc32(RawS3.utf8("other bytes")));
    return List.of(
        of(
            "chunks: second chunk signature tampered, new key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    StreamingUpload.put(
                        s3, fresh, SIGNED, data, null, b -> flipAfter(b, ";chunk-signature=", 2)))),
        of(
            "chunks: third chunk signature tampered, over an existing object",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    StreamingUpload.put(
                        s3,
                        existing,
                        SIGNED,
                        data,
                        null,
                        b -> flipAfter(b, ";chunk-signature=", 3)))),
        of(
            "chunks: final empty chunk signature tampered",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    StreamingUpload.put(
                        s3,
                        existing,
                        SIGNED,
                        data,
                        null,
                        b -> flipAfter(b, "\r\n0;chunk-signature=", 1)))),
        of(
            "chunks: one data byte changed under a valid signature",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    StreamingUpload.put(
                        s3, existing, SIGNED, data, null, b -> flipDataByte(b, 2 * CHUNK)))),
        of(
            "chunks: trailer signature tampered",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    StreamingUpload.put(
                        s3,
                        fresh,
                        SIGNED_TRAILER,
                        data,
                        goodCrc,
                        b -> flipAfter(b, "x-amz-trailer-signature:", 1)))),
        of(
            "chunks: signed trailer with a wrong CRC32",
            400,
            "BadDigest",
            () ->
                Answer.of(StreamingUpload.put(s3, existing, SIGNED_TRAILER, data, badCrc, b -> b))),
        of(
            "chunks: unsigned trailer with a wrong CRC32, new key",
            400,
            "BadDigest",
            () ->
                Answer.of(StreamingUpload.put(s3, fresh, UNSIGNED_TRAILER, data, badCrc, b -> b))),
        of(
            "chunks: unsigned trailer with a wrong CRC32, over an existing object",
            400,
            "BadDigest",
            () ->
                Answer.of(
                    StreamingUpload.put(s3, existing, UNSIGNED_TRAILER, data, badCrc, b -> b))));
  }

  /** Changes a byte of chunk data (not framing) at about {@code offset} into the body. */
  private static byte[] flipDataByte(byte[] body, int offset) {
    byte[] altered = body.clone();
    altered[offset] ^= 0x01;
    return altered;
  }
}
