package io.coffer.s3.xml;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grantee;

/**
 * Grantees as requests name them, in grant headers and in AccessControlPolicy documents: a
 * canonical ID (a credential's decimal ID), a group URI, or an e-mail address, which Coffer cannot
 * resolve (it has none).
 */
public final class Grantees {
  private Grantees() {}

  /** A canonical ID; whether a credential has it is the service's check. */
  public static Grantee.CanonicalUser canonicalUser(String id) {
    try {
      long value = Long.parseLong(id.trim());
      if (value >= 0) {
        return new Grantee.CanonicalUser(value);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid id");
  }

  public static Grantee.Group group(String uri) {
    for (Grantee.Group group : Grantee.Group.values()) {
      if (group.uri().equals(uri.trim())) {
        return group;
      }
    }
    throw new CofferException(ErrorCode.INVALID_ARGUMENT, "Invalid group uri");
  }

  public static CofferException unresolvableEmail() {
    return new CofferException(
        ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS,
        ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS.defaultMessage());
  }
}
