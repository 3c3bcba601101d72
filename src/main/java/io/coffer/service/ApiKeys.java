package io.coffer.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The management API key. Only its SHA-256 is kept (in memory and on disk): a random key of 256
 * bits needs no salt or stretching. Checks compare digests in constant time.
 */
public final class ApiKeys {
  private final byte[] keyHash;

  private ApiKeys(byte[] keyHash) {
    this.keyHash = keyHash;
  }

  /**
   * The key given in the environment, or the one stored in {@code hashFile}, or a new one (stored
   * there and returned in {@code generated} so it can be shown once).
   */
  public static ApiKeys load(@Nullable String configured, Path hashFile, StringBuilder generated)
      throws IOException {
    if (configured != null && !configured.isEmpty()) {
      return new ApiKeys(sha256(configured));
    }
    if (!Files.exists(hashFile)) {
      // Nodes sharing the data directory may start together: one key is stored, and only the
      // node that stored it shows it.
      String key = SecretGenerator.token(43);
      if (PrivateFiles.createOnce(hashFile, HexFormat.of().formatHex(sha256(key)) + "\n")) {
        generated.append(key);
        return new ApiKeys(sha256(key));
      }
    }
    String hex = Files.readString(hashFile, StandardCharsets.US_ASCII).trim();
    return new ApiKeys(HexFormat.of().parseHex(hex));
  }

  /**
   * Generates a new key and stores its hash in {@code hashFile} (replacing the old one); returns
   * the key.
   */
  public static String replace(Path hashFile) throws IOException {
    String key = SecretGenerator.token(43);
    PrivateFiles.write(hashFile, HexFormat.of().formatHex(sha256(key)) + "\n");
    return key;
  }

  public boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(keyHash, sha256(candidate));
  }

  private static byte[] sha256(String key) {
    return BodyWriter.digest("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
  }
}
