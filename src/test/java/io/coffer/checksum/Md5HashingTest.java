package io.coffer.checksum;

import static io.coffer.checksum.Md5TestData.hashInChunks;
import static io.coffer.checksum.Md5TestData.jdkMd5;
import static io.coffer.checksum.Md5TestData.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Multi-buffer MD5 against the JDK's MD5: lengths, chunkings, lanes and concurrent streams. */
class Md5HashingTest {
  // One combiner for the whole class, as the server has one: tests running at once share it.
  private static final Md5Combiner COMBINER = new Md5Combiner(new Md5Lanes());

  private static LaneMd5Digest laneDigest() {
    return new LaneMd5Digest(COMBINER, () -> {});
  }

  @Property(tries = 300)
  void laneDigestEqualsJdkMd5(
      @ForAll("lengths") int length, @ForAll long seed, @ForAll("chunkings") List<Integer> chunks)
      throws Exception {
    byte[] data = random(seed, length);
    assertThat(hashInChunks(laneDigest(), data, chunks)).isEqualTo(jdkMd5(data));
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1023, 1024, 1025),
        Arbitraries.integers().between(0, 5000),
        Arbitraries.integers().between(100_000, 1_200_000));
  }

  @Provide
  Arbitrary<List<Integer>> chunkings() {
    return Arbitraries.oneOf(
            Arbitraries.integers().between(1, 200),
            Arbitraries.integers().between(1000, 140_000),
            Arbitraries.of(64, 1024, 128 * 1024))
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  @Test
  void edgeLengthsInOneUpdateAndByteByByte() throws Exception {
    for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 1024 + 55, 3 * 1024 * 1024 + 7}) {
      byte[] data = random(length, length);
      assertThat(hashInChunks(laneDigest(), data, List.of(Integer.MAX_VALUE)))
          .as("length %d in one update", length)
          .isEqualTo(jdkMd5(data));
      if (length < 5000) {
        assertThat(hashInChunks(laneDigest(), data, List.of(1)))
            .as("length %d byte by byte", length)
            .isEqualTo(jdkMd5(data));
      }
    }
  }

  @Test
  void everyLaneHashesItsOwnStream() throws Exception {
    Md5Lanes lanes = new Md5Lanes();
    int n = lanes.lanes();
    int blocks = 5;
    byte[][] bufs = new byte[n][];
    int[] offs = new int[n];
    int[][] expected = new int[n][];
    for (int lane = 0; lane < n; lane++) {
      if (lane % 3 == 2) {
        continue; // an idle lane
      }
      offs[lane] = 64 * lane + 3;
      bufs[lane] = random(lane, offs[lane] + blocks * 64);
      int[] state = Md5Block.initialState();
      state[lane % 4] ^= lane; // different starting states too
      lanes.load(lane, state);
      expected[lane] = state.clone();
      Md5Block.compress(expected[lane], bufs[lane], offs[lane], blocks);
    }
    lanes.compress(bufs, offs, blocks);
    for (int lane = 0; lane < n; lane++) {
      if (bufs[lane] != null) {
        int[] actual = new int[4];
        lanes.store(lane, actual);
        assertThat(actual).as("lane %d", lane).isEqualTo(expected[lane]);
      }
    }
  }

  @Property(tries = 25)
  void concurrentStreamsShareLanesAndEachGetsItsOwnDigest(
      @ForAll @IntRange(min = 2, max = 20) int streams,
      @ForAll long seed,
      @ForAll("chunkings") List<Integer> chunks)
      throws Exception {
    Md5Combiner combiner = new Md5Combiner(new Md5Lanes());
    byte[][] data = new byte[streams][];
    for (int i = 0; i < streams; i++) {
      data[i] = random(seed + i, 200_000 + (int) Math.floorMod(seed * 31 + i * 7919, 300_000L));
    }
    CyclicBarrier start = new CyclicBarrier(streams);
    List<Future<byte[]>> results = new ArrayList<>();
    // Virtual threads, as requests run in the server; platform threads for every other seed.
    try (ExecutorService threads =
        seed % 2 == 0
            ? Executors.newVirtualThreadPerTaskExecutor()
            : Executors.newFixedThreadPool(streams)) {
      for (int i = 0; i < streams; i++) {
        byte[] mine = data[i];
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return hashInChunks(new LaneMd5Digest(combiner, () -> {}), mine, chunks);
                }));
      }
      for (int i = 0; i < streams; i++) {
        assertThat(results.get(i).get()).as("stream %d", i).isEqualTo(jdkMd5(data[i]));
      }
    }
  }

  @Test
  void overlappingStreamsAreHashedInLanes() throws Exception {
    Md5Combiner combiner = new Md5Combiner(new Md5Lanes());
    int streams = 4;
    byte[] data = random(7, 4 << 20);
    CyclicBarrier start = new CyclicBarrier(streams);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    hashInChunks(new LaneMd5Digest(combiner, () -> {}), data, List.of(128 * 1024));
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    // Four streams of 4 MiB each in 128 KiB updates started together: some blocks shared lanes.
    assertThat(combiner.laneBlocks()).isPositive();
  }
}
