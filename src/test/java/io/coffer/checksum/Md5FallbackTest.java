package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the JDK's MD5 is used instead of lanes, and that the server works without the module. */
class Md5FallbackTest {

  @Test
  void aStreamThatStartsAloneUsesTheJdkAndOnlyOverlappingOnesGetLanes() throws Exception {
    Md5Hashing hashing = Md5Hashing.withLanes();
    byte[] data = Md5TestData.random(1, 3 << 20);
    try (Md5Digest first = hashing.start(data.length);
        Md5Digest second = hashing.start(-1);
        Md5Digest small = hashing.start(4096)) {
      assertThat(first).isInstanceOf(JdkMd5Digest.class);
      assertThat(second).isInstanceOf(LaneMd5Digest.class);
      assertThat(small).as("short bodies are not queued").isInstanceOf(JdkMd5Digest.class);
      byte[] expected = Md5TestData.jdkMd5(data);
      assertThat(Md5TestData.hashInChunks(first, data, List.of(100_000))).isEqualTo(expected);
      assertThat(Md5TestData.hashInChunks(second, data, List.of(100_000))).isEqualTo(expected);
    }
    // Both closed (digest, then close again): the next stream is alone once more.
    try (Md5Digest next = hashing.start(-1)) {
      assertThat(next).isInstanceOf(JdkMd5Digest.class);
    }
  }

  @Test
  void withoutLanesEveryStreamUsesTheJdk() throws Exception {
    Md5Hashing hashing = Md5Hashing.jdkOnly("test");
    try (Md5Digest first = hashing.start(-1);
        Md5Digest second = hashing.start(-1)) {
      assertThat(first).isInstanceOf(JdkMd5Digest.class);
      assertThat(second).isInstanceOf(JdkMd5Digest.class);
      byte[] data = Md5TestData.random(2, 1000);
      assertThat(Md5TestData.hashInChunks(second, data, List.of(7)))
          .isEqualTo(Md5TestData.jdkMd5(data));
    }
  }

  @Test
  void detectionMatchesThisJvm() {
    // The tests run with --add-modules jdk.incubator.vector (pom.xml).
    boolean wide = Md5Lanes.vectorBits() >= Md5Hashing.MIN_VECTOR_BITS;
    assertThat(Md5Hashing.detect().usesLanes()).isEqualTo(wide);
  }

  @Test
  void withoutTheVectorModuleTheJdkMd5IsUsedAndDigestsAreRight() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Md5WithoutVectorModule.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("JDK MD5 (jdk.incubator.vector not loaded)", "digests ok");
  }

  /** Run in a JVM without {@code --add-modules jdk.incubator.vector}. */
  static final class Md5WithoutVectorModule {
    public static void main(String[] args) throws IOException, Exception {
      Md5Hashing hashing = Md5Hashing.shared();
      System.out.println(hashing.description());
      byte[] data = Md5TestData.random(3, 2 << 20);
      try (Md5Digest a = hashing.start(-1);
          Md5Digest b = hashing.start(-1)) {
        byte[] expected = Md5TestData.jdkMd5(data);
        if (java.util.Arrays.equals(Md5TestData.hashInChunks(a, data, List.of(65_536)), expected)
            && java.util.Arrays.equals(
                Md5TestData.hashInChunks(b, data, List.of(65_536)), expected)) {
          System.out.println("digests ok");
        }
      }
    }
  }
}
