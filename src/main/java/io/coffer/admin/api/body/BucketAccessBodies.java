package io.coffer.admin.api.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Request and response bodies of a bucket's access settings: /buckets/{bucket}/policy, /acl,
 * /public-access-block, /anonymous-access, and /policy-validation.
 */
public final class BucketAccessBodies {
  private BucketAccessBodies() {}

  /** GET and PUT /policy: the policy as a JSON object ({@code null}: none). */
  public record Policy(
      @JsonProperty("policy") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable JsonNode policy,
      @JsonProperty("is_public") boolean isPublic) {}

  /** PUT /policy: a JSON object, or a string holding one. */
  public record PolicyRequest(@JsonProperty("policy") JsonNode policy) {}

  /**
   * Who a grant is for: {@code canonical_user} with {@code id} and {@code display_name} (when the
   * credential still exists), or {@code group} with {@code uri} and {@code name}.
   */
  public record Grantee(
      @JsonProperty("type") String type,
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("display_name") @Nullable String displayName,
      @JsonProperty("uri") @Nullable String uri,
      @JsonProperty("name") @Nullable String name) {}

  public record Grant(
      @JsonProperty("grantee") Grantee grantee, @JsonProperty("permission") String permission) {}

  public record Owner(
      @JsonProperty("id") String id, @JsonProperty("display_name") @Nullable String displayName) {}

  /**
   * GET /acl: the bucket's effective ACL, and its object ownership (ACLs count only while it is not
   * BucketOwnerEnforced).
   */
  public record Acl(
      @JsonProperty("owner") Owner owner,
      @JsonProperty("grants") List<Grant> grants,
      @JsonProperty("object_ownership") String objectOwnership,
      @JsonProperty("acls_enabled") boolean aclsEnabled) {}

  /** The four flags; {@code configured} is false when the bucket has no configuration. */
  public record PublicAccessBlock(
      @JsonProperty("block_public_acls") boolean blockPublicAcls,
      @JsonProperty("ignore_public_acls") boolean ignorePublicAcls,
      @JsonProperty("block_public_policy") boolean blockPublicPolicy,
      @JsonProperty("restrict_public_buckets") boolean restrictPublicBuckets,
      @JsonProperty("configured") boolean configured) {}

  /** PUT /public-access-block: replaces the configuration; a flag left out is false. */
  public record PublicAccessBlockRequest(
      @JsonProperty("block_public_acls") Boolean blockPublicAcls,
      @JsonProperty("ignore_public_acls") Boolean ignorePublicAcls,
      @JsonProperty("block_public_policy") Boolean blockPublicPolicy,
      @JsonProperty("restrict_public_buckets") Boolean restrictPublicBuckets) {}

  /** POST /policy-validation: {@code kind} is "identity" (the default) or "bucket". */
  public record ValidationRequest(
      @JsonProperty("document") JsonNode document, @JsonProperty("kind") String kind) {}

  public record Validation(
      @JsonProperty("valid") boolean valid,
      @JsonProperty("kind") String kind,
      @JsonProperty("is_public") boolean isPublic,
      @JsonProperty("message") String message) {}

  /** A bucket policy statement whose principal is everyone ("*" or {"AWS": "*"}). */
  public record Statement(
      @JsonProperty("sid") @Nullable String sid,
      @JsonProperty("effect") String effect,
      @JsonProperty("actions") List<String> actions,
      @JsonProperty("not_actions") List<String> notActions,
      @JsonProperty("resources") List<String> resources,
      @JsonProperty("not_resources") List<String> notResources,
      @JsonProperty("condition") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable JsonNode condition) {}

  /**
   * What anyone may do with the keys a statement's resource names: {@code pattern} is the resource
   * after the bucket ("public/*"), {@code probe_key} the key the engine was asked about.
   */
  public record Pattern(
      @JsonProperty("pattern") String pattern,
      @JsonProperty("probe_key") String probeKey,
      @JsonProperty("read") boolean read,
      @JsonProperty("write") boolean write) {}

  /** GET /anonymous-access. */
  public record AnonymousAccess(
      @JsonProperty("bucket") String bucket,
      @JsonProperty("is_public") boolean isPublic,
      @JsonProperty("anonymous_list") boolean anonymousList,
      @JsonProperty("anonymous_read") boolean anonymousRead,
      @JsonProperty("anonymous_write") boolean anonymousWrite,
      @JsonProperty("patterns") List<Pattern> patterns,
      @JsonProperty("object_acls_count") boolean objectAclsCount,
      @JsonProperty("policy_is_public") boolean policyIsPublic,
      @JsonProperty("public_statements") List<Statement> publicStatements,
      @JsonProperty("public_grants") List<Grant> publicGrants,
      @JsonProperty("public_access_block") PublicAccessBlock publicAccessBlock,
      @JsonProperty("object_ownership") String objectOwnership,
      @JsonProperty("acls_enabled") boolean aclsEnabled) {}
}
