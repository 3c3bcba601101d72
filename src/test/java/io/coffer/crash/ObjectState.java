package io.coffer.crash;

import io.coffer.config.ServerConfig;

/**
 * What a key holds as far as a client can tell: the SHA-256 and size of its bytes, its content type
 * and the generation written into its user metadata. {@link #ABSENT} for no object.
 */
record ObjectState(String sha256, long size, String contentType, String generation, int blobCount) {
  static final ObjectState ABSENT = new ObjectState(null, -1, null, null, 0);

  /**
   * Blob files a single-piece object (a PUT or a copy) leaves on disk: none when the server keeps
   * it inline in the metadata store (the crash test runs {@code coffer server} with its defaults).
   */
  static int blobFilesFor(long size) {
    return size <= ServerConfig.DEFAULT_INLINE_THRESHOLD ? 0 : 1;
  }

  boolean exists() {
    return this != ABSENT && sha256 != null;
  }

  /** Same content and metadata; the blob count is not visible to clients and not compared. */
  boolean sameAs(ObjectState other) {
    if (!exists() || !other.exists()) {
      return exists() == other.exists();
    }
    return sha256.equals(other.sha256)
        && size == other.size
        && contentType.equals(other.contentType)
        && generation.equals(other.generation);
  }

  @Override
  public String toString() {
    return exists()
        ? "["
            + sha256.substring(0, 12)
            + " "
            + size
            + "B "
            + contentType
            + " gen "
            + generation
            + "]"
        : "[absent]";
  }
}
