package io.coffer.admin.api;

import io.coffer.admin.api.body.LifecyclePreviewBody;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.service.Names;
import io.coffer.service.lifecycle.LifecyclePreview;

/**
 * GET /api/v1/buckets/{bucket}/lifecycle/preview: what the lifecycle worker's next run would do in
 * the bucket, per rule (counts and a few example keys), for the console's rule editor.
 */
final class LifecyclePreviewRoutes {
  private final LifecyclePreview preview;

  LifecyclePreviewRoutes(LifecyclePreview preview) {
    this.preview = preview;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/buckets/{bucket}/lifecycle/preview", this::preview);
  }

  private HttpResponse preview(ApiRequest request) {
    String bucket = request.param("bucket");
    Names.requireValidBucketName(bucket);
    LifecyclePreview.Forecast forecast = preview.preview(request.caller(), bucket);
    return JsonResponses.json(
        200,
        new LifecyclePreviewBody(
            forecast.rules().stream()
                .map(
                    r ->
                        new LifecyclePreviewBody.Rule(
                            r.ruleId(),
                            r.objects(),
                            r.versions(),
                            r.deleteMarkers(),
                            r.uploads(),
                            r.exampleKeys()))
                .toList(),
            forecast.complete()));
  }
}
