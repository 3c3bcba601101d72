package io.coffer.admin.api;

import io.coffer.admin.api.body.QuotaBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Bucket;
import io.coffer.service.BucketService;
import java.io.IOException;

/** /api/v1/buckets/{bucket}/quota: a bucket's quota on stored bytes, and its usage. */
final class QuotaRoutes {
  private final BucketService buckets;

  QuotaRoutes(BucketService buckets) {
    this.buckets = buckets;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/quota", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/quota", this::put);
  }

  private HttpResponse get(ApiRequest request) {
    return JsonResponses.json(200, body(BucketRoutes.require(buckets, request)));
  }

  /** Sets the quota ({"quota_bytes": N}) or removes it ({"quota_bytes": null}). */
  private HttpResponse put(ApiRequest request) throws IOException {
    Bucket bucket = BucketRoutes.require(buckets, request);
    QuotaBodies.QuotaRequest body = request.body(QuotaBodies.QuotaRequest.class, false);
    Long quota = body.quotaBytes();
    if (quota != null && quota < 0) {
      throw ApiException.invalid("quota_bytes must be 0 or more, or null to remove the quota.");
    }
    return JsonResponses.json(200, body(buckets.setQuota(request.caller(), bucket.name(), quota)));
  }

  private static QuotaBodies.QuotaBody body(Bucket bucket) {
    return new QuotaBodies.QuotaBody(
        bucket.name(),
        bucket.features().quotaBytes(),
        bucket.objectCount(),
        bucket.totalSize(),
        Formats.size(bucket.totalSize()));
  }
}
