package io.coffer.model;

/** Who an ACL grant is for: one credential (by its canonical ID), or one of S3's groups. */
public sealed interface Grantee {
  /** One credential; its canonical ID is the credential's ID, the Owner/ID listings show. */
  record CanonicalUser(long id) implements Grantee {}

  /** S3's predefined groups, named by their URIs. */
  enum Group implements Grantee {
    ALL_USERS("http://acs.amazonaws.com/groups/global/AllUsers"),
    AUTHENTICATED_USERS("http://acs.amazonaws.com/groups/global/AuthenticatedUsers"),
    LOG_DELIVERY("http://acs.amazonaws.com/groups/s3/LogDelivery");

    private final String uri;

    Group(String uri) {
      this.uri = uri;
    }

    public String uri() {
      return uri;
    }
  }
}
