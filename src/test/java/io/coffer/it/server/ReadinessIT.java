package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.config.HostPort;
import io.coffer.config.ServerConfig;
import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.CofferTestServer;
import io.coffer.server.CofferServer;
import io.coffer.server.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness before the console port listens: ready means every port serves. */
class ReadinessIT {
  Path dataDir;

  @BeforeEach
  void createDataDir() throws Exception {
    dataDir = Files.createTempDirectory("coffer-ready-");
  }

  @AfterEach
  void deleteDataDir() throws Exception {
    CofferTestServer.deleteRecursively(dataDir);
  }

  /**
   * Probes {@code /coffer/health/ready} on the S3 port from the moment a process starts; each time
   * it answers 200, the console port must serve at that moment too.
   */
  @Test
  void readinessBeforeTheConsolePortListens() throws Exception {
    int s3Port = freePort();
    int consolePort = freePort();
    AtomicReference<String> violation = new AtomicReference<>();
    AtomicInteger readyAnswers = new AtomicInteger();
    Thread prober =
        Thread.ofPlatform()
            .start(
                () -> {
                  long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                  while (readyAnswers.get() < 20
                      && violation.get() == null
                      && System.nanoTime() < deadline) {
                    int status = get(s3Port, "/coffer/health/ready");
                    if (status == 200) {
                      readyAnswers.incrementAndGet();
                      int console = get(consolePort, "/api/v1/openapi.json");
                      if (console != 200) {
                        violation.set(
                            "ready answered 200 while the console port answered " + console);
                      }
                    }
                  }
                });
    try (CofferProcess server =
        CofferProcess.run(
            CofferProcess.FAST_START,
            Map.of(),
            "server",
            "--data",
            dataDir.toString(),
            "--address",
            "127.0.0.1:" + s3Port,
            "--console-address",
            "127.0.0.1:" + consolePort)) {
      prober.join(Duration.ofSeconds(100));
      assertThat(violation.get()).isNull();
      assertThat(readyAnswers.get())
          .as("ready answers seen; server output:\n" + server.stdout() + server.stderr())
          .isEqualTo(20);
    }
  }

  /**
   * When the console port cannot be bound the server does not start, and the S3 port is not left
   * behind answering "ready" (it was, serving, when it was bound and started before the console).
   */
  @Test
  void aConsolePortInUseLeavesNoReadyS3Port() throws Exception {
    int s3Port = freePort();
    try (ServerSocket console = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      ServerConfig config =
          ServerConfig.forTests(dataDir)
              .withAddresses(
                  new HostPort("127.0.0.1", s3Port),
                  new HostPort("127.0.0.1", console.getLocalPort()));
      assertThatThrownBy(() -> CofferServer.start(config).close())
          .isInstanceOf(StartupException.class)
          .hasMessage(
              "Cannot listen on 127.0.0.1:"
                  + console.getLocalPort()
                  + " for the console: address already in use.");
    }
    assertThat(get(s3Port, "/coffer/health/ready"))
        .as("the S3 port after a failed start")
        .isEqualTo(-1);
    // Everything was let go: the same data directory and ports start now.
    try (CofferServer server = CofferServer.start(ServerConfig.forTests(dataDir))) {
      assertThat(get(server.s3Port(), "/coffer/health/ready")).isEqualTo(200);
    }
  }

  /** The status of a GET, or -1 when the port refuses the connection or does not answer. */
  static int get(int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String answer = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    } catch (ConnectException refused) {
      try {
        Thread.sleep(2); // not listening yet: leave the starting server the CPU
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
