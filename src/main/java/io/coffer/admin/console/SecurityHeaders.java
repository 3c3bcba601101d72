package io.coffer.admin.console;

import io.coffer.http.HttpResponse;

/** The headers every console response carries, so that no page of it can be framed or injected. */
final class SecurityHeaders {
  /**
   * Scripts, styles and connections only from the console's own origin: no inline script or style,
   * no CDN, and {@code frame-ancestors} to refuse framing in browsers that honour CSP.
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self'",
          // object previews (the API's /preview, itself served sandboxed): audio, video, PDF
          "media-src 'self'",
          "frame-src 'self'",
          "connect-src 'self'",
          "font-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'");

  private SecurityHeaders() {}

  static HttpResponse apply(HttpResponse response) {
    return response
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("Cross-Origin-Opener-Policy", "same-origin")
        .header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }
}
