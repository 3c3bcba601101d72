package io.coffer.service;

import io.coffer.model.Acl;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.Permission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What canned ACLs mean, and the rules every stored ACL follows. */
final class Acls {
  private Acls() {}

  /**
   * The grants a canned ACL gives beyond the owner's full control, as AWS defines them.
   *
   * @param owner the owner of the object or bucket the ACL is for
   * @param bucketOwner the owner of the bucket (the same for a bucket's own ACL)
   */
  static List<Grant> cannedGrants(CannedAcl canned, long owner, long bucketOwner) {
    Grantee.Group all = Grantee.Group.ALL_USERS;
    return switch (canned) {
      case PRIVATE -> List.of();
      case PUBLIC_READ -> List.of(new Grant(all, Permission.READ));
      case PUBLIC_READ_WRITE ->
          List.of(new Grant(all, Permission.READ), new Grant(all, Permission.WRITE));
      case AUTHENTICATED_READ ->
          List.of(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ));
      case BUCKET_OWNER_READ ->
          owner == bucketOwner
              ? List.of()
              : List.of(new Grant(new Grantee.CanonicalUser(bucketOwner), Permission.READ));
      case BUCKET_OWNER_FULL_CONTROL ->
          owner == bucketOwner
              ? List.of()
              : List.of(new Grant(new Grantee.CanonicalUser(bucketOwner), Permission.FULL_CONTROL));
      case LOG_DELIVERY_WRITE ->
          List.of(
              new Grant(Grantee.Group.LOG_DELIVERY, Permission.WRITE),
              new Grant(Grantee.Group.LOG_DELIVERY, Permission.READ_ACP));
      case AWS_EXEC_READ ->
          throw new CofferException(
              ErrorCode.NOT_IMPLEMENTED,
              "The canned ACL aws-exec-read grants Amazon EC2 access, which Coffer has no"
                  + " principal for.");
    };
  }

  /**
   * An ACL as stored: without the owner's own full control (always implied) and repeated grants;
   * null when what is left is the default, the bucket owner's private ACL.
   */
  static @Nullable Acl normalize(Acl acl, long bucketOwner) {
    Set<Grant> grants = new LinkedHashSet<>();
    for (Grant grant : acl.grants()) {
      boolean ownersOwn =
          grant.permission() == Permission.FULL_CONTROL
              && grant.grantee() instanceof Grantee.CanonicalUser user
              && user.id() == acl.ownerId();
      if (!ownersOwn) {
        grants.add(grant);
      }
    }
    if (grants.isEmpty() && acl.ownerId() == bucketOwner) {
      return null;
    }
    return new Acl(acl.ownerId(), new ArrayList<>(grants));
  }

  /** The ACL a stored value stands for: null is the bucket owner's private ACL. */
  static Acl effective(@Nullable Acl stored, long bucketOwner) {
    return stored == null ? Acl.privateTo(bucketOwner) : stored;
  }

  /** Whether an ACL grants anything to everyone or to every authenticated user (AWS's "public"). */
  static boolean isPublic(@Nullable Acl acl) {
    if (acl == null) {
      return false;
    }
    for (Grant grant : acl.grants()) {
      if (grant.grantee() == Grantee.Group.ALL_USERS
          || grant.grantee() == Grantee.Group.AUTHENTICATED_USERS) {
        return true;
      }
    }
    return false;
  }
}
