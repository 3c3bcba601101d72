package io.coffer.checksum;

import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

/** Inputs and the JDK's answers for the MD5 tests; touches no Vector API class. */
final class Md5TestData {
  private Md5TestData() {}

  static byte[] jdkMd5(byte[] data) throws Exception {
    return MessageDigest.getInstance("MD5").digest(data);
  }

  static byte[] random(long seed, int length) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Feeds {@code data} in chunks of the given sizes (cycled), the last one whatever is left. */
  static byte[] hashInChunks(Md5Digest md5, byte[] data, List<Integer> chunks) {
    int off = 0;
    for (int i = 0; off < data.length; i++) {
      int n = Math.min(chunks.get(i % chunks.size()), data.length - off);
      md5.update(data, off, n);
      off += n;
    }
    return md5.digest();
  }
}
