package io.coffer.service;

import io.coffer.model.Acl;
import java.util.Map;

/**
 * An ACL as GetBucketAcl and GetObjectAcl show it: the effective ACL (the default made explicit)
 * and the display names of the credentials it names, where they still exist.
 */
public record AclView(Acl acl, Map<Long, String> displayNames) {
  public AclView {
    displayNames = Map.copyOf(displayNames);
  }
}
