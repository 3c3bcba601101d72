package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {

  /**
   * Bit-at-a-time CRC-64/NVME straight from the catalogue definition: reflected polynomial
   * 0x9A6C9329AC4BC9B5, init and xorout all ones.
   */
  static long reference(byte[] data, int off, int len) {
    long crc = -1L;
    for (int i = off; i < off + len; i++) {
      crc ^= data[i] & 0xff;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
      }
    }
    return ~crc;
  }

  @Test
  void referenceMatchesCheckValue() {
    byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(reference(check, 0, check.length)).isEqualTo(0xAE8B14860A799888L);
  }

  @Property(tries = 300)
  void slicingMatchesBitwiseReference(
      @ForAll @Size(max = 600) byte[] data,
      @ForAll @IntRange(max = 40) int skipFront,
      @ForAll @IntRange(max = 40) int skipBack) {
    int off = Math.min(skipFront, data.length);
    int len = Math.max(0, data.length - off - skipBack);
    long expected = reference(data, off, len);

    assertThat(Crc64Nvme.update(0, data, off, len)).isEqualTo(expected);

    Crc64Nvme bytewise = new Crc64Nvme();
    for (int i = off; i < off + len; i++) {
      bytewise.update(data[i]);
    }
    assertThat(bytewise.getValue()).isEqualTo(expected);

    ByteBuffer direct =
        ByteBuffer.allocateDirect(data.length).put(data).position(off).limit(off + len);
    Crc64Nvme viaDirect = new Crc64Nvme();
    viaDirect.update(direct);
    assertThat(viaDirect.getValue()).isEqualTo(expected);
    assertThat(direct.position()).isEqualTo(off + len);

    ByteBuffer heapSlice = ByteBuffer.wrap(data).position(off).limit(off + len).slice();
    Crc64Nvme viaHeap = new Crc64Nvme();
    viaHeap.update(heapSlice);
    assertThat(viaHeap.getValue()).isEqualTo(expected);
  }

  @Property(tries = 200)
  void chainingAtAnySplitEqualsOneShot(
      @ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 300) int split) {
    int cut = Math.min(split, data.length);
    long first = Crc64Nvme.update(0, data, 0, cut);
    assertThat(Crc64Nvme.update(first, data, cut, data.length - cut))
        .isEqualTo(Crc64Nvme.compute(data));

    Crc64Nvme running = new Crc64Nvme();
    running.update(data, 0, cut);
    running.update(data, cut, data.length - cut);
    assertThat(running.getValue()).isEqualTo(reference(data, 0, data.length));
  }

  @Test
  void resetStartsOver() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update(new byte[] {1, 2, 3}, 0, 3);
    crc.reset();
    assertThat(crc.getValue()).isZero();
  }
}
