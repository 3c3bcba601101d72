package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferProcess;
import io.coffer.it.support.RawS3;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive {@code ./mvnw package} builds ({@code target/coffer-<version>.tar.gz}),
 * unpacked outside the checkout and started through its own launcher, as docs/deployment.md
 * installs it.
 */
class DistributionIT {
  static String version;
  static Path archive;

  @TempDir Path dir;

  @BeforeAll
  static void findArchive() throws Exception {
    try (JarFile jar = new JarFile(CofferProcess.JAR.toFile())) {
      version =
          jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    }
    archive = Path.of("target", "coffer-" + version + ".tar.gz");
  }

  @Test
  void packageBuildsAnArchiveWithTheLauncherTheJarAndEveryLibrary() throws Exception {
    Path home = unpack();
    assertThat(home.resolve("bin/coffer")).isExecutable();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(home.resolve("docs/deployment.md")).isRegularFile();
    try (JarFile jar = new JarFile(home.resolve("coffer.jar").toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      assertThat(classPath).contains("lib/netty-", "lib/sqlite-jdbc-");
      for (String library : classPath.trim().split("\\s+")) {
        assertThat(home.resolve(library))
            .as("library named by coffer.jar's manifest")
            .isRegularFile();
      }
    }
  }

  /**
   * bin/coffer finds a JDK >= 21 (here through JAVA_HOME, with an older java possibly first on
   * PATH), starts the server from the unpacked archive alone, and becomes the JVM (exec), so that
   * SIGTERM reaches Coffer and the exit status is the JVM's 143 that a systemd unit expects.
   */
  @Test
  void theArchivesLauncherStartsTheServerAndPassesSigtermOn() throws Exception {
    Path home = unpack();
    Path data = Files.createDirectories(dir.resolve("data"));
    ProcessBuilder builder =
        launcher(
            home.resolve("bin/coffer"),
            "server",
            "--data",
            data.toString(),
            "--address",
            "127.0.0.1:0",
            "--console-address",
            "127.0.0.1:0");
    try (CofferProcess server = CofferProcess.start(builder)) {
      server.awaitLine(Pattern.compile("Console:\\s+http://"), Duration.ofSeconds(60));
      assertThat(server.process().info().command())
          .as("the launcher's process became the JVM")
          .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));
      for (String check : List.of("live", "ready")) {
        HttpResponse<String> response =
            RawS3.sendUrl("GET", server.s3Uri() + "/coffer/health/" + check, new byte[0]);
        assertThat(response.statusCode()).as(check).isEqualTo(200);
      }
      assertThat(server.terminate()).isEqualTo(CofferProcess.SIGTERM_EXIT);
      assertThat(server.stderr()).doesNotContain("Exception");
    }
  }

  /**
   * Installed as docs/deployment.md says, bin/coffer is reached through a symbolic link on PATH.
   */
  @Test
  void theLauncherFindsItsJarThroughASymbolicLink() throws Exception {
    Path home = unpack();
    Path link = Files.createSymbolicLink(dir.resolve("coffer-link"), home.resolve("bin/coffer"));
    try (CofferProcess process = CofferProcess.start(launcher(link, "--version"))) {
      assertThat(process.awaitExit()).isZero();
      assertThat(process.stdout()).contains("coffer " + version);
    }
  }

  private Path unpack() throws Exception {
    assertThat(archive).as("built by ./mvnw package").isRegularFile();
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(tar.getInputStream().readAllBytes());
    assertThat(tar.waitFor()).as(output).isZero();
    return dir.resolve("coffer-" + version);
  }

  /**
   * The launcher run from outside the checkout, with the test's own JDK (>= 21) as JAVA_HOME, the
   * system's PATH and none of Coffer's variables.
   */
  private ProcessBuilder launcher(Path launcher, String... args) {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("COFFER_"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("COFFER_JAVA_OPTS", String.join(" ", CofferProcess.FAST_START));
    return builder;
  }
}
