package io.coffer.s3;

import io.coffer.concurrent.NonBlocking;
import io.coffer.http.Headers;
import io.coffer.http.HttpHandler;
import io.coffer.http.HttpRequest;
import io.coffer.http.HttpResponse;
import io.coffer.http.Query;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.RequestIds;
import io.coffer.s3.auth.AuthResult;
import io.coffer.s3.auth.SigV4Verifier;
import io.coffer.s3.auth.SignedRequest;
import io.coffer.s3.handler.S3Dispatcher;
import io.coffer.s3.request.FeatureHeaders;
import io.coffer.s3.request.ParsedRequest;
import io.coffer.s3.request.PathStyle;
import io.coffer.s3.request.RequestUri;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.s3.request.S3RequestParser;
import io.coffer.s3.request.SseHeaders;
import io.coffer.s3.response.S3Responses;
import io.coffer.service.Caller;
import io.coffer.service.CorsService;
import io.coffer.service.RequestContext;
import io.coffer.service.ops.CompletedRequest;
import io.coffer.service.ops.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 port: health checks, then authenticate, parse, dispatch. The one place that sets request
 * IDs, renders errors, records metrics and writes the access log.
 */
public final class S3Frontend implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(S3Frontend.class);
  private static final Logger accessLog = LoggerFactory.getLogger("coffer.access");
  private static final String HEALTH_PREFIX = "/coffer/health/";

  /** MinIO's health paths, so probes and scripts written for MinIO work unchanged. */
  private static final String MINIO_HEALTH_PREFIX = "/minio/health/";

  /** The operations tried on the event loop (see {@link #handleWithoutBlocking}). */
  private static final Set<Class<? extends S3Operation>> READS_FROM_MEMORY =
      Set.of(S3Operation.GetObject.class, S3Operation.HeadObject.class);

  private final SigV4Verifier verifier;
  private final S3Dispatcher dispatcher;
  private final Addressing addressing;
  private final S3RequestParser parser;
  private final PresignedUrlCheck presignedUrlCheck;
  private final RequestIds requestIds = new RequestIds();
  private final S3Metrics metrics;
  private final BrowserCors browserCors;
  private final boolean allowSseCOverHttp;
  private final RequestObserver observer;
  private final boolean readsFromMemory;

  /** False until the server says every port serves, and again once it starts shutting down. */
  private volatile boolean ready;

  /** Whether a presigned request is still allowed (not revoked); see the management API. */
  @FunctionalInterface
  public interface PresignedUrlCheck {
    void check(AuthResult auth, @Nullable String bucket, @Nullable String key, String method);
  }

  public S3Frontend(
      SigV4Verifier verifier,
      S3Dispatcher dispatcher,
      @Nullable String domain,
      String region,
      PresignedUrlCheck presignedUrlCheck,
      CorsService cors,
      MeterRegistry registry,
      boolean allowSseCOverHttp,
      RequestObserver observer,
      boolean readsFromMemory) {
    this.verifier = verifier;
    this.dispatcher = dispatcher;
    this.addressing = new Addressing(domain);
    this.parser = new S3RequestParser(region);
    this.presignedUrlCheck = presignedUrlCheck;
    this.metrics = new S3Metrics(registry);
    this.browserCors = new BrowserCors(cors::forBrowsers);
    this.allowSseCOverHttp = allowSseCOverHttp;
    this.observer = observer;
    this.readsFromMemory = readsFromMemory;
  }

  /** Readiness: up once every port serves, down when the server starts shutting down. */
  public void setReady(boolean ready) {
    this.ready = ready;
  }

  /**
   * A GetObject or HeadObject (or a health check) answered on the event loop when everything it
   * needs is in memory (credentials, buckets, policies, and the object in the store's cache with
   * its body inline); otherwise, as soon as something would wait, the request starts over on a
   * virtual thread. Offered only when the store caches objects, because without that every attempt
   * would start over.
   */
  @Override
  public @Nullable HttpResponse handleWithoutBlocking(HttpRequest http) {
    if (!readsFromMemory || !(http.method().equals("GET") || http.method().equals("HEAD"))) {
      return null;
    }
    HttpResponse answered =
        NonBlocking.attempt(() -> handle(http), response -> response.body().release());
    metrics.attempted(answered != null);
    return answered;
  }

  @Override
  public HttpResponse handle(HttpRequest http) {
    long started = System.nanoTime();
    String requestId = requestIds.next();
    String operation = "Unknown";
    String bucket = null;
    String resource = http.rawPath();
    String accessKeyId = null;
    HttpResponse response;
    boolean head = http.method().equals("HEAD");
    try {
      if (http.rawPath().startsWith(HEALTH_PREFIX)) {
        operation = "HealthCheck";
        response = health(http.rawPath().substring(HEALTH_PREFIX.length()), head);
      } else if (http.rawPath().startsWith(MINIO_HEALTH_PREFIX)) {
        operation = "HealthCheck";
        response = health(minioCheck(http.rawPath().substring(MINIO_HEALTH_PREFIX.length())), head);
      } else if (http.method().equals("OPTIONS")) {
        // A CORS preflight: browsers never sign one, so it is answered before authentication.
        operation = "PreflightRequest";
        PathStyle.Target target = addressing.resolve(http.headers().get("Host"), http.rawPath());
        bucket = target.bucket();
        response = browserCors.preflight(http.headers(), target.bucket(), target.key());
      } else {
        PathStyle.Target target = addressing.resolve(http.headers().get("Host"), http.rawPath());
        bucket = target.bucket();
        // Parsed once: the parser routes and the verifier checks the signature of this one value.
        Query query = RequestUri.parseQuery(http.rawQuery());
        Headers headers = http.headers();
        // What the request asks is read from its headers and, for a presigned URL, the x-amz-*
        // parameters its presigner hoisted into the query; its signature covers the headers sent.
        Headers asked = HoistedHeaders.of(headers, query);
        // Parsed before authenticating so that the access log names the operation of a refused
        // request too; a parse error still comes after authentication errors, and an invalid
        // parameter after the checks below, where the operation is about to run.
        ParsedRequest parsed = null;
        CofferException unparsable = null;
        try {
          parsed = parser.parse(http.method(), target.bucket(), target.key(), query, asked);
          operation = parsed.name();
        } catch (CofferException e) {
          unparsable = e;
        }
        if (parsed == null || !READS_FROM_MEMORY.contains(parsed.type())) {
          // only these are known to have no effect before their last possible wait
          NonBlocking.mayBlock();
        }
        AuthResult auth =
            verifier.verify(
                new SignedRequest(
                    http.method(),
                    http.rawPath(),
                    query,
                    headers,
                    addressing.hostBucket(http.headers().get("Host"))));
        var signer = auth.credential();
        if (signer != null) {
          accessKeyId = signer.accessKey();
        }
        if (unparsable != null) {
          throw unparsable;
        }
        if (auth.presigned()) {
          presignedUrlCheck.check(auth, target.bucket(), target.key(), http.method());
        }
        FeatureHeaders.check(Objects.requireNonNull(parsed).type(), asked::get);
        requireSecureSseC(http, asked);
        S3Operation op = parsed.orThrow();
        RequestContext context = RequestContexts.of(http, query, asked, auth, requestId);
        Caller caller =
            auth.credential() == null
                ? new Caller.Anonymous(context)
                : new Caller.User(auth.credential(), context);
        S3Request request = new S3Request(http, auth, caller, requestId);
        response = dispatcher.dispatch(op, request);
      }
    } catch (NonBlocking.WouldBlock e) {
      throw e; // not a failure: the request starts over where it may wait
    } catch (CofferException e) {
      if (e.code().httpStatus() >= 500
          && e.code() != ErrorCode.NOT_IMPLEMENTED
          && !NonBlocking.refused()) {
        logServerFailure(requestId, http.method(), operation, e);
      }
      response =
          S3Responses.error(http.bodyTimedOut() ? bodyTimeout() : e, resource, requestId, head);
    } catch (RuntimeException e) {
      if (!NonBlocking.refused()) {
        log.error("request {} ({} {}) failed", requestId, http.method(), operation, e);
      }
      CofferException answer =
          http.bodyTimedOut() ? bodyTimeout() : new CofferException(ErrorCode.INTERNAL_ERROR);
      response = S3Responses.error(answer, resource, requestId, head);
    }
    if (bucket != null && !http.method().equals("OPTIONS")) {
      addCorsHeaders(http, bucket, response, requestId);
    }
    if (NonBlocking.refused()) {
      return response; // discarded: the request starts over, and is counted then
    }
    response.header("x-amz-request-id", requestId).header("Server", "Coffer");
    long nanos = System.nanoTime() - started;
    long sent = response.isHeadOnly() ? 0 : Math.max(0, response.body().length());
    metrics.record(operation, response.status(), nanos, http.bytesReceived(), sent);
    observer.completed(
        new CompletedRequest(
            System.currentTimeMillis(),
            http.method(),
            http.rawPath(),
            http.rawQuery(),
            operation,
            bucket,
            response.status(),
            nanos,
            http.bytesReceived(),
            sent,
            http.remoteAddress(),
            accessKeyId));
    if (accessLog.isInfoEnabled()) {
      accessLog.info(
          "{} {} bucket={} status={} in={} out={} ms={} id={}",
          http.remoteAddress(),
          operation,
          bucket == null ? "-" : bucket,
          response.status(),
          http.bytesReceived(),
          sent,
          nanos / 1_000_000,
          requestId);
    }
    return response;
  }

  /**
   * The CORS headers of an actual request from a browser, errors included. Best effort: a failure
   * to look the rules up leaves the response as it is (the browser then refuses to show it), never
   * turns it into another.
   */
  private void addCorsHeaders(
      HttpRequest http, String bucket, HttpResponse response, String requestId) {
    try {
      browserCors.decorate(http.headers(), http.method(), bucket, response);
    } catch (NonBlocking.WouldBlock e) {
      throw e; // the rules are not in memory: the request starts over where it may wait
    } catch (RuntimeException e) {
      log.warn("request {}: no CORS headers, the bucket's rules could not be read", requestId, e);
    }
  }

  /**
   * As AWS, a request that sends an SSE-C key over plain HTTP is refused (the key crossed the
   * network in the clear; the client should stop using it), unless the server was told that a
   * TLS-terminating proxy or a test rig stands in front (--allow-sse-c-over-http).
   */
  private void requireSecureSseC(HttpRequest http, Headers asked) {
    if (!http.secure() && !allowSseCOverHttp && SseHeaders.sendsCustomerKey(asked)) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "Requests specifying Server Side Encryption with Customer provided keys must be made"
              + " over a secure connection.");
    }
  }

  /**
   * The client stopped sending the body it announced: whatever the handler made of the failed read
   * (IncompleteBody, a broken XML document), the answer is AWS's RequestTimeout.
   */
  private static CofferException bodyTimeout() {
    return new CofferException(ErrorCode.REQUEST_TIMEOUT);
  }

  /**
   * A failure on the server's side: the client is told only the error code and the request ID, the
   * log (at the default level) has the cause.
   */
  private static void logServerFailure(
      String requestId, String method, String operation, CofferException e) {
    if (e.code() == ErrorCode.INTERNAL_ERROR) {
      log.error("request {} ({} {}) failed: {}", requestId, method, operation, e.getMessage(), e);
    } else {
      log.warn(
          "request {} ({} {}) answered {}: {}",
          requestId,
          method,
          operation,
          e.code().s3Code(),
          e.getMessage(),
          e);
    }
  }

  private HttpResponse health(String check, boolean head) {
    HttpResponse response = health(check);
    return head ? response.headOnly() : response;
  }

  private HttpResponse health(String check) {
    return switch (check) {
      case "live" ->
          new HttpResponse(200).body("OK\n".getBytes(StandardCharsets.US_ASCII), "text/plain");
      case "ready" ->
          ready
              ? new HttpResponse(200).body("OK\n".getBytes(StandardCharsets.US_ASCII), "text/plain")
              : new HttpResponse(503)
                  .body("not ready\n".getBytes(StandardCharsets.US_ASCII), "text/plain");
      default -> throw new CofferException(ErrorCode.NO_SUCH_KEY);
    };
  }

  /**
   * MinIO's checks as Coffer's: one node is its own cluster, so "cluster" (write quorum) and
   * "cluster/read" (read quorum) are readiness.
   */
  private static String minioCheck(String path) {
    return switch (path) {
      case "live" -> "live";
      case "ready", "cluster", "cluster/read" -> "ready";
      default -> path; // neither "live" nor "ready": an unknown check
    };
  }

  /** The answer to a request the HTTP decoder rejected (malformed line, oversize headers). */
  public HttpResponse malformed(int status) {
    ErrorCode code =
        switch (status) {
          case 431 -> ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE;
          case 414 -> ErrorCode.KEY_TOO_LONG;
          default -> ErrorCode.INVALID_REQUEST;
        };
    HttpResponse rendered =
        S3Responses.error(new CofferException(code), null, requestIds.next(), false);
    HttpResponse response = new HttpResponse(status);
    rendered.headers().forEach(h -> response.header(h[0], h[1]));
    return response.body(rendered.body());
  }
}
