package io.coffer.admin.api;

import io.coffer.admin.session.ConsoleSession;
import io.coffer.admin.session.ConsoleSessions;
import io.coffer.admin.session.UserSecrets;
import io.coffer.http.HttpRequest;
import io.coffer.service.ApiKeys;
import io.coffer.service.Caller;
import io.coffer.service.RequestContext;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who a management API request comes from: the API key (X-API-Key or Authorization: Bearer, for
 * scripts; compared in constant time by {@link ApiKeys}) or the console's session cookie. A request
 * that sends a key is judged by the key alone, never by a cookie beside it.
 */
final class Authentication {
  private static final String BEARER = "bearer ";

  private final ApiKeys apiKeys;
  private final ConsoleSessions sessions;
  private final UserSecrets userSecrets;
  private final Clock clock;

  /**
   * A signed-in request (or, on a public route, an anonymous one).
   *
   * @param session the console session it came with; null for the API key and for anonymous
   * @param token that session's token, to revoke it on sign-out; null without a session
   * @param idleExpiresAt when the session ends if unused from now on; null without a session
   */
  record Signed(
      Caller caller,
      @Nullable ConsoleSession session,
      @Nullable String token,
      @Nullable Instant idleExpiresAt) {
    static final Signed ANONYMOUS =
        new Signed(new Caller.Anonymous(RequestContext.NONE), null, null, null);

    static final Signed API_KEY = new Signed(Caller.ADMIN, null, null, null);
  }

  Authentication(ApiKeys apiKeys, ConsoleSessions sessions, UserSecrets userSecrets, Clock clock) {
    this.apiKeys = apiKeys;
    this.sessions = sessions;
    this.userSecrets = userSecrets;
    this.clock = clock;
  }

  ApiKeys apiKeys() {
    return apiKeys;
  }

  ConsoleSessions sessions() {
    return sessions;
  }

  UserSecrets userSecrets() {
    return userSecrets;
  }

  Clock clock() {
    return clock;
  }

  /** The caller of {@code http}, or 401 (403 for a forged change: see {@link CsrfCheck}). */
  Signed authenticate(HttpRequest http) {
    String key = apiKey(http);
    if (key != null) {
      if (key.isEmpty()) {
        throw unauthorized(
            "An API key is required: send it in X-API-Key or as Authorization: Bearer.");
      }
      if (!apiKeys.matches(key)) {
        throw unauthorized("The API key is not valid.");
      }
      return Signed.API_KEY;
    }
    String token = SessionCookie.read(http.headers());
    if (token == null) {
      throw unauthorized(
          "An API key is required: send it in X-API-Key or as Authorization: Bearer (the console"
              + " signs in at POST /api/v1/sessions).");
    }
    if (CsrfCheck.unsafe(http.method())) {
      // before the session is used: a forged request must not even keep it alive
      CsrfCheck.require(http);
    }
    ConsoleSessions.Live live =
        switch (sessions.use(token)) {
          case ConsoleSessions.Live found -> found;
          case ConsoleSessions.Ended ended -> throw unauthorized(ended.reason());
        };
    ConsoleSession session = live.session();
    Caller caller =
        switch (session.kind()) {
          case ADMIN -> Caller.ADMIN;
          case USER -> user(http, session, token);
        };
    return new Signed(caller, session, token, live.idleExpiresAt());
  }

  private Caller user(HttpRequest http, ConsoleSession session, String token) {
    return switch (userSecrets.current(session, clock.instant())) {
      case UserSecrets.Accepted accepted -> new Caller.User(accepted.credential(), context(http));
      case UserSecrets.Refused refused -> {
        sessions.revoke(token);
        throw unauthorized("Your session ended: " + refused.message());
      }
    };
  }

  /** What a policy's conditions can know of a console request: its address and transport. */
  private static RequestContext context(HttpRequest http) {
    String protocol = http.tlsProtocol();
    String tlsVersion =
        protocol == null
            ? null
            : protocol.startsWith("TLSv") ? protocol.substring("TLSv".length()) : protocol;
    return new RequestContext(http.remoteAddress(), false, null, null, name -> null, name -> null)
        .withTlsVersion(tlsVersion);
  }

  private static @Nullable String apiKey(HttpRequest http) {
    String key = http.headers().get("X-API-Key");
    if (key != null) {
      return key;
    }
    String authorization = http.headers().get("Authorization");
    if (authorization == null) {
      return null;
    }
    if (authorization.length() > BEARER.length()
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    // Present but not a bearer token: refused as a key, never passed over for a cookie.
    return "";
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }
}
