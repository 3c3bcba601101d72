package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Acl;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectMeta;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The ACLs of object versions: GetObjectAcl and PutObjectAcl. */
public final class AclService {
  private final MetadataStore store;
  private final BucketService buckets;
  private final AclResolver acls;

  public AclService(MetadataStore store, BucketService buckets) {
    this.store = store;
    this.buckets = buckets;
    this.acls = new AclResolver(store);
  }

  /**
   * A version's ACL ({@code versionId} null: the current one's). NO_SUCH_KEY (a current delete
   * marker too) or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED for a named delete marker.
   */
  public AclView objectAcl(Caller caller, String bucket, String key, @Nullable String versionId) {
    Action action = versionId == null ? Action.GET_OBJECT_ACL : Action.GET_OBJECT_VERSION_ACL;
    BucketService.ObjectAccess checked = buckets.objectAccess(caller, bucket, action, key);
    ObjectMeta meta =
        buckets.requireReadable(caller, checked, action, () -> find(bucket, key, versionId));
    return view(store, Acls.effective(meta.acl(), checked.bucket().ownerId()));
  }

  /** PutObjectAcl with x-amz-acl or x-amz-grant-* headers; the version keeps its owner. */
  public void putObjectAcl(
      Caller caller, String bucket, String key, @Nullable String versionId, AclRequest request) {
    BucketService.ObjectAccess checked =
        buckets.objectAccess(caller, bucket, putAction(versionId), key);
    BucketRef ref = checked.bucket();
    ObjectMeta meta =
        buckets.requireReadable(
            caller, checked, putAction(versionId), () -> find(bucket, key, versionId));
    long owner = Acls.effective(meta.acl(), ref.ownerId()).ownerId();
    Acl acl = acls.fromHeaders(request, owner, ref.ownerId());
    store.setObjectAcl(bucket, key, meta.versionId(), acls.checkReplacement(ref, acl));
  }

  /**
   * PutObjectAcl with an AccessControlPolicy document, whose Owner must be the version's owner
   * (ACCESS_DENIED otherwise: an ACL does not change who owns an object).
   */
  public void putObjectAcl(
      Caller caller, String bucket, String key, @Nullable String versionId, Acl document) {
    BucketService.ObjectAccess checked =
        buckets.objectAccess(caller, bucket, putAction(versionId), key);
    BucketRef ref = checked.bucket();
    ObjectMeta meta =
        buckets.requireReadable(
            caller, checked, putAction(versionId), () -> find(bucket, key, versionId));
    if (document.ownerId() != Acls.effective(meta.acl(), ref.ownerId()).ownerId()) {
      throw new CofferException(ErrorCode.ACCESS_DENIED);
    }
    store.setObjectAcl(bucket, key, meta.versionId(), acls.checkReplacement(ref, document));
  }

  private static Action putAction(@Nullable String versionId) {
    return versionId == null ? Action.PUT_OBJECT_ACL : Action.PUT_OBJECT_VERSION_ACL;
  }

  private ObjectMeta find(String bucket, String key, @Nullable String versionId) {
    return objectVersion(store, bucket, key, versionId);
  }

  /**
   * The object version an operation on its subresources (ACL, tags) acts on: NO_SUCH_KEY (a current
   * delete marker too) or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED for a named delete
   * marker.
   */
  static ObjectMeta objectVersion(
      MetadataStore store, String bucket, String key, @Nullable String versionId) {
    KeyVersion version =
        store
            .findVersion(bucket, key, versionId)
            .orElseThrow(
                () ->
                    new CofferException(
                        versionId == null ? ErrorCode.NO_SUCH_KEY : ErrorCode.NO_SUCH_VERSION));
    return switch (version) {
      case ObjectMeta meta -> meta;
      case DeleteMarker marker -> throw versionId == null ? marker.hidesKey() : marker.notAllowed();
    };
  }

  /** An ACL with the display names of the credentials it names. */
  static AclView view(MetadataStore store, Acl acl) {
    Map<Long, String> names = new HashMap<>();
    name(store, acl.ownerId(), names);
    for (Grant grant : acl.grants()) {
      if (grant.grantee() instanceof Grantee.CanonicalUser user) {
        name(store, user.id(), names);
      }
    }
    return new AclView(acl, names);
  }

  private static void name(MetadataStore store, long id, Map<Long, String> names) {
    if (!names.containsKey(id)) {
      store.findCredential(id).ifPresent(c -> names.put(id, c.userName()));
    }
  }
}
