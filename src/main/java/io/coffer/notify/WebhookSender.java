package io.coffer.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * POSTs each event document to a webhook with the JDK's HTTP client. Delivered means a 2xx answer;
 * anything else (a redirect included: a target that moved is a configuration to fix, not a place to
 * send events to unasked) is a failure the worker retries.
 */
final class WebhookSender implements EventSender {
  static final String SIGNATURE_HEADER = "X-Coffer-Signature";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final WebhookConfig config;
  private @Nullable HttpClient client;

  WebhookSender(WebhookConfig config) {
    this.config = config;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.endpoint())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
    if (config.authToken() != null) {
      request.header("Authorization", "Bearer " + config.authToken());
    }
    if (config.hmacSecret() != null) {
      request.header(
          SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(config.hmacSecret(), message.body()));
    }
    HttpResponse<Void> response;
    try {
      response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw Failures.retryable("webhook", e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IOException("webhook: answered HTTP " + status);
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      c =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      client = c;
    }
    return c;
  }

  /** The lowercase hex HMAC-SHA256 of the body with the secret (UTF-8) as key. */
  static String hmacSha256Hex(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public void close() {
    HttpClient c = client;
    client = null;
    if (c != null) {
      c.shutdownNow();
    }
  }
}
