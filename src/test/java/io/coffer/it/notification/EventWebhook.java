package io.coffer.it.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-test webhook on 127.0.0.1 (port 0) that keeps every document Coffer POSTs to it, and the
 * webhook target pointing at it, created through the management API.
 */
final class EventWebhook implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<JsonNode> documents = new CopyOnWriteArrayList<>();

  EventWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::receive);
    server.start();
  }

  private void receive(HttpExchange exchange) throws IOException {
    documents.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /**
   * Creates a webhook target delivering here, through the management API.
   *
   * @return its ARN
   */
  String createTarget(CofferTestServer coffer, String id) {
    Api.Reply created =
        new Api(coffer)
            .send(
                "POST",
                "/notification-targets",
                "{\"id\": \""
                    + id
                    + "\", \"type\": \"webhook\", \"config\": {\"endpoint\": \""
                    + endpoint()
                    + "\"}}");
    assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    return created.json().path("arn").asString();
  }

  /** Every record received so far (the Records[] of every document, in arrival order). */
  List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode document : documents) {
      document.path("Records").forEach(records::add);
    }
    return records;
  }

  /** Every document received so far: records and test events. */
  List<JsonNode> documents() {
    return List.copyOf(documents);
  }

  /** The first record that passes {@code match}, waiting up to 20 s for it. */
  JsonNode awaitRecord(String what, Predicate<JsonNode> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      for (JsonNode record : records()) {
        if (match.test(record)) {
          return record;
        }
      }
      assertThat(System.nanoTime())
          .as("waiting for " + what + "; got " + records())
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** The first document that passes {@code match}, waiting up to 20 s for it. */
  JsonNode awaitDocument(String what, Predicate<JsonNode> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      for (JsonNode document : documents()) {
        if (match.test(document)) {
          return document;
        }
      }
      assertThat(System.nanoTime())
          .as("waiting for " + what + "; got " + documents())
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** A predicate on a record's event name and (URL-encoded) key, as in AWS's records. */
  static Predicate<JsonNode> event(String eventName, String bucket, String encodedKey) {
    return r ->
        r.path("eventName").asString().equals(eventName)
            && r.path("s3").path("bucket").path("name").asString().equals(bucket)
            && r.path("s3").path("object").path("key").asString().equals(encodedKey);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
