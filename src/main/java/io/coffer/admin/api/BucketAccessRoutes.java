package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketAccessBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.PublicAccessBlock;
import io.coffer.service.AclView;
import io.coffer.service.BucketAccessService;
import io.coffer.service.BucketService;
import io.coffer.service.IdentityService;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's own access settings: its policy, its ACL (read only: ACLs are set over S3), its public
 * access block; and validating a policy document without storing it.
 */
final class BucketAccessRoutes {
  private final BucketService buckets;
  private final BucketAccessService access;
  private final IdentityService identities;

  BucketAccessRoutes(
      BucketService buckets, BucketAccessService access, IdentityService identities) {
    this.buckets = buckets;
    this.access = access;
    this.identities = identities;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/policy", this::getPolicy)
        .add("PUT", "/api/v1/buckets/{bucket}/policy", this::putPolicy)
        .add("DELETE", "/api/v1/buckets/{bucket}/policy", this::deletePolicy)
        .add("GET", "/api/v1/buckets/{bucket}/acl", this::getAcl)
        .add("GET", "/api/v1/buckets/{bucket}/public-access-block", this::getBlock)
        .add("PUT", "/api/v1/buckets/{bucket}/public-access-block", this::putBlock)
        .add("DELETE", "/api/v1/buckets/{bucket}/public-access-block", this::deleteBlock)
        .add("POST", "/api/v1/policy-validation", this::validate);
  }

  private HttpResponse getPolicy(ApiRequest request) {
    return JsonResponses.json(
        200, policyOf(request, BucketRoutes.require(buckets, request).name()));
  }

  private BucketAccessBodies.Policy policyOf(ApiRequest request, String bucket) {
    String policy;
    try {
      policy = access.policy(request.caller(), bucket);
    } catch (CofferException e) {
      if (e.code() == ErrorCode.NO_SUCH_BUCKET_POLICY) {
        return new BucketAccessBodies.Policy(null, false);
      }
      throw e;
    }
    return new BucketAccessBodies.Policy(
        PolicyJson.node(policy), access.policyIsPublic(request.caller(), bucket));
  }

  /** Validated by the engine; a public policy on a bucket that blocks them is 403. */
  private HttpResponse putPolicy(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    BucketAccessBodies.PolicyRequest body =
        request.body(BucketAccessBodies.PolicyRequest.class, false);
    String policy = PolicyJson.text(body.policy(), "policy");
    if (policy == null) {
      throw ApiException.invalid("policy is required; DELETE removes the bucket's policy.");
    }
    try {
      access.putPolicy(request.caller(), bucket.name(), policy);
    } catch (CofferException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        throw new ApiException(
            403,
            "access_denied",
            "The bucket's public access block has BlockPublicPolicy: a public policy is refused."
                + " Turn that flag off first, or narrow the policy.");
      }
      throw e;
    }
    return JsonResponses.json(200, policyOf(request, bucket.name()));
  }

  private HttpResponse deletePolicy(ApiRequest request) {
    access.deletePolicy(request.caller(), BucketRoutes.require(buckets, request).name());
    return JsonResponses.done();
  }

  private HttpResponse getAcl(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    AclView view = access.bucketAcl(request.caller(), bucket.name());
    long owner = view.acl().ownerId();
    return JsonResponses.json(
        200,
        new BucketAccessBodies.Acl(
            new BucketAccessBodies.Owner(Long.toString(owner), view.displayNames().get(owner)),
            AclViews.grants(view),
            bucket.access().ownership().awsName(),
            bucket.access().ownership().aclsEnabled()));
  }

  private HttpResponse getBlock(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    return JsonResponses.json(200, AclViews.block(bucket.access().publicAccessBlock()));
  }

  private HttpResponse putBlock(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    BucketAccessBodies.PublicAccessBlockRequest body =
        request.body(BucketAccessBodies.PublicAccessBlockRequest.class, false);
    PublicAccessBlock block =
        new PublicAccessBlock(
            isTrue(body.blockPublicAcls()),
            isTrue(body.ignorePublicAcls()),
            isTrue(body.blockPublicPolicy()),
            isTrue(body.restrictPublicBuckets()));
    access.putPublicAccessBlock(request.caller(), bucket.name(), block);
    return JsonResponses.json(200, AclViews.block(block));
  }

  private HttpResponse deleteBlock(ApiRequest request) {
    access.deletePublicAccessBlock(request.caller(), BucketRoutes.require(buckets, request).name());
    return JsonResponses.done();
  }

  /**
   * Checks a document as storing it would (an identity policy as /policies does, a bucket policy as
   * /buckets/{bucket}/policy does): 400 malformed_policy with the engine's reason, else valid.
   */
  private HttpResponse validate(ApiRequest request) throws IOException {
    BucketAccessBodies.ValidationRequest body =
        request.body(BucketAccessBodies.ValidationRequest.class, false);
    String document = PolicyJson.required(body.document(), "document");
    String kind = body.kind() == null ? "identity" : body.kind();
    boolean isPublic;
    switch (kind) {
      case "identity" -> {
        identities.validateInlinePolicy(document);
        isPublic = false;
      }
      case "bucket" -> isPublic = access.validatePolicy(document);
      default -> throw ApiException.invalid("kind must be \"identity\" or \"bucket\".");
    }
    return JsonResponses.json(
        200,
        new BucketAccessBodies.Validation(
            true,
            kind,
            isPublic,
            isPublic
                ? "The policy is valid. It is public: it grants access to anyone."
                : "The policy is valid."));
  }

  private static boolean isTrue(@Nullable Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
