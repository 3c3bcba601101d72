package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.MetadataOptions;
import io.coffer.config.MetadataSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** --metadata, --node-id, --blob-grace-seconds and their variables. */
class ServerMetadataOptionsTest {
  @TempDir Path temp;

  private record Outcome(int exit, String stderr) {}

  private Outcome run(Map<String, String> env, String... options) {
    Path data = temp.resolve("data");
    List<String> args =
        new ArrayList<>(
            List.of(
                "server",
                "--data",
                data.toString(),
                "--address",
                "127.0.0.1:0",
                "--console-address",
                "127.0.0.1:0"));
    args.addAll(List.of(options));
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    ServerCommand server = commandLine.getSubcommands().get("server").getCommand();
    server.env = env;
    int exit = commandLine.execute(args.toArray(String[]::new));
    assertThat(data).as("nothing is created before the options are checked").doesNotExist();
    return new Outcome(exit, err.toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--metadata           | mysql://db.example.com/coffer",
        "--metadata           | postgresql:///coffer",
        "--metadata           | postgresql://host/db#part",
        "--metadata           | jdbc:postgresql:",
        "--metadata           | /var/lib/coffer.db",
        "--node-id            | two words",
        "--node-id            | node/1",
        "--node-id            | 12345678901234567890123456789012345678901234567890123456789012345",
        "--blob-grace-seconds | 0",
        "--blob-grace-seconds | soon",
      })
  void badValuesAreUsageErrorsNamingTheOption(String option, String value) {
    Outcome outcome = run(Map.of(), option, value);
    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.stderr().strip()).doesNotContain("\n").contains(option);
  }

  @Test
  void badValuesFromTheEnvironmentAreUsageErrorsToo() {
    assertThat(run(Map.of("COFFER_METADATA", "mongodb://x")).stderr()).contains("--metadata");
    assertThat(run(Map.of("COFFER_NODE_ID", "a b")).stderr()).contains("--node-id");
    assertThat(run(Map.of("COFFER_BLOB_GRACE_SECONDS", "x")).stderr())
        .contains("COFFER_BLOB_GRACE_SECONDS");
  }

  @Test
  void aMalformedUrlIsRefusedWithoutShowingItsPassword() {
    Outcome outcome = run(Map.of(), "--metadata", "postgresql://coffer:s3cr3t@bad host/db");
    assertThat(outcome.exit()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("--metadata").doesNotContain("s3cr3t");
  }

  private MetadataSettings settings(Map<String, String> env, String... options) {
    CommandLine commandLine = Main.commandLine();
    ServerCommand server = commandLine.getSubcommands().get("server").getCommand();
    server.env = env;
    List<String> args = new ArrayList<>(List.of("server", "--data", temp.toString()));
    args.addAll(List.of(options));
    commandLine.parseArgs(args.toArray(String[]::new));
    return server.configFromOptions().metadata();
  }

  @Test
  void sqliteIsTheDefault() {
    MetadataSettings none = settings(Map.of());
    assertThat(none.postgres()).isFalse();
    assertThat(none.nodeId()).isNull();
    assertThat(none.blobGracePeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(settings(Map.of(), "--metadata", "sqlite").postgres()).isFalse();
    assertThat(settings(Map.of("COFFER_METADATA", "SQLite")).postgres()).isFalse();
  }

  @Test
  void theEnvironmentGivesUrlPasswordAndNodeIdAndOptionsWin() {
    Map<String, String> env =
        Map.of(
            "COFFER_METADATA",
            "postgresql://coffer@db.internal:5432/coffer",
            "COFFER_METADATA_PASSWORD",
            "pw",
            "COFFER_NODE_ID",
            "node-1",
            "COFFER_BLOB_GRACE_SECONDS",
            "7200");
    MetadataSettings fromEnv = settings(env);
    assertThat(fromEnv.url()).isEqualTo("postgresql://coffer@db.internal:5432/coffer");
    assertThat(fromEnv.password()).isEqualTo("pw");
    assertThat(fromEnv.nodeId()).isEqualTo("node-1");
    assertThat(fromEnv.blobGracePeriod()).isEqualTo(Duration.ofHours(2));
    assertThat(fromEnv.toString()).doesNotContain("pw");

    MetadataSettings options =
        settings(
            env,
            "--metadata",
            "jdbc:postgresql://db2/coffer",
            "--node-id",
            "a.b_c:9000",
            "--blob-grace-seconds",
            "60");
    assertThat(options.url()).isEqualTo("jdbc:postgresql://db2/coffer");
    assertThat(options.nodeId()).isEqualTo("a.b_c:9000");
    assertThat(options.blobGracePeriod()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theDerivedNodeIdIsAValidNodeId() {
    assertThat(MetadataOptions.derivedNodeId("web-1.example.com", 9000))
        .isEqualTo("web-1.example.com:9000");
    assertThat(MetadataOptions.derivedNodeId("höst name", 9000)).isEqualTo("h-st-name:9000");
    String longHost = "h".repeat(100);
    String derived = MetadataOptions.derivedNodeId(longHost, 65535);
    assertThat(derived).hasSize(64).endsWith(":65535");
    assertThat(MetadataOptions.NODE_ID.matcher(derived).matches()).isTrue();
  }
}
