package io.coffer.checksum;

import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MD5 kernels on one thread, 64 KiB per stream: the JDK's intrinsic, the plain-Java block
 * function, and {@link Md5Lanes} hashing one stream per lane (ops/s × 64 KiB × lanes = bytes/s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Md5LanesBenchmark {
  static final int STREAM = 64 * 1024;
  private final Md5Lanes lanes = new Md5Lanes();
  private final byte[][] bufs = new byte[lanes.lanes()][];
  private final int[] offs = new int[lanes.lanes()];
  private final byte[] data = new byte[STREAM];
  private final int[] state = Md5Block.initialState();
  private MessageDigest jdk;

  @Setup
  public void setUp() throws Exception {
    new Random(1).nextBytes(data);
    for (int i = 0; i < bufs.length; i++) {
      bufs[i] = data.clone();
    }
    jdk = MessageDigest.getInstance("MD5");
  }

  /** One stream, the JDK's intrinsic. */
  @Benchmark
  public byte[] jdkOneStream() {
    jdk.update(data, 0, STREAM);
    return jdk.digest();
  }

  /** One stream, {@link Md5Block} (what a lone lane stream uses). */
  @Benchmark
  public int[] javaOneStream() {
    Md5Block.compress(state, data, 0, STREAM / 64);
    return state;
  }

  /** As many streams as lanes (8 with AVX2): divide by the lanes for the time per stream. */
  @Benchmark
  public Md5Lanes lanesAllStreams() {
    lanes.compress(bufs, offs, STREAM / 64);
    return lanes;
  }
}
