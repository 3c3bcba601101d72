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
 * @param inline the requested bytes when the object is inline, else null
 * @param slices the requested bytes as pieces of leased blobs, in order
 * @param dataKey the key that decrypts the object's stored bytes, or null when they are plaintext;
 *     when set, inline and slices are the stored (encrypted) form and readers decrypt
 */
public record ObjectRead(
    ObjectMeta meta,
    ByteRange.@Nullable Resolved range,
    byte @Nullable [] inline,
    @Nullable BlobLease lease,
    List<Slice> slices,
    @Nullable DataKey dataKey)
    implements ReadResult, AutoCloseable {

  /** {@code count} bytes from {@code position} of the lease's blob number {@code blob}. */
  public record Slice(int blob, long position, long count) {}

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
