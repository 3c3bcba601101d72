package io.coffer.it.auth;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hand-written Signature Version 2 client, as the AWS SDK for Java v1 and boto2 sign ({@code
 * Authorization: AWS key:signature}), written from AWS's documentation independently of Coffer's
 * verifier, so that the two check each other.
 */
final class SigV2Signing {
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final URI endpoint;
  private final String method;
  private final String rawPathAndQuery;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String accessKey = CofferTestServer.ACCESS_KEY;
  private String secretKey = CofferTestServer.SECRET_KEY;
  private Instant time = Instant.now();
  private String resource;
  private boolean amzDate;

  private SigV2Signing(URI endpoint, String method, String rawPathAndQuery) {
    this.endpoint = endpoint;
    this.method = method;
    this.rawPathAndQuery = rawPathAndQuery;
  }

  /**
   * A request for {@code rawPathAndQuery}; its canonical resource is the path plus its
   * sub-resources.
   */
  static SigV2Signing request(URI endpoint, String method, String rawPathAndQuery) {
    return new SigV2Signing(endpoint, method, rawPathAndQuery);
  }

  SigV2Signing header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  SigV2Signing as(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    return this;
  }

  SigV2Signing at(Instant time) {
    this.time = time;
    return this;
  }

  /** Dates the request with x-amz-date (an empty Date line), as s3cmd does, instead of Date. */
  SigV2Signing withAmzDate() {
    this.amzDate = true;
    return this;
  }

  /** Signs this resource instead of the one derived from the request (to forge a request). */
  SigV2Signing signResource(String resource) {
    this.resource = resource;
    return this;
  }

  /** The headers to send: those given, the date, and Authorization. */
  Map<String, String> signedHeaders() {
    Map<String, String> out = new LinkedHashMap<>(headers);
    String date = HTTP_DATE.format(time);
    out.put(amzDate ? "x-amz-date" : "Date", date);
    StringBuilder toSign = new StringBuilder();
    toSign.append(method).append('\n');
    toSign.append(find(out, "content-md5")).append('\n');
    toSign.append(find(out, "content-type")).append('\n');
    toSign.append(amzDate ? "" : date).append('\n');
    Map<String, String> amz = new TreeMap<>();
    out.forEach(
        (name, value) -> {
          if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-")) {
            amz.put(name.toLowerCase(Locale.ROOT), value.trim());
          }
        });
    amz.forEach((name, value) -> toSign.append(name).append(':').append(value).append('\n'));
    toSign.append(resource != null ? resource : defaultResource());
    out.put("Authorization", "AWS " + accessKey + ":" + hmacSha1(toSign.toString()));
    return out;
  }

  HttpResponse<String> send(byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(rawPathAndQuery))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    signedHeaders().forEach(request::header);
    return RawS3.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The path as sent plus {@code uploads}, {@code uploadId}, {@code partNumber}, {@code acl}... */
  private String defaultResource() {
    int q = rawPathAndQuery.indexOf('?');
    if (q < 0) {
      return rawPathAndQuery;
    }
    Map<String, String> subResources = new TreeMap<>();
    for (String parameter : rawPathAndQuery.substring(q + 1).split("&")) {
      String name =
          parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
      String value = parameter.contains("=") ? parameter.substring(parameter.indexOf('=') + 1) : "";
      if (java.util.Set.of(
              "acl",
              "location",
              "uploads",
              "uploadId",
              "partNumber",
              "versionId",
              "versioning",
              "delete",
              "tagging")
          .contains(name)) {
        subResources.put(name, java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    StringBuilder out = new StringBuilder(rawPathAndQuery.substring(0, q));
    char separator = '?';
    for (Map.Entry<String, String> e : subResources.entrySet()) {
      out.append(separator).append(e.getKey());
      if (!e.getValue().isEmpty()) {
        out.append('=').append(e.getValue());
      }
      separator = '&';
    }
    return out.toString();
  }

  private static String find(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().trim();
      }
    }
    return "";
  }

  private String hmacSha1(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
