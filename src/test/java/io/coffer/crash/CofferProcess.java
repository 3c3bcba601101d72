package io.coffer.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code coffer server} as a separate process on a given data directory, so a test can
 * kill it with SIGKILL and start it again on the same data.
 */
final class CofferProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int s3Port;
  private final int consolePort;

  private CofferProcess(Process process, int s3Port, int consolePort) {
    this.process = process;
    this.s3Port = s3Port;
    this.consolePort = consolePort;
  }

  /** Starts the jar built by {@code package} and waits until it reports ready. */
  static CofferProcess start(Path dataDir, Map<String, String> env, Path log) throws Exception {
    Path jar = Path.of("target", "coffer.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run this test in the integration-test phase");
    }
    int s3Port = freePort();
    int consolePort = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java, "-Xmx256m", "-jar", jar.toString(), "server",
                "--data", dataDir.toString(),
                "--address", "127.0.0.1:" + s3Port,
                "--console-address", "127.0.0.1:" + consolePort));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    CofferProcess started = new CofferProcess(builder.start(), s3Port, consolePort);
    started.awaitReady(Duration.ofSeconds(60));
    return started;
  }

  URI s3Uri() {
    return URI.create("http://127.0.0.1:" + s3Port);
  }

  URI consoleUri() {
    return URI.create("http://127.0.0.1:" + consolePort);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server did not die");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(s3Uri().resolve("/coffer/health/ready")).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the server was not ready within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
