package io.coffer.admin.api;

import io.coffer.admin.api.body.BucketAccessBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.service.AnonymousAccessService;
import io.coffer.service.BucketAccessService;
import io.coffer.service.BucketService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/buckets/{bucket}/anonymous-access: what anyone may do with a bucket without
 * credentials, and why. The verdicts are the access decision's own answers for anonymous requests;
 * the statements, grants and flags beside them are what produced them.
 */
final class AnonymousAccessRoutes {
  private final BucketService buckets;
  private final BucketAccessService access;
  private final AnonymousAccessService anonymous;

  AnonymousAccessRoutes(
      BucketService buckets, BucketAccessService access, AnonymousAccessService anonymous) {
    this.buckets = buckets;
    this.access = access;
    this.anonymous = anonymous;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/buckets/{bucket}/anonymous-access", this::summary);
  }

  private HttpResponse summary(ApiRequest request) {
    Bucket bucket = BucketRoutes.require(buckets, request);
    String name = bucket.name();
    List<BucketAccessBodies.Statement> statements = EveryoneStatements.of(bucket.access().policy());
    Map<String, String> probes = EveryoneStatements.probes(statements, name);
    AnonymousAccessService.Verdicts verdicts =
        anonymous.verdicts(request.caller(), name, List.copyOf(probes.values()));
    List<BucketAccessBodies.Pattern> patterns = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> probe : probes.entrySet()) {
      AnonymousAccessService.KeyVerdict verdict = verdicts.keys().get(i++);
      patterns.add(
          new BucketAccessBodies.Pattern(
              probe.getKey(), probe.getValue(), verdict.read(), verdict.write()));
    }
    BucketAccess settings = verdicts.access();
    boolean policyIsPublic = settings.policy() != null && access.validatePolicy(settings.policy());
    List<BucketAccessBodies.Grant> publicGrants =
        AclViews.publicGrants(access.bucketAcl(request.caller(), name));
    boolean anyPattern = patterns.stream().anyMatch(p -> p.read() || p.write());
    return JsonResponses.json(
        200,
        new BucketAccessBodies.AnonymousAccess(
            name,
            verdicts.list() || verdicts.read() || verdicts.write() || anyPattern,
            verdicts.list(),
            verdicts.read(),
            verdicts.write(),
            patterns,
            verdicts.objectAclsCount(),
            policyIsPublic,
            statements,
            publicGrants,
            AclViews.block(settings.publicAccessBlock()),
            settings.ownership().awsName(),
            settings.ownership().aclsEnabled()));
  }
}
