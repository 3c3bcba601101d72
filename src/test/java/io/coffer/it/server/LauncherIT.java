package io.coffer.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./coffer} launcher: it builds the jar when there is none or the sources are
 * newer, and says so with how long that takes; and the default JVM options both launchers pass.
 * Maven is replaced by a stub that "builds" by copying the packaged jar, so the launcher's own
 * logic runs in a second.
 */
class LauncherIT {
  @TempDir Path checkout;

  @Test
  void theFirstRunSaysItIsBuildingAndHowLongThatTakes() throws Exception {
    Files.copy(Path.of("coffer"), checkout.resolve("coffer"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(checkout.resolve("src/dist/bin"));
    Files.copy(
        Path.of("src/dist/bin/coffer"),
        checkout.resolve("src/dist/bin/coffer"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Path source = Files.createDirectories(checkout.resolve("src/main/java")).resolve("Some.java");
    Files.writeString(source, "class Some {}\n");
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    // Sources from a minute ago, so that the jar "built" now is certainly newer than them.
    for (Path file : new Path[] {source, checkout.resolve("pom.xml")}) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
    Path mvnw = checkout.resolve("mvnw");
    Files.writeString(
        mvnw,
        """
        #!/usr/bin/env bash
        echo "$*" >> mvnw-calls
        mkdir -p target
        cp "$REAL_TARGET/coffer.jar" target/coffer.jar
        ln -sfn "$REAL_TARGET/lib" target/lib
        """);
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run first = version();
    assertThat(first.stderr)
        .contains("coffer: building the jar with Maven (first run: about", "~/.m2")
        .containsPattern("coffer: built in \\d+ s\\.");
    assertThat(first.stdout).startsWith("coffer ");
    assertThat(Files.readString(checkout.resolve("mvnw-calls"))).contains("package");

    Run second = version();
    assertThat(second.stderr).doesNotContain("building", "built in");
    assertThat(second.stdout).startsWith("coffer ");

    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
    Run third = version();
    assertThat(third.stderr)
        .contains("coffer: sources changed, rebuilding the jar with Maven (about");
    assertThat(Files.readAllLines(checkout.resolve("mvnw-calls"))).hasSize(2);
  }

  @Test
  void theDefaultJvmOptionsAreSerialsAndAnotherCollectorReplacesThemAll() throws Exception {
    assertThat(defaultJavaOpts("-Xmx1g")).isEqualTo("-XX:+UseSerialGC -XX:NewRatio=4");
    assertThat(defaultJavaOpts("-Xmx1g -XX:+UseG1GC")).isEmpty();
    assertThat(defaultJavaOpts("-XX:+UseZGC")).isEmpty();
  }

  /** What the launchers' {@code default_java_opts} prints with this COFFER_JAVA_OPTS. */
  private static String defaultJavaOpts(String cofferJavaOpts) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "source src/dist/bin/coffer && default_java_opts");
    builder.environment().put("COFFER_JAVA_OPTS", cofferJavaOpts);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  private record Run(String stdout, String stderr) {}

  private Run version() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(checkout.resolve("coffer").toString(), "--version");
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("REAL_TARGET", Path.of("target").toAbsolutePath().toString());
    Path stderr = checkout.resolve("stderr.txt");
    Process process = builder.redirectError(stderr.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(Files.readString(stderr)).isZero();
    return new Run(stdout, Files.readString(stderr));
  }
}
