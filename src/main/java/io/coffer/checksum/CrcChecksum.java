package io.coffer.checksum;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/** Adapts a CRC from java.util.zip (or {@link Crc64Nvme}) to S3's big-endian digest form. */
final class CrcChecksum implements RunningChecksum {
  private final Checksum crc;
  private final int length;

  CrcChecksum(Checksum crc, int length) {
    this.crc = crc;
    this.length = length;
  }

  @Override
  public void update(byte[] b, int off, int len) {
    crc.update(b, off, len);
  }

  @Override
  public void update(ByteBuffer buf) {
    crc.update(buf);
  }

  @Override
  public byte[] finish() {
    byte[] digest = Checksums.toBytes(crc.getValue(), length);
    crc.reset();
    return digest;
  }
}
