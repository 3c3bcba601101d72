package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.ErrorCode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's CORS configuration: stored and read under the caller's access check, and looked up
 * without one for answering browsers.
 */
public final class CorsService {
  private final MetadataStore store;
  private final BucketService buckets;

  public CorsService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
  }

  /** GetBucketCors: NO_SUCH_CORS_CONFIGURATION when the bucket has none. */
  public CorsConfiguration get(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_CORS);
    CorsConfiguration cors = ref.features().cors();
    if (cors == null) {
      throw new CofferException(
              ErrorCode.NO_SUCH_CORS_CONFIGURATION,
              ErrorCode.NO_SUCH_CORS_CONFIGURATION.defaultMessage())
          .with("BucketName", bucket);
    }
    return cors;
  }

  /** PutBucketCors: replaces the configuration once {@link CorsRules} accepts it. */
  public void put(Caller caller, String bucket, CorsConfiguration cors) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_CORS);
    CorsRules.validate(cors);
    store.setBucketCors(bucket, ref.id(), cors);
  }

  /** DeleteBucketCors (s3:PutBucketCORS, as on AWS); nothing to delete is no error. */
  public void delete(Caller caller, String bucket) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.PUT_BUCKET_CORS);
    store.setBucketCors(bucket, ref.id(), null);
  }

  /**
   * The configuration a browser's request to {@code bucket} is evaluated against, without an access
   * check: preflights carry no credentials (browsers never sign them), and an actual request's CORS
   * headers, errors included, are what let the page read the answer at all. What this reveals is
   * what S3 reveals: whether the bucket exists and which origins it admits. Cheap: the bucket
   * reference is cached by the store.
   *
   * @return empty when the bucket does not exist; else its configuration, null for none
   */
  public Optional<BrowserRules> forBrowsers(String bucket) {
    return store.findBucketRef(bucket).map(ref -> new BrowserRules(ref.features().cors()));
  }

  /** An existing bucket's CORS configuration, null when it has none. */
  public record BrowserRules(@Nullable CorsConfiguration cors) {}
}
