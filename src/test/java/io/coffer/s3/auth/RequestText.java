package io.coffer.s3.auth;

import static io.coffer.fuzz.FuzzInputs.lines;

import io.coffer.http.Headers;
import io.coffer.s3.request.RequestUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request written as text for the verifier's fuzz tests: {@code METHOD request-target} on the
 * first line, then one {@code name: value} header per line. Readable, so that seed files can be
 * written and reviewed by hand. The query is parsed as the S3 port parses it (InvalidURI when it
 * cannot be decoded).
 */
final class RequestText {
  private RequestText() {}

  static SignedRequest parse(String text) {
    List<String> lines = lines(text);
    String requestLine = lines.get(0);
    int space = requestLine.indexOf(' ');
    String method = space < 0 ? requestLine : requestLine.substring(0, space);
    String target = space < 0 ? "/" : requestLine.substring(space + 1);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(line.substring(0, colon), n -> new ArrayList<>())
            .add(line.substring(colon + 1).stripLeading());
      }
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);
    return new SignedRequest(
        method, rawPath, RequestUri.parseQuery(rawQuery), Headers.of(headers), null);
  }
}
