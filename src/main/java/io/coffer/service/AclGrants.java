package io.coffer.service;

import io.coffer.model.Acl;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketRef;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.Permission;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What ACL grants allow, as AWS maps each permission to actions: on a bucket READ lists it, WRITE
 * creates and deletes objects in it, READ_ACP and WRITE_ACP read and write its ACL; on an object
 * version READ reads it, READ_ACP and WRITE_ACP its ACL. FULL_CONTROL is all of them. ACLs count
 * only while the bucket's object ownership enables them.
 */
final class AclGrants {
  private static final Set<Action> BUCKET_READ =
      EnumSet.of(Action.LIST_BUCKET, Action.LIST_BUCKET_VERSIONS, Action.LIST_MULTIPART_UPLOADS);
  private static final Set<Action> BUCKET_WRITE =
      EnumSet.of(
          Action.PUT_OBJECT,
          Action.DELETE_OBJECT,
          Action.ABORT_MULTIPART_UPLOAD,
          Action.LIST_PARTS);

  /** READ on an object also lets one read its attributes (GetObjectAttributes), as on AWS. */
  private static final Set<Action> OBJECT_READ =
      EnumSet.of(
          Action.GET_OBJECT,
          Action.GET_OBJECT_VERSION,
          Action.GET_OBJECT_ATTRIBUTES,
          Action.GET_OBJECT_VERSION_ATTRIBUTES);

  private static final Set<Action> OBJECT_READ_ACP =
      EnumSet.of(Action.GET_OBJECT_ACL, Action.GET_OBJECT_VERSION_ACL);
  private static final Set<Action> OBJECT_WRITE_ACP =
      EnumSet.of(Action.PUT_OBJECT_ACL, Action.PUT_OBJECT_VERSION_ACL);

  private AclGrants() {}

  /** Whether the bucket's ACL grants {@code action} on the bucket to {@code caller}. */
  static boolean bucketAllows(Caller caller, Action action, BucketAccess access) {
    Acl acl = access.acl();
    if (acl == null || !access.ownership().aclsEnabled()) {
      return false;
    }
    Permission needed = bucketPermission(action);
    return needed != null
        && grants(caller, acl, needed, access.effectiveBlock().ignorePublicAcls());
  }

  /** Whether an object version's ACL could grant {@code action}: then the object is read first. */
  static boolean objectGrantable(Action action, BucketAccess access) {
    return access.ownership().aclsEnabled() && objectPermission(action) != null;
  }

  /** Whether the object version's ACL (null: the bucket owner's, private) grants the action. */
  static boolean objectAllows(Caller caller, Action action, BucketRef ref, @Nullable Acl acl) {
    Permission needed = objectPermission(action);
    if (acl == null || needed == null || !ref.access().ownership().aclsEnabled()) {
      return false;
    }
    return grants(caller, acl, needed, ref.access().effectiveBlock().ignorePublicAcls());
  }

  private static @Nullable Permission bucketPermission(Action action) {
    if (BUCKET_READ.contains(action)) {
      return Permission.READ;
    }
    if (BUCKET_WRITE.contains(action)) {
      return Permission.WRITE;
    }
    return switch (action) {
      case GET_BUCKET_ACL -> Permission.READ_ACP;
      case PUT_BUCKET_ACL -> Permission.WRITE_ACP;
      default -> null;
    };
  }

  private static @Nullable Permission objectPermission(Action action) {
    if (OBJECT_READ.contains(action)) {
      return Permission.READ;
    }
    if (OBJECT_READ_ACP.contains(action)) {
      return Permission.READ_ACP;
    }
    if (OBJECT_WRITE_ACP.contains(action)) {
      return Permission.WRITE_ACP;
    }
    return null;
  }

  private static boolean grants(
      Caller caller, Acl acl, Permission needed, boolean ignorePublicGrants) {
    if (caller instanceof Caller.User && caller.id() == acl.ownerId()) {
      return true; // an ACL's owner always has full control
    }
    for (Grant grant : acl.grants()) {
      if ((grant.permission() == needed || grant.permission() == Permission.FULL_CONTROL)
          && matches(grant.grantee(), caller, ignorePublicGrants)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Grantee grantee, Caller caller, boolean ignorePublicGrants) {
    return switch (grantee) {
      case Grantee.CanonicalUser user -> caller instanceof Caller.User && caller.id() == user.id();
      case Grantee.Group.ALL_USERS -> !ignorePublicGrants;
      case Grantee.Group.AUTHENTICATED_USERS ->
          !ignorePublicGrants && caller instanceof Caller.User;
      case Grantee.Group.LOG_DELIVERY -> false; // Coffer delivers no server access logs
    };
  }
}
