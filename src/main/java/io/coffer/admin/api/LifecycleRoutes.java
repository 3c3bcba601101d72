package io.coffer.admin.api;

import io.coffer.admin.api.body.LifecycleBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.service.BucketService;
import io.coffer.service.LifecycleService;
import java.io.IOException;
import java.util.List;

/**
 * A bucket's lifecycle rules: the same configuration as S3's PutBucketLifecycleConfiguration, the
 * same checks ({@code service.LifecycleRules}), in JSON. What the next run would do is the
 * lifecycle worker's route ({@code /lifecycle/preview}).
 */
final class LifecycleRoutes {
  private final BucketService buckets;
  private final LifecycleService lifecycle;

  LifecycleRoutes(BucketService buckets, LifecycleService lifecycle) {
    this.buckets = buckets;
    this.lifecycle = lifecycle;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/lifecycle", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/lifecycle", this::put)
        .add("DELETE", "/api/v1/buckets/{bucket}/lifecycle", this::delete);
  }

  private HttpResponse get(ApiRequest request) {
    String bucket = BucketRoutes.require(buckets, request).name();
    LifecycleBodies.Configuration body;
    try {
      body = LifecycleJson.body(lifecycle.get(request.caller(), bucket));
    } catch (CofferException e) {
      if (e.code() != ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION) {
        throw e;
      }
      body = new LifecycleBodies.Configuration(List.of());
    }
    return JsonResponses.json(200, body);
  }

  /** Replaces the rules; answers them as stored (generated IDs filled in). */
  private HttpResponse put(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.require(buckets, request).name();
    LifecycleBodies.Configuration body = request.body(LifecycleBodies.Configuration.class, false);
    LifecycleConfiguration stored =
        lifecycle.put(request.caller(), bucket, LifecycleJson.configuration(body));
    return JsonResponses.json(200, LifecycleJson.body(stored));
  }

  private HttpResponse delete(ApiRequest request) {
    lifecycle.delete(request.caller(), BucketRoutes.require(buckets, request).name());
    return JsonResponses.done();
  }
}
