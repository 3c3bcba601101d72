package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Every option of {@code coffer server} is checked before anything starts: a value the server
 * cannot use is a usage error (status 2) in one line naming the option, and nothing is created.
 */
class ServerOptionsTest {
  @TempDir Path temp;

  record Outcome(int exit, String stderr) {}

  Outcome run(Map<String, String> env, String... options) {
    Path data = temp.resolve("data");
    List<String> args = new ArrayList<>(List.of("server", "--data", data.toString()));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    ServerCommand server = commandLine.getSubcommands().get("server").getCommand();
    server.env = env;
    // Without the checks some of these would start a server: fail instead of waiting for it.
    int exit =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> commandLine.execute(args.toArray(String[]::new)));
    assertThat(data).as("nothing is created before the options are checked").doesNotExist();
    return new Outcome(exit, err.toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--region          | mars-1",
        "--region          | us-east1",
        "--log-level       | verbose",
        "--log-level       | warning",
        "--read-timeout    | 0",
        "--idle-timeout    | -5",
        "--max-connections | 0",
        "--max-object-size | 0",
        "--max-header-size | 10",
        "--inline-threshold| 70000",
        "--public-url      | ftp://example.com",
        "--public-url      | http://example.com/path",
        "--domain          | http://s3.example.com",
        "--address         | 9000",
        "--address         | 127.0.0.1:70000",
        "--address         | nohost.invalid:9000",
        "--console-address | 127.0.0.1:x",
        "--read-timeout    | soon",
        "--default-object-ownership | BucketOwnerEnforcedd",
        "--notification-queue-limit | 0",
        "--notification-queue-limit | many",
      })
  void optionsAreValidatedAtStartUp(String option, String value) {
    // Loopback ports the OS picks, unless the address is what is tested (picocli refuses an
    // option given twice, which would make the test pass for the wrong reason).
    Map<String, String> options =
        new LinkedHashMap<>(Map.of("--address", "127.0.0.1:0", "--console-address", "127.0.0.1:0"));
    options.put(option, value);
    List<String> args = new ArrayList<>();
    options.forEach((name, v) -> args.addAll(List.of(name, v)));
    Outcome outcome = run(Map.of(), args.toArray(String[]::new));
    assertThat(outcome.exit()).isEqualTo(2);
    assertOneLine(outcome.stderr()).startsWith("coffer server: ").contains(option);
  }

  @Test
  void theSameAddressForBothPortsIsAUsageError() {
    Outcome outcome =
        run(Map.of(), "--address", "127.0.0.1:9555", "--console-address", "127.0.0.1:9555");
    assertThat(outcome.exit()).isEqualTo(2);
    assertOneLine(outcome.stderr()).contains("--address and --console-address must differ");
  }

  @Test
  void halfAnAdminCredentialInTheEnvironmentIsAUsageError() {
    Outcome outcome =
        run(
            Map.of("MINIO_ROOT_USER", "minio-user"),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0");
    assertThat(outcome.exit()).isEqualTo(2);
    assertOneLine(outcome.stderr())
        .contains("MINIO_ROOT_USER is set but MINIO_ROOT_PASSWORD is not");
  }

  @Test
  void theNotificationQueueLimitReachesTheConfig() {
    CommandLine commandLine = Main.commandLine();
    CommandLine sub = commandLine.getSubcommands().get("server");
    ServerCommand server = sub.getCommand();
    server.env = Map.of();
    commandLine.parseArgs("server", "--data", temp.toString());
    assertThat(server.configFromOptions().notificationQueueLimit()).isEqualTo(100_000);
    sub.parseArgs("--data", temp.toString(), "--notification-queue-limit", "250");
    assertThat(server.configFromOptions().notificationQueueLimit()).isEqualTo(250);
  }

  @Test
  void theDefaultObjectOwnershipReachesTheConfig() {
    CommandLine commandLine = Main.commandLine();
    CommandLine sub = commandLine.getSubcommands().get("server");
    ServerCommand server = sub.getCommand();
    server.env = Map.of();
    commandLine.parseArgs("server", "--data", temp.toString());
    assertThat(server.configFromOptions().defaultObjectOwnership()).isEqualTo("ObjectWriter");
    sub.parseArgs("--data", temp.toString(), "--default-object-ownership", "BucketOwnerEnforced");
    assertThat(server.configFromOptions().defaultObjectOwnership())
        .isEqualTo("BucketOwnerEnforced");
  }

  @Test
  void tlsOptionsAreCheckedBeforeAnythingStarts() throws Exception {
    String[] ports = {"--address", "127.0.0.1:0", "--console-address", "127.0.0.1:0"};
    Path cert = java.nio.file.Files.writeString(temp.resolve("cert.pem"), "x");
    Outcome half = run(Map.of(), concat(ports, "--tls-cert", cert.toString()));
    assertThat(half.exit()).isEqualTo(2);
    assertOneLine(half.stderr()).contains("--tls-cert and --tls-key go together");
    Outcome halfFromEnv = run(Map.of("COFFER_TLS_KEY", cert.toString()), ports);
    assertOneLine(halfFromEnv.stderr()).contains("--tls-cert and --tls-key go together");
    Outcome missing =
        run(
            Map.of(),
            concat(ports, "--tls-cert", cert.toString(), "--tls-key", temp + "/missing.pem"));
    assertOneLine(missing.stderr()).contains("--tls-key").contains("is not a file");
    Outcome engine =
        run(
            Map.of(),
            concat(
                ports,
                "--tls-cert",
                cert.toString(),
                "--tls-key",
                cert.toString(),
                "--tls-engine",
                "boring"));
    assertOneLine(engine.stderr()).contains("--tls-engine must be auto, openssl or jdk");
    Outcome dir = run(Map.of(), concat(ports, "--certs-dir", cert.toString()));
    assertOneLine(dir.stderr()).contains("--certs-dir").contains("is not a directory");
    Outcome flag = run(Map.of("COFFER_ALLOW_SSE_C_OVER_HTTP", "maybe"), ports);
    assertOneLine(flag.stderr()).contains("COFFER_ALLOW_SSE_C_OVER_HTTP must be true or false");
  }

  @Test
  void tlsAndSseCOptionsReachTheConfig() throws Exception {
    Path cert = java.nio.file.Files.writeString(temp.resolve("cert.pem"), "c");
    Path key = java.nio.file.Files.writeString(temp.resolve("key.pem"), "k");
    CommandLine commandLine = Main.commandLine();
    ServerCommand server = commandLine.getSubcommands().get("server").getCommand();
    server.env = Map.of();
    commandLine.parseArgs("server", "--data", temp.toString());
    io.coffer.config.ServerConfig plain = server.configFromOptions();
    assertThat(plain.tls().enabled()).isFalse();
    assertThat(plain.encryption().allowSseCOverHttp()).isFalse();

    server.env =
        Map.of(
            "COFFER_TLS_CERT",
            cert.toString(),
            "COFFER_TLS_KEY",
            key.toString(),
            "COFFER_TLS_ENGINE",
            "jdk",
            "COFFER_ALLOW_SSE_C_OVER_HTTP",
            "true");
    commandLine.parseArgs("server", "--data", temp.toString());
    io.coffer.config.ServerConfig fromEnv = server.configFromOptions();
    assertThat(fromEnv.tls().certificate()).isEqualTo(cert);
    assertThat(fromEnv.tls().privateKey()).isEqualTo(key);
    assertThat(fromEnv.tls().engine()).isEqualTo(io.coffer.config.TlsSettings.Engine.JDK);
    assertThat(fromEnv.encryption().allowSseCOverHttp()).isTrue();

    server.env = Map.of();
    commandLine.parseArgs(
        "server",
        "--data",
        temp.toString(),
        "--certs-dir",
        temp.toString(),
        "--allow-sse-c-over-http");
    io.coffer.config.ServerConfig fromOptions = server.configFromOptions();
    assertThat(fromOptions.tls().certsDir()).isEqualTo(temp);
    assertThat(fromOptions.tls().engine()).isEqualTo(io.coffer.config.TlsSettings.Engine.AUTO);
    assertThat(fromOptions.encryption().allowSseCOverHttp()).isTrue();
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void anUnknownOptionIsOneLineToo() {
    Outcome outcome = run(Map.of(), "--no-such-option");
    assertThat(outcome.exit()).isEqualTo(2);
    assertOneLine(outcome.stderr()).contains("--no-such-option").contains("coffer server --help");
  }

  @Test
  void theMetricsTokenComesFromTheOptionOrTheEnvironment() {
    CommandLine commandLine = Main.commandLine();
    CommandLine sub = commandLine.getSubcommands().get("server");
    ServerCommand server = sub.getCommand();
    server.env = Map.of("COFFER_METRICS_TOKEN", "");
    commandLine.parseArgs("server", "--data", temp.toString());
    assertThat(server.configFromOptions().metrics().token()).as("an empty variable").isNull();
    server.env = Map.of("COFFER_METRICS_TOKEN", "token-from-the-environment");
    assertThat(server.configFromOptions().metrics().token())
        .isEqualTo("token-from-the-environment");
    sub.parseArgs("--data", temp.toString(), "--metrics-token", "token-from-the-option");
    assertThat(server.configFromOptions().metrics().token()).isEqualTo("token-from-the-option");
    assertThat(server.configFromOptions().metrics().toString())
        .doesNotContain("token-from-the-option");
  }

  @Test
  void aMetricsTokenTooShortToResistGuessingIsAUsageErrorThatDoesNotRepeatIt() {
    String[] ports = {"--address", "127.0.0.1:0", "--console-address", "127.0.0.1:0"};
    Outcome option = run(Map.of(), concat(ports, "--metrics-token", "short-secret"));
    assertThat(option.exit()).isEqualTo(2);
    assertOneLine(option.stderr()).contains("--metrics-token").doesNotContain("short-secret");
    Outcome spaces = run(Map.of("COFFER_METRICS_TOKEN", "a token with spaces in it"), ports);
    assertThat(spaces.exit()).isEqualTo(2);
    assertOneLine(spaces.stderr()).contains("COFFER_METRICS_TOKEN").doesNotContain("with spaces");
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(String stderr) {
    assertThat(stderr.strip())
        .as(stderr)
        .doesNotContain("\n")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    return assertThat(stderr.strip());
  }
}
