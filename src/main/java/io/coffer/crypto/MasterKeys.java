package io.coffer.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The master keys: the current one seals every new SSE-S3 data key and every new KMS key's
 * material; retired ones (after a rotation) only open what they sealed before.
 *
 * <p>They come from COFFER_KMS_MASTER_KEY when it is set, else from {@code .coffer/master.key} in
 * the data directory, created owner-only (and synced) at first start. Both hold {@code
 * name:base64-of-32-bytes} entries, comma- or line-separated, the current key first. The key bytes
 * never leave this class except to seal and open.
 */
final class MasterKeys {
  static final String FILE_NAME = "master.key";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A master key: its name is stored with what it seals. */
  record MasterKey(String name, byte[] key) {
    @Override
    public String toString() {
      return "MasterKey[" + name + "]";
    }
  }

  private final List<MasterKey> keys;
  private final Map<String, MasterKey> byName = new LinkedHashMap<>();

  private MasterKeys(List<MasterKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no master key given");
    }
    this.keys = List.copyOf(keys);
    for (MasterKey key : keys) {
      if (byName.putIfAbsent(key.name(), key) != null) {
        throw new IllegalArgumentException("master key name " + key.name() + " given twice");
      }
    }
  }

  /**
   * @param dataDir the data directory (the file is in its {@code .coffer} folder)
   * @param environment COFFER_KMS_MASTER_KEY's value, or null
   */
  static MasterKeys load(Path dataDir, @Nullable String environment) {
    if (environment != null && !environment.isBlank()) {
      return new MasterKeys(parse(environment, "COFFER_KMS_MASTER_KEY"));
    }
    Path file = dataDir.resolve(".coffer").resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return new MasterKeys(
          parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("the master key file could not be read or created", e);
    }
  }

  static MasterKeys of(String entries) {
    return new MasterKeys(parse(entries, "master keys"));
  }

  MasterKey current() {
    return keys.get(0);
  }

  Optional<MasterKey> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The entry of a new random key, as the file and COFFER_KMS_MASTER_KEY hold it. */
  static String newEntry(String name) {
    return name + ":" + Base64.getEncoder().encodeToString(Random32.key());
  }

  /** Never says anything about a key's bytes: errors name the entry's position only. */
  private static List<MasterKey> parse(String text, String source) {
    List<MasterKey> keys = new ArrayList<>();
    int position = 0;
    for (String raw : text.split("[,\\n]")) {
      String entry = raw.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      position++;
      int colon = entry.indexOf(':');
      String name = colon < 0 ? "" : entry.substring(0, colon);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            source
                + ": master key "
                + position
                + " must be name:base64 (name of A-Z a-z 0-9 . _ -)");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(entry.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ": master key " + name + " is not valid base64", null);
      }
      if (key.length != 32) {
        throw new IllegalArgumentException(
            source + ": master key " + name + " must be 32 bytes (base64 of 32 random bytes)");
      }
      keys.add(new MasterKey(name, key));
    }
    return keys;
  }

  /**
   * Writes a new key file owner-only from the start (never readable by others, even for a moment)
   * and syncs it and its folder before any data is encrypted with it. Nodes sharing the data
   * directory may start together: each writes a file of its own name, and a hard link (which,
   * unlike a rename, never replaces a file) puts exactly one of them in place; the others read that
   * one.
   */
  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp =
        file.resolveSibling(
            FILE_NAME + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    String content =
        "# Coffer's master key: back it up apart from the data; without it encrypted objects are"
            + " lost.\n"
            + newEntry("master-1")
            + "\n";
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      try {
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException e) {
        return; // another node's key won: everyone uses that one
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        if (Files.exists(file)) {
          return;
        }
        Files.move(temp, file); // no hard links here: a rename that does not replace
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a folder; the link is as durable as they make it.
    }
  }
}
