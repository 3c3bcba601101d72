package io.coffer.service;

import io.coffer.model.BucketAccess;
import io.coffer.model.BucketRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What anyone may do with a bucket without credentials, as the access decision itself answers it:
 * each verdict asks {@link Access} about an anonymous request, so the bucket policy, the bucket's
 * ACL, object ownership and the public access block all count exactly as they do for a real
 * request. For the management API's per-bucket summary.
 */
public final class AnonymousAccessService {
  /**
   * The key asked about for "any object of the bucket": one that only a statement covering the
   * whole bucket (or a pattern as broad) reaches, not one naming a prefix.
   */
  public static final String PROBE_KEY = "coffer-anonymous-access-probe";

  private final BucketService buckets;

  public AnonymousAccessService(BucketService buckets) {
    this.buckets = buckets;
  }

  /** What an anonymous request may do with one key. */
  public record KeyVerdict(String key, boolean read, boolean write) {}

  /**
   * The verdicts for the bucket.
   *
   * @param list whether anyone may list the bucket (s3:ListBucket)
   * @param read whether anyone may read any object of it (s3:GetObject on {@link #PROBE_KEY})
   * @param write whether anyone may write any object (s3:PutObject on {@link #PROBE_KEY})
   * @param keys the verdicts for the keys asked about (probes of the prefixes a policy names)
   * @param objectAclsCount whether a public-read ACL on a single object would make it readable by
   *     anyone (ACLs are enabled and IgnorePublicAcls is off): reads of such objects are decided by
   *     their own ACL, not shown here
   * @param access the bucket's settings the verdicts were made with
   */
  public record Verdicts(
      boolean list,
      boolean read,
      boolean write,
      List<KeyVerdict> keys,
      boolean objectAclsCount,
      BucketAccess access) {}

  /**
   * Asks the access decision about anonymous requests to {@code bucket}: listing it, reading and
   * writing any object, and reading and writing each of {@code keys}. {@code caller} must be
   * allowed to read the bucket's policy status.
   */
  public Verdicts verdicts(Caller caller, String bucket, List<String> keys) {
    BucketRef ref = buckets.requireRef(caller, bucket, Action.GET_BUCKET_POLICY_STATUS);
    Caller anyone = new Caller.Anonymous(RequestContext.NONE);
    List<KeyVerdict> perKey = new ArrayList<>(keys.size());
    for (String key : keys) {
      perKey.add(
          new KeyVerdict(
              key,
              buckets.allows(anyone, Action.GET_OBJECT, bucket, ref, key),
              buckets.allows(anyone, Action.PUT_OBJECT, bucket, ref, key)));
    }
    BucketAccess access = ref.access();
    return new Verdicts(
        buckets.allows(anyone, Action.LIST_BUCKET, bucket, ref, null),
        buckets.allows(anyone, Action.GET_OBJECT, bucket, ref, PROBE_KEY),
        buckets.allows(anyone, Action.PUT_OBJECT, bucket, ref, PROBE_KEY),
        List.copyOf(perKey),
        access.ownership().aclsEnabled() && !access.effectiveBlock().ignorePublicAcls(),
        access);
  }
}
