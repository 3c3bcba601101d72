package io.coffer.policy;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a Resource or NotResource element: {@code *}, or an S3 ARN — {@code
 * arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/key} — with {@code *} and {@code ?} wildcards
 * and policy variables. Matching is case-sensitive, as ARNs are.
 *
 * <p>A request on no bucket (ListAllMyBuckets, resource {@code *}) is matched by {@code *} and by
 * {@code arn:aws:s3:::*}, the two forms policies use to grant it.
 */
final class ResourcePattern {
  static final String INVALID = "Policy has invalid resource";
  static final String ARN_PREFIX = "arn:aws:s3:::";

  private final String written;
  private final @Nullable Template template;
  private final boolean coversAccount;

  private ResourcePattern(String written, @Nullable Template template, boolean coversAccount) {
    this.written = written;
    this.template = template;
    this.coversAccount = coversAccount;
  }

  static ResourcePattern compile(String written, boolean variables)
      throws MalformedPolicyException {
    if (written.equals("*")) {
      return new ResourcePattern(written, null, true);
    }
    if (!written.startsWith(ARN_PREFIX) || written.length() == ARN_PREFIX.length()) {
      throw new MalformedPolicyException(INVALID);
    }
    String path = written.substring(ARN_PREFIX.length());
    boolean allStars = path.chars().allMatch(c -> c == '*');
    return new ResourcePattern(
        written, Template.compile(written, true, variables, INVALID), allStars);
  }

  boolean matches(String resource, ConditionValues values) {
    if (template == null) {
      return true;
    }
    if (resource.equals("*")) {
      return coversAccount;
    }
    return template.matches(resource, false, values);
  }

  /**
   * Whether the pattern names only the given bucket or objects in it, as a bucket policy's
   * resources must (wildcards are allowed after the bucket name).
   */
  boolean namesBucket(String bucket) {
    String arn = ARN_PREFIX + bucket;
    return written.equals(arn) || written.startsWith(arn + "/");
  }
}
