package io.coffer.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code target/coffer.jar}, built before the integration tests run) run as a
 * separate process with the test's own JDK, its output collected line by line.
 */
public final class CofferProcess implements AutoCloseable {
  /** What a JVM ended by SIGTERM exits with (128 + 15) once its shutdown hooks are done. */
  public static final int SIGTERM_EXIT = 143;

  /** The C1 compiler alone starts a short-lived JVM faster on a busy machine. */
  public static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1");

  public static final Path JAR = Path.of("target", "coffer.jar");
  private static final Pattern S3_ENDPOINT = Pattern.compile("S3 API:\\s+(https?://\\S+)");
  private static final Pattern CONSOLE_ENDPOINT =
      Pattern.compile("Console:\\s+(https?://[^/\\s]+)");

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private CofferProcess(Process process) {
    this.process = process;
    this.stdoutReader =
        Thread.ofPlatform().daemon().start(() -> collect(process.getInputStream(), true));
    this.stderrReader =
        Thread.ofPlatform().daemon().start(() -> collect(process.getErrorStream(), false));
  }

  /**
   * Runs {@code java [jvmOptions] -jar coffer.jar args...} with only {@code env} of Coffer's (and
   * MinIO's) variables.
   */
  public static CofferProcess run(List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the tests with mvn verify");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("COFFER_") || name.startsWith("MINIO_"));
    builder.environment().putAll(env);
    return new CofferProcess(builder.start());
  }

  /**
   * Runs another command that starts Coffer, e.g. the distribution archive's {@code bin/coffer}.
   */
  public static CofferProcess start(ProcessBuilder builder) throws IOException {
    return new CofferProcess(builder.start());
  }

  /**
   * {@code coffer server} on loopback ports the OS picks, waiting until it has printed its
   * endpoints.
   */
  public static CofferProcess server(Path dataDir, List<String> jvmOptions, Map<String, String> env)
      throws Exception {
    CofferProcess process =
        run(
            jvmOptions,
            env,
            "server",
            "--data",
            dataDir.toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0");
    process.awaitLine(CONSOLE_ENDPOINT, Duration.ofSeconds(60));
    return process;
  }

  public URI s3Uri() throws InterruptedException {
    return URI.create(awaitLine(S3_ENDPOINT, Duration.ofSeconds(1)).group(1));
  }

  public URI consoleUri() throws InterruptedException {
    return URI.create(awaitLine(CONSOLE_ENDPOINT, Duration.ofSeconds(1)).group(1));
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitExit();
  }

  /** Waits for a line of standard output matching {@code pattern}. */
  public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stdout) {
      int seen = 0;
      while (true) {
        for (; seen < stdout.size(); seen++) {
          Matcher matcher = pattern.matcher(stdout.get(seen));
          if (matcher.find()) {
            return matcher;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !stdoutReader.isAlive())) {
          throw new AssertionError(
              "no line matching " + pattern + " in:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        stdout.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Sends SIGTERM and waits for the exit status. */
  public int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  public int awaitExit() throws InterruptedException {
    return awaitExit(Duration.ofSeconds(60));
  }

  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the process did not exit within "
              + timeout.toSeconds()
              + " s; its output:\n"
              + stdout()
              + "\nstderr:\n"
              + stderr());
    }
    stdoutReader.join(5_000);
    stderrReader.join(5_000);
    return process.exitValue();
  }

  public Process process() {
    return process;
  }

  public String stdout() {
    synchronized (stdout) {
      return String.join("\n", stdout);
    }
  }

  public String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private void collect(InputStream stream, boolean isStdout) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (isStdout) {
          synchronized (stdout) {
            stdout.add(line);
            stdout.notifyAll();
          }
        } else {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      if (isStdout) {
        synchronized (stdout) {
          stdout.notifyAll();
        }
      }
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
