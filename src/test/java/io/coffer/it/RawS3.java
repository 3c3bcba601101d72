package io.coffer.it;

import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Signed requests the SDK will not send (invalid names, odd encodings), over plain HTTP. */
final class RawS3 {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RawS3() {}

  static HttpResponse<String> send(URI endpoint, String method, String rawPath, byte[] body) throws Exception {
    String host = endpoint.getHost() + ":" + endpoint.getPort();
    String payloadHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    SigV4Signer.HeaderSignature signature =
        SigV4Signer.sign(
            method, host, rawPath, Map.of(), Map.of(), payloadHash,
            CofferTestServer.ACCESS_KEY, CofferTestServer.SECRET_KEY, "us-east-1", Instant.now());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(rawPath))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    signature.headersToAdd().forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
