package io.coffer.admin.api;

import io.coffer.admin.api.body.SessionBodies;
import io.coffer.admin.json.JsonResponses;
import io.coffer.admin.session.ConsoleSession;
import io.coffer.admin.session.ConsoleSessions;
import io.coffer.admin.session.UserSecrets;
import io.coffer.http.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * /api/v1/sessions: console sign-in. The secret is sent once; the answer sets the session cookie,
 * and the console keeps nothing else. Scripts keep using the API key on every request.
 */
final class SessionRoutes {
  private final Authentication authentication;

  SessionRoutes(Authentication authentication) {
    this.authentication = authentication;
  }

  void register(Router router) {
    router
        .addPublic("POST", "/api/v1/sessions", this::signIn)
        .addForUsers("GET", "/api/v1/sessions/current", this::current)
        .addForUsers("DELETE", "/api/v1/sessions/current", this::signOut);
  }

  private HttpResponse signIn(ApiRequest request) throws IOException {
    // A forged sign-in (into the forger's account) is refused like any forged change.
    CsrfCheck.require(request.http());
    SessionBodies.SignIn body = request.body(SessionBodies.SignIn.class, false);
    ConsoleSessions sessions = authentication.sessions();
    ConsoleSessions.Opened opened;
    String apiKey = body.apiKey();
    String accessKey = body.accessKeyId();
    String secret = body.secretAccessKey();
    if (apiKey != null) {
      if (accessKey != null || secret != null) {
        throw ApiException.invalid(
            "Send either api_key or access_key_id with secret_access_key, not both.");
      }
      if (!authentication.apiKeys().matches(apiKey)) {
        throw Authentication.unauthorized("The API key is not valid.");
      }
      opened = sessions.openAdmin();
    } else if (accessKey != null && secret != null) {
      Instant now = authentication.clock().instant();
      opened =
          switch (authentication.userSecrets().signIn(accessKey, secret, now)) {
            case UserSecrets.Accepted accepted ->
                sessions.openUser(accessKey, secret, accepted.credential().userName());
            case UserSecrets.Refused refused ->
                throw Authentication.unauthorized(refused.message());
          };
    } else {
      throw ApiException.invalid(
          "Send api_key (the administrator) or access_key_id and secret_access_key (an S3 user).");
    }
    String previous = SessionCookie.read(request.http().headers());
    if (previous != null) {
      // signing in again replaces the session this browser had
      sessions.revoke(previous);
    }
    boolean secure = request.http().secure();
    ConsoleSession session = opened.session();
    return JsonResponses.json(201, view(session, idleExpiry(session)))
        .header("Set-Cookie", SessionCookie.set(opened.token(), secure))
        .header("Cache-Control", "no-store");
  }

  private Instant idleExpiry(ConsoleSession session) {
    Instant idle = session.createdAt().plus(authentication.sessions().settings().idleTimeout());
    return idle.isBefore(session.expiresAt()) ? idle : session.expiresAt();
  }

  private HttpResponse current(ApiRequest request) {
    Authentication.Signed signed = request.signed();
    ConsoleSession session = requireSession(signed.session());
    return JsonResponses.json(200, view(session, signed.idleExpiresAt()))
        .header("Cache-Control", "no-store");
  }

  private HttpResponse signOut(ApiRequest request) {
    Authentication.Signed signed = request.signed();
    requireSession(signed.session());
    String token = signed.token();
    if (token != null) {
      authentication.sessions().revoke(token);
    }
    return JsonResponses.done().header("Set-Cookie", SessionCookie.clear(request.http().secure()));
  }

  private static ConsoleSession requireSession(@Nullable ConsoleSession session) {
    if (session == null) {
      throw new ApiException(
          404,
          "no_session",
          "This request is signed with the API key, not with a console session.");
    }
    return session;
  }

  private static SessionBodies.Current view(ConsoleSession session, @Nullable Instant idle) {
    return new SessionBodies.Current(
        session.kind().apiName(),
        session.accessKey(),
        session.displayName(),
        Formats.time(session.createdAt()),
        Formats.time(session.expiresAt()),
        Formats.time(idle));
  }
}
