package io.coffer.service;

import io.coffer.model.BucketAccess;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.policy.MalformedPolicyException;
import io.coffer.policy.PolicyDocument;
import io.coffer.policy.PolicyKind;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Bucket policies compiled once: the store keeps a policy's text (validated when it was put), and
 * each request that needs it finds the compiled document here by that text, so a changed policy is
 * compiled afresh and the old one simply falls out.
 */
final class BucketPolicies {
  private static final int MAX_ENTRIES = 10_000;

  private final ConcurrentHashMap<String, PolicyDocument> compiled = new ConcurrentHashMap<>();

  /** The bucket's policy compiled, or null when it has none. */
  @Nullable PolicyDocument compiled(String bucket, BucketAccess access) {
    String json = access.policy();
    if (json == null) {
      return null;
    }
    PolicyDocument found = compiled.get(json);
    if (found != null) {
      return found;
    }
    if (compiled.size() >= MAX_ENTRIES) {
      compiled.clear();
    }
    PolicyDocument parsed = parse(bucket, json);
    compiled.put(json, parsed);
    return parsed;
  }

  private static PolicyDocument parse(String bucket, String json) {
    try {
      return PolicyDocument.parse(json, PolicyKind.BUCKET);
    } catch (MalformedPolicyException e) {
      // validated when stored: a policy this Coffer cannot read now refuses rather than ignores
      throw new CofferException(
          ErrorCode.INTERNAL_ERROR,
          "The stored policy of bucket " + bucket + " cannot be read: " + e.getMessage());
    }
  }
}
