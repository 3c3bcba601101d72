package io.coffer.model;

/**
 * Where an object's bytes are. Reading an object is a switch over these three: its bytes kept in
 * the metadata store, one blob file, or the blobs of the parts it was uploaded in.
 */
public sealed interface Storage {

  /** A small object's bytes, kept in the metadata store instead of a file of its own. */
  record Inline(byte[] bytes) implements Storage {}

  /** An object written in one piece, in the blob with this ID. */
  record Blob(String id) implements Storage {}

  /**
   * An object completed from a multipart upload: its bytes are the blobs of its parts, found as the
   * segments of {@code storageId}.
   *
   * @param count how many parts (segments) the object has, at least 1
   */
  record Parts(String storageId, int count) implements Storage {}
}
