package io.coffer.admin.api;

import io.coffer.admin.api.body.StatsBody;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.Stats;
import io.coffer.service.StatsService;

/** GET /api/v1/stats: counters kept by the store, so this stays O(1) at any size. */
final class StatsRoutes {
  private final StatsService stats;

  StatsRoutes(StatsService stats) {
    this.stats = stats;
  }

  void register(Router router) {
    router.add("GET", "/api/v1/stats", this::get);
  }

  private HttpResponse get(ApiRequest request) {
    Stats s = stats.current();
    return JsonResponses.json(
        200,
        new StatsBody(
            s.credentials(),
            s.buckets(),
            s.objects(),
            s.totalStorage(),
            Formats.size(s.totalStorage()),
            s.activeMultipartUploads(),
            s.activePresignedUrls()));
  }
}
