package io.coffer.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/** Test bodies and the digests tests compare them by. */
public final class TestData {
  public static final int MIB = 1024 * 1024;

  private TestData() {}

  /** Reproducible pseudo-random bytes, so a failure can be replayed. */
  public static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  public static byte[] concat(byte[]... parts) {
    int size = 0;
    for (byte[] part : parts) {
      size += part.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  public static byte[] digest(String algorithm, byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String md5Hex(byte[] data) {
    return HexFormat.of().formatHex(digest("MD5", data));
  }

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(digest("SHA-256", data));
  }

  public static String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }

  /** The ETag S3 gives a multipart object: MD5 of the parts' MD5s, a dash, the part count. */
  public static String multipartETag(byte[]... parts) {
    MessageDigest md5s;
    try {
      md5s = MessageDigest.getInstance("MD5");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (byte[] part : parts) {
      md5s.update(digest("MD5", part));
    }
    return "\"" + HexFormat.of().formatHex(md5s.digest()) + "-" + parts.length + "\"";
  }

  /** Regular files under a directory (blob files of a bucket), or 0 when it does not exist. */
  public static long countFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Total size of the regular files under a directory. */
  public static long sizeOfFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
