package io.coffer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written matchers against the JDK's: wildcards against regex, addresses against
 * InetAddress.
 */
class GlobPropertiesTest {
  @Property(tries = 2000)
  void wildcardsMatchAsTheEquivalentRegex(
      @ForAll("patterns") String pattern, @ForAll("texts") String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    assertThat(Glob.matches(pattern, text, false)).as("%s ~ %s", pattern, text).isEqualTo(expected);
  }

  @Property(tries = 500)
  void aLongHostilePatternStaysCheap(@ForAll("texts") String tail) {
    String pattern = "*a".repeat(200) + "*b";
    String text = "a".repeat(5_000) + tail.replace('b', 'a');
    long start = System.nanoTime();
    assertThat(Glob.matches(pattern, text, false)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Property(tries = 1000)
  void ipv6RangesContainWhatInetAddressSays(
      @ForAll("ipv6") byte[] address,
      @ForAll("ipv6") byte[] network,
      @ForAll("prefixes") int prefix)
      throws UnknownHostException {
    // The JDK shows an IPv4-mapped address as IPv4, which IpRange also does; the rest is IPv6.
    Assume.that(InetAddress.getByAddress(network).getAddress().length == 16);
    Assume.that(InetAddress.getByAddress(address).getAddress().length == 16);
    String addressText = InetAddress.getByAddress(address).getHostAddress();
    String networkText = InetAddress.getByAddress(network).getHostAddress();
    IpRange range = IpRange.parse(networkText + "/" + prefix);
    assertThat(range).isNotNull();
    boolean expected = true;
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      expected &= (address[bit / 8] & mask) == (network[bit / 8] & mask);
    }
    assertThat(range.contains(addressText)).isEqualTo(expected);
    assertThat(range.contains(networkText)).isTrue();
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab*?").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab*?").ofMaxLength(10);
  }

  @Provide
  Arbitrary<byte[]> ipv6() {
    // Few distinct bytes, so that addresses share prefixes and "::" compression shows up.
    return Arbitraries.of((byte) 0, (byte) 0, (byte) 1, (byte) 0xdb, (byte) 0xff)
        .array(byte[].class)
        .ofSize(16);
  }

  @Provide
  Arbitrary<Integer> prefixes() {
    return Arbitraries.integers().between(0, 128);
  }
}
