package io.coffer.admin.api;

import io.coffer.http.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The console session's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Secure over TLS, for the whole console port (plain GETs of downloads carry it).
 * No Max-Age: the browser forgets it when it closes; the server's expiries bound it anyway.
 */
final class SessionCookie {
  static final String NAME = "coffer_session";

  private SessionCookie() {}

  static String set(String token, boolean secure) {
    return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  static String clear(boolean secure) {
    return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  /** The session token of the request's Cookie headers, or null. */
  static @Nullable String read(Headers headers) {
    for (String header : headers.getAll("Cookie")) {
      for (String pair : header.split(";")) {
        String trimmed = pair.trim();
        if (trimmed.startsWith(NAME + "=")) {
          String value = trimmed.substring(NAME.length() + 1);
          return value.isEmpty() ? null : value;
        }
      }
    }
    return null;
  }
}
