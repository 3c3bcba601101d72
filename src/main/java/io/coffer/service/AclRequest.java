package io.coffer.service;

import io.coffer.model.Grant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ACL a request asks for in its headers: a canned ACL ({@code x-amz-acl}), explicit grants
 * ({@code x-amz-grant-*}), or neither. Never both: S3 refuses that before it gets here.
 *
 * @param canned the canned ACL, or null
 * @param grants the grants of the x-amz-grant-* headers, in header order
 */
public record AclRequest(@Nullable CannedAcl canned, List<Grant> grants) {
  /** No ACL header: the default, private. */
  public static final AclRequest NONE = new AclRequest(null, List.of());

  public AclRequest {
    grants = List.copyOf(grants);
    if (canned != null && !grants.isEmpty()) {
      throw new IllegalArgumentException("a canned ACL and grants together");
    }
  }

  public static AclRequest canned(CannedAcl canned) {
    return new AclRequest(canned, List.of());
  }

  /** Whether the request named an ACL at all. */
  public boolean present() {
    return canned != null || !grants.isEmpty();
  }
}
