package io.coffer.admin.api;

import io.coffer.admin.api.body.CorsBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.CorsRule;
import io.coffer.model.ErrorCode;
import io.coffer.service.BucketService;
import io.coffer.service.CorsService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's CORS rules as JSON: read, replaced whole (checked with S3's limits, refusals as 400
 * invalid_request with S3's message), deleted.
 */
final class CorsRoutes {
  private final BucketService buckets;
  private final CorsService cors;

  CorsRoutes(BucketService buckets, CorsService cors) {
    this.buckets = buckets;
    this.cors = cors;
  }

  void register(Router router) {
    router
        .add("GET", "/api/v1/buckets/{bucket}/cors", this::get)
        .add("PUT", "/api/v1/buckets/{bucket}/cors", this::put)
        .add("DELETE", "/api/v1/buckets/{bucket}/cors", this::delete);
  }

  /** {@code {"rules": []}} for a bucket without a configuration. */
  private HttpResponse get(ApiRequest request) {
    return JsonResponses.json(200, rulesOf(request, BucketRoutes.require(buckets, request).name()));
  }

  private CorsBodies.Cors rulesOf(ApiRequest request, String bucket) {
    try {
      return view(cors.get(request.caller(), bucket));
    } catch (CofferException e) {
      if (e.code() == ErrorCode.NO_SUCH_CORS_CONFIGURATION) {
        return new CorsBodies.Cors(List.of());
      }
      throw e;
    }
  }

  private HttpResponse put(ApiRequest request) throws IOException {
    String bucket = BucketRoutes.require(buckets, request).name();
    CorsBodies.Cors body = request.body(CorsBodies.Cors.class, false);
    List<CorsBodies.Rule> rules = body.rules();
    if (rules == null || rules.isEmpty()) {
      throw ApiException.invalid(
          "rules needs at least one rule; DELETE removes the bucket's CORS configuration.");
    }
    List<CorsRule> parsed = new ArrayList<>();
    for (CorsBodies.Rule rule : rules) {
      parsed.add(rule(rule, parsed.size() + 1));
    }
    cors.put(request.caller(), bucket, new CorsConfiguration(parsed));
    return JsonResponses.json(200, rulesOf(request, bucket));
  }

  private HttpResponse delete(ApiRequest request) {
    cors.delete(request.caller(), BucketRoutes.require(buckets, request).name());
    return JsonResponses.done();
  }

  private static CorsRule rule(CorsBodies.Rule rule, int number) {
    List<String> origins = rule.allowedOrigins();
    List<String> methods = rule.allowedMethods();
    if (origins == null || origins.isEmpty() || methods == null || methods.isEmpty()) {
      throw ApiException.invalid(
          "Rule " + number + " needs at least one of allowed_origins and of allowed_methods.");
    }
    return new CorsRule(
        blankToNull(rule.id()),
        noNulls(origins, number),
        noNulls(methods, number),
        noNulls(orEmpty(rule.allowedHeaders()), number),
        noNulls(orEmpty(rule.exposeHeaders()), number),
        rule.maxAgeSeconds());
  }

  private static List<String> orEmpty(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }

  private static List<String> noNulls(List<String> values, int number) {
    for (String value : values) {
      if (value == null) {
        throw ApiException.invalid("Rule " + number + " has a null where a string belongs.");
      }
    }
    return values;
  }

  private static @Nullable String blankToNull(@Nullable String id) {
    return id == null || id.isBlank() ? null : id;
  }

  private static CorsBodies.Cors view(CorsConfiguration configuration) {
    return new CorsBodies.Cors(
        configuration.rules().stream()
            .map(
                r ->
                    new CorsBodies.Rule(
                        r.id(),
                        r.allowedOrigins(),
                        r.allowedMethods(),
                        r.allowedHeaders(),
                        r.exposeHeaders(),
                        r.maxAgeSeconds()))
            .toList());
  }
}
