package io.coffer.s3;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.s3.auth.SigV4Verifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A presigned request's headers as the parser reads them: the x-amz-* query parameters stand for
 * headers its presigner hoisted into the URL (SigV2 presigned URLs, boto3's default, and the AWS
 * SDK for JavaScript v3 do; an {@code x-amz-acl=public-read} there asks for a public object), and
 * AWS honours them. A header the request really sends wins.
 */
final class HoistedHeaders implements Headers {
  /** The parameters that sign the URL: never headers. */
  private static final Set<String> SIGNING =
      Set.of(
          "x-amz-algorithm",
          "x-amz-credential",
          "x-amz-date",
          "x-amz-expires",
          "x-amz-signedheaders",
          "x-amz-signature");

  private final Headers headers;
  private final Map<String, String> query;

  private HoistedHeaders(Headers headers, Map<String, String> query) {
    this.headers = headers;
    this.query = query;
  }

  /** The headers, with the query's x-amz-* parameters when the request is presigned. */
  static Headers of(Headers headers, Query query) {
    return SigV4Verifier.isPresigned(query) ? new HoistedHeaders(headers, query.all()) : headers;
  }

  @Override
  public List<String> getAll(String name) {
    List<String> sent = headers.getAll(name);
    String lower = name.toLowerCase(Locale.ROOT);
    if (!sent.isEmpty() || !lower.startsWith("x-amz-") || SIGNING.contains(lower)) {
      return sent;
    }
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      if (parameter.getKey().equalsIgnoreCase(name)) {
        return List.of(parameter.getValue());
      }
    }
    return List.of();
  }

  @Override
  public Iterable<Map.Entry<String, String>> entries() {
    return headers.entries();
  }
}
