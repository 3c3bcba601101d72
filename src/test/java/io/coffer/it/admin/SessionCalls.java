package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.HashMap;
import java.util.Map;

/** Console-session calls over plain HTTP: sign in as the console does, then use the cookie. */
final class SessionCalls {
  static final Map<String, String> CONSOLE = Map.of("X-Coffer-Console", "1");

  private SessionCalls() {}

  /** POST /sessions as the console sends it. */
  static Api.Reply signIn(Api api, String body) {
    return api.send("POST", "/sessions", body, CONSOLE);
  }

  static String token(Api.Reply signedIn) {
    assertThat(signedIn.status()).as(signedIn.http().body()).isEqualTo(201);
    String cookie = signedIn.header("Set-Cookie");
    return cookie.substring("coffer_session=".length(), cookie.indexOf(';'));
  }

  static String adminToken(Api api) {
    return token(signIn(api, "{\"api_key\": \"" + CofferTestServer.API_KEY + "\"}"));
  }

  static String userToken(Api api, String accessKey, String secret) {
    return token(
        signIn(
            api,
            "{\"access_key_id\": \""
                + accessKey
                + "\", \"secret_access_key\": \""
                + secret
                + "\"}"));
  }

  /** A request with the session cookie, and the console's header unless {@code forged}. */
  static Api.Reply withCookie(
      Api api, String method, String path, String body, String token, boolean forged) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Cookie", "coffer_session=" + token);
    if (!forged) {
      headers.put("X-Coffer-Console", "1");
    }
    return api.send(method, path, body, headers);
  }
}
