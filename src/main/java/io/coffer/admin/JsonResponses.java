package io.coffer.admin;

import io.coffer.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** JSON error bodies of the management API: {"error": code, "message": sentence}. */
final class JsonResponses {
  private JsonResponses() {}

  static HttpResponse error(int status, String code, String message) {
    String body = "{\"error\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}";
    return new HttpResponse(status).body(body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
