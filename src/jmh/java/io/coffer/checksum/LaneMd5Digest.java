package io.coffer.checksum;

/**
 * An MD5 stream whose whole blocks are hashed by the {@link Md5Combiner}, in a vector lane beside
 * other streams' blocks whenever they have some at the same time. The partial block carried between
 * updates, short updates and the padding are hashed here with {@link Md5Block}.
 */
final class LaneMd5Digest {
  // Fewer whole blocks than this are not worth a turn at the combiner.
  private static final int MIN_SHARED_BLOCKS = 16;

  private final Md5Combiner combiner;
  private final int[] state = Md5Block.initialState();
  private final byte[] tail = new byte[Md5Block.SIZE];
  private int tailLength;
  private long length;

  LaneMd5Digest(Md5Combiner combiner) {
    this.combiner = combiner;
  }

  void update(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    length += len;
    if (tailLength > 0) {
      int n = Math.min(len, Md5Block.SIZE - tailLength);
      System.arraycopy(b, off, tail, tailLength, n);
      tailLength += n;
      off += n;
      len -= n;
      if (tailLength < Md5Block.SIZE) {
        return;
      }
      Md5Block.compress(state, tail, 0, 1);
      tailLength = 0;
    }
    int blocks = len / Md5Block.SIZE;
    if (blocks >= MIN_SHARED_BLOCKS) {
      combiner.hash(state, b, off, blocks);
    } else if (blocks > 0) {
      Md5Block.compress(state, b, off, blocks);
    }
    int rest = len - blocks * Md5Block.SIZE;
    System.arraycopy(b, off + blocks * Md5Block.SIZE, tail, 0, rest);
    tailLength = rest;
  }

  byte[] digest() {
    // RFC 1321 padding: 0x80, zeros up to 56 bytes mod 64, then the length in bits (little-endian).
    byte[] last = new byte[2 * Md5Block.SIZE];
    System.arraycopy(tail, 0, last, 0, tailLength);
    last[tailLength] = (byte) 0x80;
    int blocks = tailLength + 1 + Long.BYTES <= Md5Block.SIZE ? 1 : 2;
    int end = blocks * Md5Block.SIZE;
    long bits = length << 3;
    for (int i = 0; i < Long.BYTES; i++) {
      last[end - Long.BYTES + i] = (byte) (bits >>> (8 * i));
    }
    Md5Block.compress(state, last, 0, blocks);
    byte[] digest = new byte[16];
    for (int i = 0; i < 4; i++) {
      Md5Block.INT_LE.set(digest, 4 * i, state[i]);
    }
    return digest;
  }
}
