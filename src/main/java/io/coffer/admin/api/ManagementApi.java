package io.coffer.admin.api;

import io.coffer.admin.json.InvalidJsonException;
import io.coffer.admin.json.JsonResponses;
import io.coffer.admin.session.ConsoleSessions;
import io.coffer.admin.session.UserSecrets;
import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.RequestIds;
import io.coffer.service.ApiKeys;
import io.coffer.service.Caller;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API under /api/v1: authenticates (the API key, or a console session's cookie),
 * routes, keeps S3 users' sessions to the routes marked for them, and renders every failure as
 * {"error", "message"} JSON. Only real bugs become 500.
 */
public final class ManagementApi implements HttpHandler {
  public static final String PREFIX = "/api/v1";
  private static final Logger log = LoggerFactory.getLogger(ManagementApi.class);

  private final Authentication authentication;
  private final Router router = new Router();

  public ManagementApi(
      ManagementServices services, ApiKeys apiKeys, ConsoleSessions sessions, Clock clock) {
    this.authentication =
        new Authentication(apiKeys, sessions, new UserSecrets(services.credentials()), clock);
    new OpenApiRoute().register(router);
    new SessionRoutes(authentication).register(router);
    new StatsRoutes(services.stats()).register(router);
    new CredentialRoutes(services.credentials(), services.buckets()).register(router);
    new PolicyRoutes(services.credentials().identities()).register(router);
    new GroupRoutes(services.credentials().identities()).register(router);
    new BucketRoutes(services.buckets(), services.objects(), services.credentials())
        .register(router);
    // before the object routes, whose {key+} would take a key's "/tags" too
    new TagRoutes(services.buckets(), services.tagging()).register(router);
    new ObjectRoutes(services.buckets(), services.objects(), services.copies(), services.locks())
        .register(router);
    new BucketAccessRoutes(
            services.buckets(), services.bucketAccess(), services.credentials().identities())
        .register(router);
    new AnonymousAccessRoutes(
            services.buckets(), services.bucketAccess(), services.anonymousAccess())
        .register(router);
    new DownloadRoutes(services.objects()).register(router);
    new PreviewRoutes(services.objects()).register(router);
    new ZipDownloadRoutes(services.buckets(), services.objects()).register(router);
    new ObjectCopyRoutes(services.buckets(), services.objects(), services.copies())
        .register(router);
    new UploadRoutes(services.buckets(), services.multipart(), services.credentials())
        .register(router);
    new UploadPartRoutes(services.multipart()).register(router);
    new PresignedUrlRoutes(services.presignedUrls(), clock).register(router);
    new PresignedPostRoutes(services.presignedPosts()).register(router);
    new CorsRoutes(services.buckets(), services.cors()).register(router);
    new EncryptionRoutes(services.buckets(), services.encryption()).register(router);
    new LifecycleRoutes(services.buckets(), services.lifecycle()).register(router);
    new QuotaRoutes(services.buckets()).register(router);
    new KmsRoutes(services.objects().keys()).register(router);
    new LifecyclePreviewRoutes(services.lifecyclePreview()).register(router);
    new NotificationTargetRoutes(services.notificationTargets()).register(router);
    new BucketNotificationRoutes(services.buckets(), services.bucketNotifications())
        .register(router);
    new ServerRoutes(services.operations()).register(router); // admin only
    new TraceRoutes(services.operations().trace()).register(router); // admin only
  }

  /** The route table as "METHOD /path/{param}", in OpenAPI's spelling of paths. */
  public List<String> routes() {
    return router.routes().stream().map(r -> r.method() + " " + r.pattern().openApiPath()).toList();
  }

  /**
   * The route a request goes to, as "/api/v1/buckets/{bucket}" (OpenAPI's spelling), or null when
   * none does: a label for /metrics that never holds a raw path. The request is matched again here
   * rather than told by {@link #handle}, which keeps metrics out of the API's request path.
   */
  public @Nullable String routeTemplate(String method, String rawPath) {
    try {
      Router.Route route = router.match(method, rawPath).route();
      return route == null ? null : route.pattern().openApiPath();
    } catch (ApiException badPath) {
      return null;
    }
  }

  @Override
  public HttpResponse handle(HttpRequest http) {
    HttpResponse response = route(http);
    if (http.bodyTimedOut() && response.status() >= 400) {
      // The client stopped sending the body it announced; whatever the route made of that.
      return JsonResponses.error(
          400, "request_timeout", ErrorCode.REQUEST_TIMEOUT.defaultMessage());
    }
    return response;
  }

  private HttpResponse route(HttpRequest http) {
    try {
      Router.Match match;
      try {
        match = router.match(http.method(), http.rawPath());
      } catch (ApiException badPath) {
        authentication.authenticate(http);
        throw badPath;
      }
      Authentication.Signed signed = Authentication.Signed.ANONYMOUS;
      if (match.route() == null || match.route().requiresAuth()) {
        signed = authentication.authenticate(http);
      }
      if (match.route() == null) {
        return noRoute(http, match.allowedMethods());
      }
      if (match.route().audience() == Router.Audience.ADMIN
          && !(signed.caller() instanceof Caller.Admin)) {
        throw new ApiException(
            403,
            "access_denied",
            "Only the administrator may use "
                + http.method()
                + " "
                + match.route().pattern().openApiPath()
                + "; you are signed in as the S3 user "
                + signed.caller().displayName()
                + ".");
      }
      return match.route().handler().handle(new ApiRequest(http, match.params(), signed));
    } catch (ApiException e) {
      HttpResponse response = JsonResponses.error(e.status(), e.code(), e.getMessage());
      return e.status() == 401
          ? response.header("WWW-Authenticate", "Bearer realm=\"coffer\"")
          : response;
    } catch (InvalidJsonException e) {
      return JsonResponses.error(400, "malformed_json", e.getMessage());
    } catch (CofferException e) {
      return domainError(http, e);
    } catch (IOException e) {
      return JsonResponses.error(
          400, "incomplete_body", "The request body could not be read: " + e.getMessage());
    } catch (RuntimeException e) {
      String requestId = logFailure(http, e);
      return JsonResponses.error(500, "internal_error", internalErrorMessage(requestId));
    }
  }

  private static HttpResponse noRoute(HttpRequest http, List<String> allowed) {
    if (allowed.isEmpty()) {
      return JsonResponses.error(
          404, "not_found", "No such endpoint: " + http.method() + " " + http.rawPath());
    }
    return JsonResponses.error(
            405,
            "method_not_allowed",
            http.method() + " is not allowed here; use " + String.join(", ", allowed) + ".")
        .header("Allow", String.join(", ", allowed));
  }

  private static HttpResponse domainError(HttpRequest http, CofferException e) {
    ErrorCode code = e.code();
    int status =
        switch (code) {
          case ENTITY_TOO_LARGE -> 413;
          case ACCESS_DENIED -> 403;
          default -> code.httpStatus();
        };
    String message = e.getMessage() == null ? code.defaultMessage() : e.getMessage();
    // A refusal of what Coffer does not implement is an answer, not a failure of the server.
    if (status >= 500 && code != ErrorCode.NOT_IMPLEMENTED) {
      String requestId = logFailure(http, e);
      if (status == 500) {
        // Its own message describes the server (paths, database messages): that stays in the log.
        message = internalErrorMessage(requestId);
      }
    }
    return JsonResponses.error(status, errorName(code), message);
  }

  /** Logs a failure on the server's side under a new request ID, which the client is told. */
  private static String logFailure(HttpRequest http, Exception e) {
    String requestId = RequestIds.random();
    log.error(
        "management API request {} ({} {}) failed: {}",
        requestId,
        http.method(),
        http.rawPath(),
        e.getMessage(),
        e);
    return requestId;
  }

  private static String internalErrorMessage(String requestId) {
    return "An internal error occurred; the server log has it under request ID " + requestId + ".";
  }

  /** The catalogue entry in the API's snake_case, e.g. NO_SUCH_BUCKET → "no_such_bucket". */
  static String errorName(ErrorCode code) {
    return switch (code) {
      case BUCKET_ALREADY_OWNED_BY_YOU -> "bucket_already_exists";
      case INVALID_ARGUMENT -> "invalid_request";
      default -> code.name().toLowerCase(Locale.ROOT);
    };
  }
}
