package io.coffer.checksum;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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

/** CRC64-NVME over 1 MiB (ops/s = MiB/s), beside the JDK's intrinsic CRC32C for scale. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Crc64NvmeBenchmark {
  private final byte[] data = new byte[1 << 20];

  @Setup
  public void setUp() {
    new Random(1).nextBytes(data);
  }

  @Benchmark
  public long crc64NvmeOneMiB() {
    return Crc64Nvme.compute(data);
  }

  @Benchmark
  public long crc32cOneMiB() {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, data.length);
    return crc.getValue();
  }
}
