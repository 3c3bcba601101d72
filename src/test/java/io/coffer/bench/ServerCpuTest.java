package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ServerCpuTest {
  @Test
  void aStatLineIsReadAfterTheCommandNameWhateverItHolds() {
    // comm may hold spaces and parentheses; utime 300, stime 50, cutime 7, cstime 3
    String line =
        "4242 (we (ird) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 300 50 7 3 20 0 9 0 1000"
            + " 12345 678 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    ServerCpu.Stat stat = ServerCpu.parse(line);
    assertThat(stat.ppid()).isEqualTo(17);
    assertThat(stat.ticks()).isEqualTo(360);
  }

  @Test
  void theCpuOfAServersWorkersCounts() throws Exception {
    // a "master" that only sleeps, with a busy "worker" as its child, as nginx runs
    Process master =
        new ProcessBuilder("sh", "-c", "yes > /dev/null & sleep 60")
            .redirectErrorStream(true)
            .start();
    try {
      waitForChild(master);
      ServerCpu cpu = new ServerCpu(List.of(master.pid()));
      long before = cpu.cpuNanos();
      Thread.sleep(1500);
      long used = cpu.cpuNanos() - before;
      // the worker is busy on one core; on a shared machine it gets at least a tenth of it
      assertThat(used).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(150));
      assertThat(used).isLessThan(TimeUnit.MILLISECONDS.toNanos(1500) * 2 + 100_000_000);
    } finally {
      master.descendants().forEach(ProcessHandle::destroyForcibly);
      master.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aServerThatIsNotRunningIsRefusedAtOnce() {
    assertThatThrownBy(() -> new ServerCpu(List.of(Long.MAX_VALUE / 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such process");
  }

  private static void waitForChild(Process master) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (master.children().findAny().isEmpty()) {
      assertThat(System.nanoTime()).as("the worker started").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
