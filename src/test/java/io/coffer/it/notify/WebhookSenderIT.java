package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook sender against an in-test HTTP server: what it POSTs, and what counts as delivered.
 */
class WebhookSenderIT {
  record Received(
      String method,
      byte[] body,
      @Nullable String contentType,
      @Nullable String authorization,
      @Nullable String signature) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;

  @BeforeEach
  void startWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
  }

  @AfterEach
  void stopWebhook() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            body,
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("X-Coffer-Signature")));
    int code = status.get();
    if (code >= 300 && code < 400) {
      exchange.getResponseHeaders().add("Location", endpoint() + "-moved");
    }
    exchange.sendResponseHeaders(code, -1);
    exchange.close();
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private static String hmacHex(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void postsTheDocumentWithBearerTokenAndHmacSignature() throws Exception {
    EventMessage message = TestMessages.message("a b/é+.jpg", "0000000000000001");
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.WEBHOOK,
                "{\"endpoint\":\""
                    + endpoint()
                    + "\",\"auth_token\":\"tok-123\",\"hmac_secret\":\"shh\"}"))) {
      sender.send(message);
    }
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEqualTo(message.body());
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.authorization()).isEqualTo("Bearer tok-123");
    assertThat(r.signature()).isEqualTo("sha256=" + hmacHex("shh", message.body()));
  }

  @Test
  void withoutSecretsNoAuthorizationNorSignatureIsSent() throws Exception {
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(TargetType.WEBHOOK, "{\"endpoint\":\"" + endpoint() + "\"}"))) {
      sender.send(TestMessages.message("k", "01"));
      sender.send(TestMessages.message("k", "02"));
    }
    assertThat(received).hasSize(2);
    assertThat(received.get(0).authorization()).isNull();
    assertThat(received.get(0).signature()).isNull();
  }

  @Test
  void anAnswerOtherThan2xxIsAFailureToRetry() {
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(TargetType.WEBHOOK, "{\"endpoint\":\"" + endpoint() + "\"}"))) {
      for (int code : new int[] {500, 404, 302, 401}) {
        status.set(code);
        assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(String.valueOf(code));
      }
      // a redirect is not followed: the moved-to address was never asked
      assertThat(received).hasSize(4).allMatch(r -> r.method().equals("POST"));
    }
  }

  @Test
  void anUnreachableWebhookFailsAndTheSameSenderDeliversOnceItIsBack() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(TargetType.WEBHOOK, "{\"endpoint\":\"" + endpoint() + "\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.createContext("/hook", this::handle);
      server.start();
      sender.send(TestMessages.message("k", "01"));
    }
    assertThat(received).hasSize(1);
  }
}
