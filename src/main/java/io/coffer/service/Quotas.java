package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Coffer's bucket quotas (a hard limit on the bytes a bucket stores, as MinIO had): the one place
 * that decides whether a write may add bytes to a bucket. Counted against the bucket's {@code
 * totalSize}, the exact counter stats show (every stored version). A write's bytes count in full
 * even when it replaces an object: its body is stored before what it replaces is released.
 *
 * <p>The check is made before the body is stored, against the counter at that moment: writes in
 * flight at the same time are not counted against each other, so concurrent writers can together
 * overshoot the quota by at most what they write. A bucket without a quota costs nothing here (the
 * quota comes with the cached {@link BucketRef}; the counter is read only when there is one).
 */
public final class Quotas {
  /** The room of a bucket without a quota. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final MetadataStore store;

  public Quotas(MetadataStore store) {
    this.store = store;
  }

  /**
   * Refuses with QUOTA_EXCEEDED a write of {@code incoming} bytes to {@code bucket} that would take
   * its stored bytes past its quota.
   *
   * @param ref the bucket as the write's access check found it
   * @param incoming the bytes the write adds, or -1 when not known before the body is read (a
   *     streaming body: then pass the room returned to {@link #limit})
   * @return the bytes the bucket may still take ({@link #UNLIMITED} without a quota)
   */
  public long require(String bucket, BucketRef ref, long incoming) {
    Long quota = ref.features().quotaBytes();
    if (quota == null) {
      return UNLIMITED;
    }
    long current = store.findBucket(bucket).map(Bucket::totalSize).orElse(0L);
    return require(quota, current, incoming);
  }

  /**
   * The pure decision: refuses when {@code current + incoming} passes {@code quota}.
   *
   * @return the room left, {@code quota - current} (never negative)
   */
  static long require(long quota, long current, long incoming) {
    long room = Math.max(0, quota - current);
    if (incoming > room) {
      throw exceeded(quota);
    }
    return room;
  }

  /**
   * A body that fails with QUOTA_EXCEEDED as soon as it has given more than {@code room} bytes, so
   * that a streaming body of unknown length stops the write (whose partial file the writer then
   * discards) instead of filling the disk past the quota.
   */
  public static InputStream limit(InputStream body, long room) {
    return room == UNLIMITED ? body : new Limited(body, room);
  }

  private static CofferException exceeded(long quota) {
    return new CofferException(
        ErrorCode.QUOTA_EXCEEDED,
        "The write would take the bucket past its quota of " + quota + " bytes.");
  }

  private static final class Limited extends FilterInputStream {
    private final long room;
    private long given;

    Limited(InputStream in, long room) {
      super(in);
      this.room = room;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      given += n;
      if (given > room) {
        throw new CofferException(
            ErrorCode.QUOTA_EXCEEDED,
            "The write would take the bucket past its quota: it had room for " + room + " bytes.");
      }
    }
  }
}
