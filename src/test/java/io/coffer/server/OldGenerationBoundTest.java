package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bound on Serial's old generation, in a JVM of its own (the tests' JVM runs another
 * collector): one that promotes everything and keeps replacing 20 MiB of live objects fills a 112
 * MiB old generation with garbage without the bound, and stays near {@link
 * OldGenerationBound#FLOOR} with it.
 */
class OldGenerationBoundTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void theThresholdIsTwiceWhatSurvivedAtLeastTheFloorAndBelowTheMaximum() {
    assertThat(OldGenerationBound.threshold(0, 200 * MIB)).isEqualTo(OldGenerationBound.FLOOR);
    assertThat(OldGenerationBound.threshold(40 * MIB, 200 * MIB)).isEqualTo(80 * MIB);
    assertThat(OldGenerationBound.threshold(150 * MIB, 200 * MIB)).isEqualTo(200 * MIB - 1);
  }

  @Test
  void withTheBoundTheOldGenerationIsCollectedBeforeItFills() throws Exception {
    long bounded = peakOldGeneration(true);
    long unbounded = peakOldGeneration(false);

    // 112 MiB of old generation; with the bound, the peak is about twice what survives a full
    // collection (20 MiB of arrays and the JVM's own) plus what one young collection promotes.
    assertThat(unbounded).as("without the bound").isGreaterThan(100 * MIB);
    assertThat(bounded).as("with the bound").isLessThan(84 * MIB);
  }

  /** Runs {@link Churn} in a Serial JVM and answers the old generation's peak use. */
  private static long peakOldGeneration(boolean bound) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-XX:+UseSerialGC",
                    "-Xms128m",
                    "-Xmx128m",
                    "-Xmn16m",
                    "-XX:MaxTenuringThreshold=0",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Churn.class.getName(),
                    Boolean.toString(bound)))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    String[] lines = output.strip().split("\n");
    return Long.parseLong(lines[lines.length - 1].strip());
  }

  /**
   * The child: keeps replacing 20 MiB of 1 KiB arrays, about half a young generation at a time,
   * then prints the old generation's peak.
   */
  static final class Churn {
    public static void main(String[] args) throws InterruptedException {
      if (Boolean.parseBoolean(args[0])) {
        OldGenerationBound.install();
      }
      byte[][] live = new byte[20 * 1024][];
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 1; i <= 400_000; i++) {
        live[random.nextInt(live.length)] = new byte[1024];
        if (i % 8192 == 0) {
          // a server promotes far more slowly: give the JVM's notification thread its turn
          Thread.sleep(20);
        }
      }
      MemoryPoolMXBean tenured =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getName().equals(OldGenerationBound.POOL))
              .findFirst()
              .orElseThrow();
      System.out.println(tenured.getPeakUsage().getUsed());
    }
  }
}
