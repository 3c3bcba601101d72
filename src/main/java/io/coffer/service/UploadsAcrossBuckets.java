package io.coffer.service;

import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The multipart uploads in progress in every bucket the caller sees, one page at a time, in bucket
 * then key order: what S3's ListMultipartUploads answers bucket by bucket, stitched together for
 * the console's uploads page. Buckets the caller may not list uploads of are left out.
 */
public final class UploadsAcrossBuckets {
  /**
   * At most this many buckets are looked at for one page, so that a page over many buckets without
   * uploads still answers quickly; it then comes back short, with a cursor after the last one.
   */
  static final int BUCKETS_PER_PAGE = 1000;

  private static final int BUCKET_BATCH = 100;

  private final BucketService buckets;
  private final MultipartService multipart;

  public UploadsAcrossBuckets(BucketService buckets, MultipartService multipart) {
    this.buckets = buckets;
    this.multipart = multipart;
  }

  /**
   * Where a page starts. With a key marker: in {@code bucket}, after that upload (as S3's
   * key-marker and upload-id-marker say), then the buckets after it. With a bucket alone: in the
   * buckets after it. All null: from the first bucket.
   */
  public record Cursor(
      @Nullable String bucket, @Nullable String keyMarker, @Nullable String uploadIdMarker) {
    public static final Cursor START = new Cursor(null, null, null);
  }

  /** One page; {@code next} is null when there is nothing after it. */
  public record Page(List<MultipartUpload> uploads, @Nullable Cursor next) {}

  public Page list(Caller caller, Cursor from, int maxUploads) {
    // One more than asked tells whether another page follows.
    int wanted = maxUploads + 1;
    List<MultipartUpload> found = new ArrayList<>();
    if (from.bucket() != null && from.keyMarker() != null) {
      collect(caller, from.bucket(), from.keyMarker(), from.uploadIdMarker(), found, wanted);
    }
    String after = from.bucket();
    int scanned = 0;
    boolean moreBuckets = true;
    while (found.size() < wanted && moreBuckets && scanned < BUCKETS_PER_PAGE) {
      BucketService.BucketPage page =
          buckets.listPage(
              caller, "", null, after, Math.min(BUCKET_BATCH, BUCKETS_PER_PAGE - scanned));
      moreBuckets = page.truncated();
      for (Bucket bucket : page.buckets()) {
        scanned++;
        after = bucket.name();
        collect(caller, bucket.name(), null, null, found, wanted);
        if (found.size() >= wanted) {
          break;
        }
      }
    }
    if (found.size() > maxUploads) {
      MultipartUpload last = found.get(maxUploads - 1);
      return new Page(
          List.copyOf(found.subList(0, maxUploads)),
          new Cursor(last.bucket(), last.key(), last.uploadId()));
    }
    // Stopped by the scan budget: the next page starts after the last bucket looked at.
    return new Page(List.copyOf(found), moreBuckets ? new Cursor(after, null, null) : null);
  }

  private void collect(
      Caller caller,
      String bucket,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      List<MultipartUpload> found,
      int wanted) {
    UploadListing listing;
    try {
      listing =
          multipart.listUploads(
              caller, bucket, null, null, keyMarker, uploadIdMarker, wanted - found.size());
    } catch (CofferException e) {
      switch (e.code()) {
        // gone since the bucket list was read, or not the caller's to see: not on this page
        case NO_SUCH_BUCKET, ACCESS_DENIED -> {
          return;
        }
        default -> throw e;
      }
    }
    found.addAll(listing.uploads());
  }
}
