package io.coffer.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published values only. Check values ("123456789") are from the CRC catalogue definitions; the
 * base64 strings are the AWS SDK for Java v2's own test expectations (core/checksums
 * Crc32ChecksumTest, Crc32CChecksumTest, Crc64NvmeChecksumTest); the 32-byte vectors are from
 * awslabs/aws-checksums (tests/crc_test.c, tests/crc64_test.c) and "aaaaaaaaaa" from aws-c-s3.
 */
class CrcKnownValuesTest {
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @ParameterizedTest
  @CsvSource({
    "CRC32, CBF43926",
    "CRC32C, E3069283",
    "CRC64NVME, AE8B14860A799888",
  })
  void checkValues(ChecksumAlgorithm alg, String hex) {
    assertThat(hexOf(alg, ascii("123456789"))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({
    "CRC32, abc, NSRBwg==",
    "CRC32, Hello world, i9aeUg==",
    "CRC32, alpha, 0OA5ag==",
    "CRC32, alphabetadelta, xSjLBA==",
    "CRC32C, abc, Nks/tw==",
    "CRC32C, Hello world, crUfeA==",
    "CRC32C, alpha, eNkvgQ==",
    "CRC32C, alphabetadelta, Bf1liQ==",
    "CRC64NVME, abc, BeXKuz/B+us=",
    "CRC64NVME, Hello world, OOJZ0D8xKts=",
    "CRC64NVME, alpha, Ehnh98TMQlQ=",
    "CRC64NVME, alphabetadelta, ugWp+3k2NgA=",
  })
  void awsSdkBase64Values(ChecksumAlgorithm alg, String text, String base64) {
    assertThat(Checksums.encode(Checksums.compute(alg, ascii(text)))).isEqualTo(base64);
  }

  @ParameterizedTest
  @CsvSource({"CRC32, 1FC2E6D2", "CRC32C, A245D57D", "CRC64NVME, 8B8F30CFC6F16409"})
  void awsSdkAlphanumericValues(ChecksumAlgorithm alg, String hex) {
    assertThat(hexOf(alg, ascii(ALPHANUMERIC))).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({"CRC32, 190A55AD", "CRC32C, 8A9136AA", "CRC64NVME, CF3473434D4ECF3B"})
  void awsChecksumsLibraryZeros(ChecksumAlgorithm alg, String hex) {
    assertThat(hexOf(alg, new byte[32])).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({"CRC32C, 46DD794E", "CRC64NVME, B9D9D4A8492CBD7F"})
  void awsChecksumsLibraryCounting(ChecksumAlgorithm alg, String hex) {
    byte[] values = new byte[32];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) i;
    }
    assertThat(hexOf(alg, values)).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({"CRC32, 00000000", "CRC32C, 00000000", "CRC64NVME, 0000000000000000"})
  void emptyInputIsZero(ChecksumAlgorithm alg, String hex) {
    assertThat(hexOf(alg, new byte[0])).isEqualTo(hex);
  }

  @ParameterizedTest
  @CsvSource({
    // aws-c-s3 tests/s3_checksums_crc64nvme_tests.c
    "aaaaaaaaaa, 0C1A80036D65C555",
  })
  void awsCrtCrc64Vectors(String text, String hex) {
    assertThat(hexOf(ChecksumAlgorithm.CRC64NVME, ascii(text))).isEqualTo(hex);
  }

  /**
   * The NVM Express NVM Command Set Specification's "64b CRC Test Cases" over a 4 KiB block, as
   * reproduced in Linux lib/test_crc64.c and SPDK's crc64 unit test.
   */
  @ParameterizedTest
  @CsvSource({
    "ZEROS, 6482D367EB22B64E",
    "ONES, C0DDBA7302ECA3AC",
    "INCREMENTING, 3E729F5F6750449C",
    "DECREMENTING, 9A2DF64B8E9E517E",
  })
  void nvmeSpecificationVectors(Pattern pattern, String hex) {
    byte[] block = new byte[4096];
    for (int i = 0; i < block.length; i++) {
      block[i] =
          switch (pattern) {
            case ZEROS -> 0;
            case ONES -> (byte) 0xff;
            case INCREMENTING -> (byte) i;
            case DECREMENTING -> (byte) (0xff - (i & 0xff));
          };
    }
    assertThat(hexOf(ChecksumAlgorithm.CRC64NVME, block)).isEqualTo(hex);
  }

  enum Pattern {
    ZEROS,
    ONES,
    INCREMENTING,
    DECREMENTING
  }

  private static String hexOf(ChecksumAlgorithm alg, byte[] data) {
    return HexFormat.of().withUpperCase().formatHex(Checksums.compute(alg, data));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
