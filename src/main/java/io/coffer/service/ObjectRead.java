package io.coffer.service;

import io.coffer.blob.BlobStore.BlobLease;
import io.coffer.crypto.DataKey;
import io.coffer.model.ByteRange;
import io.coffer.model.ObjectMeta;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An object opened for reading: its metadata and where the requested bytes are. The blobs stay
 * readable until {@link #close()}, even if the object is overwritten or deleted meanwhile.
 *
 * @param range the resolved range, or null for the whole object
 * @param inline the requested bytes when the object is inline, else null; always plaintext (an
 *     encrypted inline body is small and decrypted when opened)
 * @param slices the requested bytes as pieces of leased blobs, in order; positions and counts are
 *     plaintext offsets within each blob
 * @param dataKey the key that decrypts the object's blobs, or null when they are plaintext; when
 *     set, the slices cannot be sent as file regions and {@link #stream()} decrypts them
 */
public record ObjectRead(
    ObjectMeta meta,
    ByteRange.@Nullable Resolved range,
    byte @Nullable [] inline,
    @Nullable BlobLease lease,
    List<Slice> slices,
    @Nullable DataKey dataKey)
    implements ReadResult, AutoCloseable {

  /**
   * {@code count} bytes from {@code position} of the lease's blob number {@code blob}.
   *
   * @param blobSize the blob's whole plaintext size (an encrypted blob's last package is found from
   *     it), or -1 when the blob is plaintext
   */
  public record Slice(int blob, long position, long count, long blobSize) {
    public Slice(int blob, long position, long count) {
      this(blob, position, count, -1);
    }
  }

  /**
   * The requested bytes as one stream, decrypted when the object is encrypted; closing it closes
   * this read.
   */
  public java.io.InputStream stream() {
    return new ObjectReadStream(this);
  }

  /**
   * As {@link #stream()}, with the first package of an encrypted object already decrypted: a blob
   * that fails authentication fails here, before an answer starts, and nothing of it is served.
   */
  public java.io.InputStream checkedStream() {
    ObjectReadStream stream = new ObjectReadStream(this);
    try {
      stream.prefetch();
    } catch (java.io.IOException e) {
      close();
      throw new io.coffer.model.CofferException(
          io.coffer.model.ErrorCode.INTERNAL_ERROR,
          "The object's stored bytes could not be read.",
          e);
    }
    return stream;
  }

  /** Opens a new channel on the blob a slice reads from; the caller closes it. */
  public java.nio.channels.FileChannel open(Slice slice) throws java.io.IOException {
    return Objects.requireNonNull(lease, "an inline read has no slices").open(slice.blob());
  }

  public long length() {
    return range == null ? meta.size() : range.length();
  }

  @Override
  public void close() {
    if (lease != null) {
      lease.close();
    }
  }
}
