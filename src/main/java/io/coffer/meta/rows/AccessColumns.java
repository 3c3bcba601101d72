package io.coffer.meta.rows;

import io.coffer.model.Acl;
import io.coffer.model.BucketAccess;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How access settings are kept in a column each: an ACL as {@code owner;grant;grant} where a grant
 * is {@code u<credential ID>=<PERMISSION>} or {@code g<GROUP>=<PERMISSION>} (for example {@code
 * 7;gALL_USERS=READ}), a public access block as four 0/1 digits in AWS's order.
 */
public final class AccessColumns {
  /** The columns {@link #bucketAccess} reads, in order. */
  public static final String BUCKET_ACCESS_COLUMNS =
      "policy, acl, object_ownership, public_access_block";

  private AccessColumns() {}

  public static BucketAccess bucketAccess(ResultSet rs, int first) throws SQLException {
    String ownership = rs.getString(first + 2);
    return new BucketAccess(
        rs.getString(first),
        acl(rs.getString(first + 1)),
        ownership == null
            ? ObjectOwnership.OBJECT_WRITER
            : ObjectOwnership.fromAwsName(ownership).orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED),
        publicAccessBlock(rs.getString(first + 3)));
  }

  public static @Nullable String encode(@Nullable Acl acl) {
    if (acl == null) {
      return null;
    }
    StringBuilder out = new StringBuilder().append(acl.ownerId());
    for (Grant grant : acl.grants()) {
      out.append(';');
      switch (grant.grantee()) {
        case Grantee.CanonicalUser user -> out.append('u').append(user.id());
        case Grantee.Group group -> out.append('g').append(group.name());
      }
      out.append('=').append(grant.permission().name());
    }
    return out.toString();
  }

  public static @Nullable Acl acl(@Nullable String column) {
    if (column == null) {
      return null;
    }
    String[] fields = column.split(";");
    List<Grant> grants = new ArrayList<>(fields.length - 1);
    for (int i = 1; i < fields.length; i++) {
      String field = fields[i];
      int equals = field.indexOf('=');
      String who = field.substring(1, equals);
      Grantee grantee =
          field.charAt(0) == 'u'
              ? new Grantee.CanonicalUser(Long.parseLong(who))
              : Grantee.Group.valueOf(who);
      grants.add(new Grant(grantee, Permission.valueOf(field.substring(equals + 1))));
    }
    return new Acl(Long.parseLong(fields[0]), grants);
  }

  public static @Nullable String encode(@Nullable PublicAccessBlock block) {
    if (block == null) {
      return null;
    }
    return bit(block.blockPublicAcls())
        + bit(block.ignorePublicAcls())
        + bit(block.blockPublicPolicy())
        + bit(block.restrictPublicBuckets());
  }

  public static @Nullable PublicAccessBlock publicAccessBlock(@Nullable String column) {
    if (column == null) {
      return null;
    }
    return new PublicAccessBlock(
        column.charAt(0) == '1',
        column.charAt(1) == '1',
        column.charAt(2) == '1',
        column.charAt(3) == '1');
  }

  private static String bit(boolean flag) {
    return flag ? "1" : "0";
  }
}
