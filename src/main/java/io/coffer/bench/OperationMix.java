package io.coffer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which operation comes next in a mixed workload, as warp's {@code mixed} picks it: the shares are
 * laid out once as a sequence of 100 operations (45 % GET is 45 entries), shuffled with a fixed
 * seed, and every worker takes the next entry of that one sequence in turn. Any 100 consecutive
 * operations are then exactly the mix, whatever the concurrency, and no run drifts from it by
 * chance the way independent dice would.
 */
final class OperationMix {
  private static final long SEED = 0xC0FFE4L;

  private final List<String> sequence;
  private final List<String> kinds;
  private final AtomicLong next = new AtomicLong();

  /** {@code percentages}: operation kind to its whole-number share; the shares add up to 100. */
  OperationMix(Map<String, Integer> percentages) {
    int total = percentages.values().stream().mapToInt(Integer::intValue).sum();
    if (total != 100) {
      throw new IllegalArgumentException("the shares add up to " + total + ", not 100");
    }
    List<String> laidOut = new ArrayList<>(100);
    percentages.forEach(
        (kind, share) -> {
          for (int i = 0; i < share; i++) {
            laidOut.add(kind);
          }
        });
    Collections.shuffle(laidOut, new Random(SEED));
    this.sequence = List.copyOf(laidOut);
    this.kinds = List.copyOf(percentages.keySet());
  }

  /** warp's default mix: 45 % GET, 30 % HEAD (warp's STAT), 15 % PUT, 10 % DELETE. */
  static OperationMix warp() {
    Map<String, Integer> shares = new LinkedHashMap<>();
    shares.put(WarpMixedWorkload.GET, 45);
    shares.put(WarpMixedWorkload.HEAD, 30);
    shares.put(WarpMixedWorkload.PUT, 15);
    shares.put(WarpMixedWorkload.DELETE, 10);
    return new OperationMix(shares);
  }

  /** The operation kinds, in the order they were given. */
  List<String> kinds() {
    return kinds;
  }

  /** The next operation; safe from any thread. */
  String next() {
    return sequence.get((int) Math.floorMod(next.getAndIncrement(), (long) sequence.size()));
  }
}
