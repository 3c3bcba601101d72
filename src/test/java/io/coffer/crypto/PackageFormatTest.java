package io.coffer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The package format: round trips over sizes and ranges, and every kind of tampering detected. */
class PackageFormatTest {
  private static final int P = PackageFormat.PACKAGE_SIZE;

  /** A body size, a write chunk size, and a range of it. */
  record Case(int size, int chunk, int from, int count) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> sizes =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3 * P + 17),
            Arbitraries.of(0, 1, P - 1, P, P + 1, 2 * P, 3 * P - 1, 3 * P, 3 * P + 1));
    return sizes.flatMap(
        size ->
            Combinators.combine(
                    Arbitraries.integers().between(1, 2 * P + 3),
                    Arbitraries.integers().between(0, size),
                    Arbitraries.integers().between(0, size))
                .as(
                    (chunk, a, b) ->
                        new Case(size, chunk, Math.min(a, b), Math.max(a, b) - Math.min(a, b))));
  }

  @Property(tries = 200)
  void anyRangeOfAnyBodyDecryptsToThePlaintext(@ForAll("cases") Case c) throws IOException {
    byte[] key = Random32.key();
    byte[] plain = plaintext(c.size());
    byte[] stored = encryptInChunks(key, plain, c.chunk());
    assertThat(stored.length).isEqualTo(PackageFormat.storedSize(c.size()));
    assertThat(stored).isEqualTo(stored); // (and differs from the plaintext:)
    if (c.size() >= 16) {
      assertThat(indexOf(stored, Arrays.copyOf(plain, 16))).isEqualTo(-1);
    }
    byte[] range = read(key, stored, c.size(), c.from(), c.count());
    assertThat(range).isEqualTo(Arrays.copyOfRange(plain, c.from(), c.from() + c.count()));
    assertThat(DecryptingStream.decryptAll(key, stored, c.size())).isEqualTo(plain);
  }

  @Property(tries = 100)
  void aChangedByteAnywhereIsDetected(@ForAll("cases") Case c) {
    byte[] key = Random32.key();
    byte[] stored = PackageEncryptor.encrypt(key, plaintext(c.size()), 0, c.size());
    int at = new Random(c.from()).nextInt(stored.length);
    stored[at] ^= 0x01;
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, stored, c.size()))
        .isInstanceOf(TamperedDataException.class);
  }

  @Example
  void aRangeReadsOnlyThePackagesItCovers() throws IOException {
    byte[] key = Random32.key();
    byte[] plain = plaintext(5 * P);
    byte[] stored = PackageEncryptor.encrypt(key, plain, 0, plain.length);
    // package 0 and 4 destroyed: a range inside packages 2-3 still reads
    stored[(int) PackageFormat.packageOffset(0) + 5] ^= 1;
    stored[(int) PackageFormat.packageOffset(4) + 5] ^= 1;
    assertThat(read(key, stored, plain.length, 2 * P + 10, P))
        .isEqualTo(Arrays.copyOfRange(plain, 2 * P + 10, 3 * P + 10));
    assertThatThrownBy(() -> read(key, stored, plain.length, 4 * P, 1))
        .isInstanceOf(TamperedDataException.class);
  }

  @Example
  void truncationAtAPackageBoundaryIsDetected() {
    byte[] key = Random32.key();
    byte[] plain = plaintext(3 * P);
    byte[] stored = PackageEncryptor.encrypt(key, plain, 0, plain.length);
    byte[] cut = Arrays.copyOf(stored, (int) PackageFormat.packageOffset(2));
    // Read as the whole: the last package is missing.
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, cut, plain.length))
        .isInstanceOf(TamperedDataException.class);
    // Read as a shorter blob (metadata altered to match): package 1 is not marked final.
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, cut, 2 * P))
        .isInstanceOf(TamperedDataException.class);
    // Cut inside a package.
    byte[] inside = Arrays.copyOf(stored, stored.length - 1);
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, inside, plain.length))
        .isInstanceOf(TamperedDataException.class);
  }

  @Example
  void packagesSwappedOrCopiedAcrossBlobsAreDetected() {
    byte[] key = Random32.key();
    byte[] plain = plaintext(3 * P);
    byte[] stored = PackageEncryptor.encrypt(key, plain, 0, plain.length);
    byte[] swapped = stored.clone();
    int a = (int) PackageFormat.packageOffset(0);
    int b = (int) PackageFormat.packageOffset(1);
    System.arraycopy(stored, a, swapped, b, PackageFormat.SEALED_PACKAGE);
    System.arraycopy(stored, b, swapped, a, PackageFormat.SEALED_PACKAGE);
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, swapped, plain.length))
        .isInstanceOf(TamperedDataException.class);
    // The same data key, another blob (two parts of one upload): its salt gives another key.
    byte[] other = PackageEncryptor.encrypt(key, plain, 0, plain.length);
    byte[] mixed = stored.clone();
    System.arraycopy(other, b, mixed, b, PackageFormat.SEALED_PACKAGE);
    assertThatThrownBy(() -> DecryptingStream.decryptAll(key, mixed, plain.length))
        .isInstanceOf(TamperedDataException.class);
  }

  @Example
  void anotherKeyDecryptsNothing() {
    byte[] plain = plaintext(100);
    byte[] stored = PackageEncryptor.encrypt(Random32.key(), plain, 0, plain.length);
    assertThatThrownBy(() -> DecryptingStream.decryptAll(Random32.key(), stored, plain.length))
        .isInstanceOf(TamperedDataException.class);
  }

  @Example
  void anEmptyBodyIsOneAuthenticatedPackage() throws IOException {
    byte[] key = Random32.key();
    byte[] stored = PackageEncryptor.encrypt(key, new byte[0], 0, 0);
    assertThat(stored).hasSize(PackageFormat.HEADER_LENGTH + 16);
    assertThat(DecryptingStream.decryptAll(key, stored, 0)).isEmpty();
    assertThatThrownBy(
            () ->
                DecryptingStream.decryptAll(
                    key, Arrays.copyOf(stored, PackageFormat.HEADER_LENGTH), 0))
        .isInstanceOf(TamperedDataException.class);
  }

  static byte[] plaintext(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static byte[] encryptInChunks(byte[] key, byte[] plain, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackageEncryptor encryptor = new PackageEncryptor(key, out::write);
    for (int i = 0; i < plain.length; i += chunk) {
      encryptor.write(plain, i, Math.min(chunk, plain.length - i));
    }
    encryptor.finish();
    return out.toByteArray();
  }

  static byte[] read(byte[] key, byte[] stored, long plainSize, long from, long count)
      throws IOException {
    DecryptingStream.Source source =
        (target, position) -> {
          if (position >= stored.length) {
            return -1;
          }
          int n = (int) Math.min(target.remaining(), stored.length - position);
          target.put(ByteBuffer.wrap(stored, (int) position, n));
          return n;
        };
    try (DecryptingStream in = new DecryptingStream(key, source, plainSize, from, count)) {
      // odd read sizes, to cross package boundaries at every offset
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[7919];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
