package io.coffer.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes every PUT sends: one random direct buffer, filled once; a body of n bytes is a retained
 * slice of its first n bytes. Sending a slice allocates no body and copies nothing in user space
 * (the socket write reads the direct memory), so the client's cost per request does not grow with
 * the object size. The SHA-256 of each slice length is computed once, for the signed-payload mode.
 */
final class Payload implements AutoCloseable {
  private final ByteBuf bytes;
  private final ConcurrentHashMap<Long, String> sha256ByLength = new ConcurrentHashMap<>();

  Payload(long capacity) {
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "object or part size too large for one buffer: " + capacity);
    }
    int size = (int) Math.max(capacity, 1);
    bytes = Unpooled.directBuffer(size, size);
    byte[] chunk = new byte[64 * 1024];
    Random random = new Random(0xC0FFE4L);
    while (bytes.isWritable()) {
      random.nextBytes(chunk);
      bytes.writeBytes(chunk, 0, Math.min(chunk.length, bytes.writableBytes()));
    }
  }

  long capacity() {
    return bytes.capacity();
  }

  /** A body of the first {@code length} bytes; the request write releases it. */
  ByteBuf body(long length) {
    return bytes.retainedSlice(0, Math.toIntExact(length));
  }

  /** Hex SHA-256 of the first {@code length} bytes. */
  String sha256(long length) {
    return sha256ByLength.computeIfAbsent(
        length,
        n -> {
          try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.nioBuffer(0, Math.toIntExact(n)));
            return HexFormat.of().formatHex(digest.digest());
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Override
  public void close() {
    bytes.release();
  }
}
