package io.coffer.service;

import io.coffer.blob.BlobStore;
import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.checksum.RunningChecksum;
import io.coffer.crypto.DataKey;
import io.coffer.crypto.PackageEncryptor;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.StoredChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Stores a request body: one pass over the bytes feeds the blob file and every digest the request
 * needs (MD5 for the ETag, SHA-256 when the payload is signed, the requested checksum). Nothing
 * becomes visible unless every check passes. Small bodies may be kept inline instead of in a file.
 */
final class BodyWriter {
  private static final int BUFFER = 128 * 1024;

  private final BlobStore blobs;
  private final int inlineThreshold;

  BodyWriter(BlobStore blobs, int inlineThreshold) {
    this.blobs = blobs;
    this.inlineThreshold = inlineThreshold;
  }

  /**
   * Reads {@code body} to its end and stores it.
   *
   * @param bucketId the ID of the bucket whose folder a blob goes to
   * @param maxSize bodies longer than this fail with ENTITY_TOO_LARGE
   * @param uploadId the multipart upload the body is a part of, or null for a whole object. A part
   *     is never kept inline, and the parts of an upload are stored together
   * @param dataKey the key to encrypt the stored bytes with (file and inline alike), or null to
   *     store them as they are; the returned size and digests are the plaintext's either way
   */
  StoredBody store(
      String bucketId,
      InputStream body,
      long declaredLength,
      long maxSize,
      PayloadChecks checks,
      @Nullable String uploadId,
      @Nullable DataKey dataKey) {
    if (declaredLength > maxSize) {
      throw new CofferException(
          ErrorCode.ENTITY_TOO_LARGE,
          "Your proposed upload exceeds the maximum allowed size of " + maxSize + " bytes.");
    }
    MessageDigest md5 = digest("MD5");
    MessageDigest sha256 = checks.sha256Hex() != null ? digest("SHA-256") : null;
    RunningChecksum checksum =
        checks.checksumAlgorithm() != null ? checks.checksumAlgorithm().start() : null;
    boolean allowInline = uploadId == null;
    int inlineLimit = allowInline ? inlineThreshold : 0;
    // A body announced small enough to stay inline gets a buffer of its size: zeroing a full
    // read buffer for every small PUT cost more than the rest of reading it. The extra byte lets
    // a body longer than announced overflow into the file path, which then reports the mismatch.
    byte[] buffer =
        declaredLength >= 0 && declaredLength <= inlineLimit
            ? new byte[(int) declaredLength + 1]
            : new byte[BUFFER];
    long size = 0;
    // Read the first bytes into memory: a body that ends within the inline threshold never
    // touches the file system.
    int buffered = 0;
    BlobStore.BlobWriter writer = null;
    // With a data key the file gets the packages of io.coffer.crypto.PackageFormat; every digest
    // above is still over the plaintext, as S3 reports them.
    PackageEncryptor.Sink sink = null;
    PackageEncryptor encryptor = null;
    boolean committed = false;
    try {
      while (true) {
        int n;
        try {
          n = body.read(buffer, buffered, buffer.length - buffered);
        } catch (IOException e) {
          throw new CofferException(
              ErrorCode.INCOMPLETE_BODY,
              "The request body could not be read completely: " + e.getMessage(),
              e);
        }
        if (n < 0) {
          break;
        }
        md5.update(buffer, buffered, n);
        if (sha256 != null) {
          sha256.update(buffer, buffered, n);
        }
        if (checksum != null) {
          checksum.update(buffer, buffered, n);
        }
        size += n;
        if (size > maxSize) {
          throw new CofferException(
              ErrorCode.ENTITY_TOO_LARGE,
              "Your proposed upload exceeds the maximum allowed size of " + maxSize + " bytes.");
        }
        buffered += n;
        if (writer == null && buffered <= inlineLimit && buffered < buffer.length) {
          continue; // still small enough to keep inline
        }
        if (writer == null) {
          writer = blobs.create(bucketId, uploadId);
          encryptor = dataKey == null ? null : new PackageEncryptor(dataKey.key(), writer::write);
          sink = encryptor == null ? writer::write : encryptor::write;
        }
        Objects.requireNonNull(sink).write(buffer, 0, buffered);
        buffered = 0;
      }
      if (declaredLength >= 0 && size != declaredLength) {
        throw new CofferException(
            ErrorCode.INCOMPLETE_BODY,
            "You did not provide the number of bytes specified by the Content-Length HTTP header.");
      }
      byte[] md5Digest = md5.digest();
      verify(checks, md5Digest, sha256);
      StoredChecksum stored = null;
      byte[] checksumBytes = null;
      if (checksum != null) {
        checksumBytes = checksum.finish();
        stored = verifyChecksum(checks, checksumBytes);
      }
      if (writer == null && !allowInline) {
        // An empty multipart part (an empty last part, or a copy of an empty object) is a file
        // too: the segments of the completed object name a blob for every part.
        writer = blobs.create(bucketId, uploadId);
        encryptor = dataKey == null ? null : new PackageEncryptor(dataKey.key(), writer::write);
        sink = encryptor == null ? writer::write : encryptor::write;
      }
      if (writer == null) {
        byte[] inline =
            dataKey == null
                ? Arrays.copyOf(buffer, buffered)
                : PackageEncryptor.encrypt(dataKey.key(), buffer, 0, buffered);
        return new StoredBody(null, inline, size, md5Digest, stored, checksumBytes);
      }
      if (buffered > 0) {
        Objects.requireNonNull(sink).write(buffer, 0, buffered);
      }
      if (encryptor != null) {
        encryptor.finish();
      }
      String blobId = writer.commit();
      committed = true;
      return new StoredBody(blobId, null, size, md5Digest, stored, checksumBytes);
    } catch (IOException e) {
      throw StorageErrors.of(e);
    } finally {
      if (writer != null && !committed) {
        writer.close();
      }
    }
  }

  private static StoredChecksum verifyChecksum(PayloadChecks checks, byte[] checksumBytes) {
    ChecksumAlgorithm algorithm =
        Objects.requireNonNull(checks.checksumAlgorithm()); // computed for it
    String value = Base64.getEncoder().encodeToString(checksumBytes);
    String expected = checks.checksumValue();
    if (expected == null && checks.trailingChecksum() != null) {
      expected = checks.trailingChecksum().get();
    }
    if (expected != null && !MessageDigest.isEqual(ascii(expected.trim()), ascii(value))) {
      throw new CofferException(
          ErrorCode.BAD_DIGEST,
          "The " + algorithm.name() + " you specified did not match the calculated checksum.");
    }
    return new StoredChecksum(algorithm.name(), value, StoredChecksum.FULL_OBJECT);
  }

  /**
   * Reads a small request body (an XML document) into memory and checks it like any upload, so that
   * nothing acts on a body that fails its Content-MD5, checksum or signed hash.
   *
   * @param maxBytes longer bodies fail with MALFORMED_XML-sized limits as ENTITY_TOO_LARGE
   */
  static byte[] readVerified(InputStream body, PayloadChecks checks, int maxBytes) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new CofferException(
          ErrorCode.INCOMPLETE_BODY, "The request body could not be read completely.", e);
    }
    if (bytes.length > maxBytes) {
      throw new CofferException(
          ErrorCode.MALFORMED_XML, "The request body exceeds " + maxBytes + " bytes.");
    }
    MessageDigest md5 = digest("MD5");
    md5.update(bytes);
    MessageDigest sha256 = null;
    if (checks.sha256Hex() != null) {
      sha256 = digest("SHA-256");
      sha256.update(bytes);
    }
    verify(checks, md5.digest(), sha256);
    if (checks.checksumAlgorithm() != null) {
      RunningChecksum checksum = checks.checksumAlgorithm().start();
      checksum.update(bytes, 0, bytes.length);
      verifyChecksum(checks, checksum.finish());
    }
    return bytes;
  }

  private static void verify(
      PayloadChecks checks, byte[] md5Digest, @Nullable MessageDigest sha256) {
    if (checks.contentMd5() != null) {
      byte[] expected;
      try {
        expected = Base64.getDecoder().decode(checks.contentMd5().trim());
      } catch (IllegalArgumentException e) {
        throw new CofferException(ErrorCode.INVALID_DIGEST);
      }
      if (expected.length != 16) {
        throw new CofferException(ErrorCode.INVALID_DIGEST);
      }
      if (!MessageDigest.isEqual(expected, md5Digest)) {
        throw new CofferException(
            ErrorCode.BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
      }
    }
    if (sha256 != null) {
      byte[] actual = sha256.digest();
      byte[] expected;
      try {
        expected =
            HexFormat.of()
                .parseHex(
                    Objects.requireNonNull(checks.sha256Hex()).toLowerCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CofferException(ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH);
      }
      if (!MessageDigest.isEqual(expected, actual)) {
        throw new CofferException(ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH);
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
