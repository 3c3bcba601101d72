package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketAccessBodies;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import io.coffer.service.AclView;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ACLs and public access blocks in the management API's shapes. */
final class AclViews {
  private AclViews() {}

  static BucketAccessBodies.Grant grant(Grant grant, AclView view) {
    BucketAccessBodies.Grantee grantee =
        switch (grant.grantee()) {
          case Grantee.CanonicalUser user ->
              new BucketAccessBodies.Grantee(
                  "canonical_user",
                  Long.toString(user.id()),
                  view.displayNames().get(user.id()),
                  null,
                  null);
          case Grantee.Group group ->
              new BucketAccessBodies.Grantee("group", null, null, group.uri(), groupName(group));
        };
    return new BucketAccessBodies.Grant(grantee, grant.permission().name());
  }

  /** The owner's full control (always implied, so not stored) first, as GetBucketAcl shows it. */
  static List<BucketAccessBodies.Grant> grants(AclView view) {
    List<BucketAccessBodies.Grant> grants = new ArrayList<>();
    Grant owner =
        new Grant(new Grantee.CanonicalUser(view.acl().ownerId()), Permission.FULL_CONTROL);
    grants.add(grant(owner, view));
    for (Grant g : view.acl().grants()) {
      if (!g.equals(owner)) {
        grants.add(grant(g, view));
      }
    }
    return grants;
  }

  /** Grants to everyone (AllUsers) or to every authenticated caller (AuthenticatedUsers). */
  static List<BucketAccessBodies.Grant> publicGrants(AclView view) {
    return view.acl().grants().stream()
        .filter(
            g ->
                g.grantee() == Grantee.Group.ALL_USERS
                    || g.grantee() == Grantee.Group.AUTHENTICATED_USERS)
        .map(g -> grant(g, view))
        .toList();
  }

  /** The group's name as AWS's URIs end: AllUsers, AuthenticatedUsers, LogDelivery. */
  static String groupName(Grantee.Group group) {
    String uri = group.uri();
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  static BucketAccessBodies.PublicAccessBlock block(@Nullable PublicAccessBlock configured) {
    PublicAccessBlock b = configured == null ? PublicAccessBlock.NONE : configured;
    return new BucketAccessBodies.PublicAccessBlock(
        b.blockPublicAcls(),
        b.ignorePublicAcls(),
        b.blockPublicPolicy(),
        b.restrictPublicBuckets(),
        configured != null);
  }
}
