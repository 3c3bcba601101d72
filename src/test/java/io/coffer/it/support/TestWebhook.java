package io.coffer.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A webhook for tests: the JDK's HTTP server on a loopback port, recording each request it accepts
 * (body and headers) and answering 200. It can be stopped and started again on the same port, as a
 * target that goes down and comes back.
 */
public final class TestWebhook implements AutoCloseable {
  /** One request the webhook accepted. */
  public record Received(Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  private final int port;
  private final List<Received> received = new ArrayList<>();
  private HttpServer server;

  private TestWebhook(int port) {
    this.port = port;
  }

  /** A webhook listening on a port the OS picks. */
  public static TestWebhook start() throws IOException {
    TestWebhook hook = new TestWebhook(0);
    hook.listen(0);
    return hook;
  }

  /** A webhook that will listen on a free port, but not yet: the target starts down. */
  public static TestWebhook down() throws IOException {
    int free;
    try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    return new TestWebhook(free);
  }

  private void listen(int onPort) throws IOException {
    HttpServer s =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
    s.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
          synchronized (received) {
            received.add(new Received(headers, body));
            received.notifyAll();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    s.start();
    server = s;
  }

  /** Starts listening (again) on the webhook's port. */
  public void up() throws IOException {
    if (server == null) {
      listen(port());
    }
  }

  /** Stops listening: connections are refused until {@link #up}. */
  public void stopListening() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public int port() {
    return server != null ? server.getAddress().getPort() : port;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/events");
  }

  /** What was received so far, in arrival order. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits until {@code count} requests matching {@code which} arrived; returns those. */
  public List<Received> await(Predicate<Received> which, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (received) {
      while (true) {
        List<Received> matching = received.stream().filter(which).toList();
        long left = deadline - System.nanoTime();
        if (matching.size() >= count || left <= 0) {
          return matching;
        }
        received.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  @Override
  public void close() {
    stopListening();
  }
}
