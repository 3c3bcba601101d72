package io.coffer.model;

import java.util.List;

/**
 * An access control list of a bucket or an object version: its owner (a credential ID; the owner
 * always has full control) and the grants beyond that.
 */
public record Acl(long ownerId, List<Grant> grants) {
  public Acl {
    grants = List.copyOf(grants);
  }

  /** The {@code private} canned ACL: the owner alone. */
  public static Acl privateTo(long ownerId) {
    return new Acl(ownerId, List.of());
  }
}
