package io.coffer.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1, 2, 4 and 8 concurrent streams (JMH threads), each hashing 1 MiB in 128 KiB updates as the body
 * writer does: the JDK's MD5 per stream against streams sharing one {@link Md5Combiner}. Score:
 * MiB/s over all threads (ops/s, one op = 1 MiB).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Md5StreamsBenchmark {
  static final int BODY = 1 << 20;
  static final int UPDATE = 128 * 1024;

  @State(Scope.Benchmark)
  public static class Shared {
    final Md5Combiner combiner = new Md5Combiner(new Md5Lanes());
  }

  @State(Scope.Thread)
  public static class Body {
    final byte[] data = new byte[BODY];

    @Setup
    public void setUp() {
      new Random(Thread.currentThread().threadId()).nextBytes(data);
    }
  }

  private static byte[] lanes(Shared shared, Body body) {
    LaneMd5Digest md5 = new LaneMd5Digest(shared.combiner);
    for (int off = 0; off < body.data.length; off += UPDATE) {
      md5.update(body.data, off, Math.min(UPDATE, body.data.length - off));
    }
    return md5.digest();
  }

  private static byte[] jdk(Shared shared, Body body) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int off = 0; off < body.data.length; off += UPDATE) {
      md5.update(body.data, off, Math.min(UPDATE, body.data.length - off));
    }
    return md5.digest();
  }

  @Benchmark
  @Threads(1)
  public byte[] jdk1(Shared s, Body b) {
    return jdk(s, b);
  }

  @Benchmark
  @Threads(2)
  public byte[] jdk2(Shared s, Body b) {
    return jdk(s, b);
  }

  @Benchmark
  @Threads(4)
  public byte[] jdk4(Shared s, Body b) {
    return jdk(s, b);
  }

  @Benchmark
  @Threads(8)
  public byte[] jdk8(Shared s, Body b) {
    return jdk(s, b);
  }

  @Benchmark
  @Threads(1)
  public byte[] lanes1(Shared s, Body b) {
    return lanes(s, b);
  }

  @Benchmark
  @Threads(2)
  public byte[] lanes2(Shared s, Body b) {
    return lanes(s, b);
  }

  @Benchmark
  @Threads(4)
  public byte[] lanes4(Shared s, Body b) {
    return lanes(s, b);
  }

  @Benchmark
  @Threads(8)
  public byte[] lanes8(Shared s, Body b) {
    return lanes(s, b);
  }
}
