package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  /**
   * A server that says {@code Connection: close} and only closes a moment later, as nginx does
   * after its keep-alive request limit: a client that sent its next request on that connection
   * would see it closed unanswered.
   */
  @Test
  void aResponseWithConnectionCloseMakesTheNextRequestUseANewConnection() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!server.isClosed()) {
                      try {
                        Socket socket = server.accept();
                        accepted.incrementAndGet();
                        Thread.ofVirtual().start(() -> answerOnceThenLinger(socket));
                      } catch (IOException closed) {
                        return;
                      }
                    }
                  });
      Endpoint endpoint =
          Endpoint.parse("http://127.0.0.1:" + server.getLocalPort(), "a", "b", "us-east-1");
      try (Connections connections = new Connections(endpoint, 1, null)) {
        Connection connection = connections.open();
        for (int i = 0; i < 3; i++) {
          Response response =
              connection
                  .send(
                      new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/x"), true)
                  .get(10, TimeUnit.SECONDS);
          assertThat(response.status()).isEqualTo(200);
        }
      }
      assertThat(accepted).hasValue(3);
      server.close();
      serving.join();
    }
  }

  private static void answerOnceThenLinger(Socket socket) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        // the request's head; it has no body
      }
      OutputStream out = socket.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300);
    } catch (IOException | InterruptedException e) {
      // the client went away first: nothing to answer
    }
  }
}
