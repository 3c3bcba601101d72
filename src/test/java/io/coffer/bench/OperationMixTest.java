package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class OperationMixTest {
  private static final Map<String, Integer> WARP =
      Map.of("GET", 45, "HEAD", 30, "PUT", 15, "DELETE", 10);

  @Test
  void anyHundredOperationsInARowAreExactlyWarpsMix() {
    OperationMix mix = OperationMix.warp();
    assertThat(mix.kinds()).containsExactly("GET", "HEAD", "PUT", "DELETE");
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      drawn.add(mix.next());
    }
    // every window of 100, wherever it starts, not only the aligned ones
    for (int start = 0; start + 100 <= drawn.size(); start += 7) {
      Map<String, Integer> counts = new HashMap<>();
      drawn.subList(start, start + 100).forEach(kind -> counts.merge(kind, 1, Integer::sum));
      assertThat(counts).as("operations %d to %d", start, start + 99).isEqualTo(WARP);
    }
    // shuffled, not laid out in blocks: a run of 45 GETs would hammer one path at a time
    assertThat(drawn.subList(0, 20)).contains("GET", "HEAD");
  }

  @Test
  void workersDrawingAtOnceStillGetTheMix() throws Exception {
    OperationMix mix = OperationMix.warp();
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 5000; i++) {
                      counts.computeIfAbsent(mix.next(), k -> new LongAdder()).increment();
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    // 40,000 draws are 400 whole sequences
    WARP.forEach((kind, share) -> assertThat(counts.get(kind).sum()).isEqualTo(400L * share));
  }

  @Test
  void sharesMustAddUpToAHundred() {
    assertThatThrownBy(() -> new OperationMix(Map.of("GET", 50, "PUT", 40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90");
  }
}
