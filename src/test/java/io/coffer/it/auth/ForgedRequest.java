package io.coffer.it.auth;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.s3.auth.ScopedSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A header-signed request with a valid signature over what it chooses to sign, for what {@link
 * RawS3} cannot forge: another region or service in the scope, {@code host}, {@code x-amz-date} or
 * {@code x-amz-content-sha256} left out of the signed headers (or the request), or a method, path
 * or query sent other than the one signed.
 */
final class ForgedRequest {
  private final URI endpoint;
  private final String method;
  private final String rawPath;
  private String rawQuery = "";
  private String region = "us-east-1";
  private String service = "s3";
  private String unsigned;
  private String omitted;
  private String sentMethod;
  private String sentTarget;

  private ForgedRequest(URI endpoint, String method, String rawPath) {
    this.endpoint = endpoint;
    this.method = method;
    this.rawPath = rawPath;
  }

  static ForgedRequest of(URI endpoint, String method, String rawPath) {
    return new ForgedRequest(endpoint, method, rawPath);
  }

  ForgedRequest query(String rawQuery) {
    this.rawQuery = rawQuery;
    return this;
  }

  /** Signs for this region and service instead of the server's. */
  ForgedRequest scope(String region, String service) {
    this.region = region;
    this.service = service;
    return this;
  }

  /** Sends this header (host, x-amz-date or x-amz-content-sha256) without signing it. */
  ForgedRequest leaveUnsigned(String header) {
    this.unsigned = header;
    return this;
  }

  /** Neither signs nor sends this header. */
  ForgedRequest leaveOut(String header) {
    this.unsigned = header;
    this.omitted = header;
    return this;
  }

  /** Sends another method and path-with-query than the ones signed. */
  ForgedRequest sendInstead(String method, String rawTarget) {
    this.sentMethod = method;
    this.sentTarget = rawTarget;
    return this;
  }

  HttpResponse<String> send(byte[] body) throws Exception {
    String amzDate = ScopedSigner.amzDate(Instant.now());
    String payloadHash = RawS3.sha256Hex(body);
    Map<String, String> sent = new TreeMap<>();
    sent.put("host", endpoint.getHost() + ":" + endpoint.getPort());
    sent.put("x-amz-date", amzDate);
    sent.put("x-amz-content-sha256", payloadHash);
    Map<String, String> signed = new LinkedHashMap<>(sent);
    signed.remove(unsigned);
    String authorization =
        ScopedSigner.authorization(
            method,
            rawPath,
            rawQuery,
            signed,
            payloadHash,
            CofferTestServer.ACCESS_KEY,
            CofferTestServer.SECRET_KEY,
            region,
            service,
            amzDate);
    String target =
        sentTarget != null ? sentTarget : rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(target))
            .method(
                sentMethod != null ? sentMethod : method,
                HttpRequest.BodyPublishers.ofByteArray(body))
            .header(
                "Authorization", authorization); // java.net.http sends Host from the URI, as signed
    sent.remove("host");
    if (omitted != null) {
      sent.remove(omitted);
    }
    sent.forEach(request::header);
    return RawS3.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
