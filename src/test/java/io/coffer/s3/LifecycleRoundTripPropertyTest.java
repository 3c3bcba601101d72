package io.coffer.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import io.coffer.s3.response.LifecycleXml;
import io.coffer.s3.xml.LifecycleConfigurationXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What GetBucketLifecycleConfiguration renders, PutBucketLifecycleConfiguration reads back as the
 * same configuration (so a client that saves what it read changes nothing); and whatever a document
 * holds, the parser answers with a configuration or one of its documented errors, nothing else.
 */
class LifecycleRoundTripPropertyTest {
  private static final String VALID =
      "<LifecycleConfiguration><Rule><ID>a</ID><Filter><And><Prefix>p/</Prefix><Tag><Key>k</Key>"
          + "<Value>v</Value></Tag></And></Filter><Status>Enabled</Status><Expiration><Days>3"
          + "</Days></Expiration><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>"
          + "</NoncurrentVersionExpiration></Rule><Rule><Prefix>x</Prefix><Status>Disabled"
          + "</Status><Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration></Rule>"
          + "</LifecycleConfiguration>";

  @Property(tries = 300)
  void whatIsRenderedParsesBackTheSame(@ForAll("configurations") LifecycleConfiguration sent) {
    byte[] rendered = LifecycleXml.lifecycleConfiguration(sent);
    assertThat(new LifecycleConfigurationXml().parse(new ByteArrayInputStream(rendered)))
        .isEqualTo(sent);
  }

  @Property(tries = 500)
  void mutatedDocumentsAreParsedOrRefusedWithTheirErrors(
      @ForAll @IntRange(max = 420) int at,
      @ForAll @IntRange(max = 6) int removed,
      @ForAll @Size(max = 6) byte[] inserted) {
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    int cut = Math.min(at, valid.length);
    int resume = Math.min(valid.length, cut + removed);
    byte[] mutated = new byte[cut + inserted.length + valid.length - resume];
    System.arraycopy(valid, 0, mutated, 0, cut);
    System.arraycopy(inserted, 0, mutated, cut, inserted.length);
    System.arraycopy(valid, resume, mutated, cut + inserted.length, valid.length - resume);
    Throwable thrown =
        catchThrowable(
            () -> new LifecycleConfigurationXml().parse(new ByteArrayInputStream(mutated)));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(CofferException.class);
      assertThat(((CofferException) thrown).code())
          .isIn(Set.of(ErrorCode.MALFORMED_XML, ErrorCode.INVALID_ARGUMENT));
    }
  }

  /** Text with what XML must escape, non-ASCII letters, and the empty string. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings().withChars("ab/ <>&\"'é中").ofMaxLength(8);
  }

  @Provide
  Arbitrary<LifecycleConfiguration> configurations() {
    return rules().list().ofMinSize(1).ofMaxSize(4).map(LifecycleConfiguration::new);
  }

  private Arbitrary<LifecycleRule> rules() {
    return Combinators.combine(
            text(),
            Arbitraries.of(true, false),
            filters(),
            expirations().injectNull(0.3),
            Combinators.combine(
                    Arbitraries.integers().between(-1, 1000),
                    Arbitraries.integers().between(-1, 200).injectNull(0.5))
                .as(NoncurrentVersionExpiration::new)
                .injectNull(0.5),
            Arbitraries.integers().between(-1, 1000).injectNull(0.5))
        .as(LifecycleRule::new);
  }

  private Arbitrary<LifecycleFilter> filters() {
    Arbitrary<LifecycleFilter> legacy =
        text().map(prefix -> new LifecycleFilter(prefix, Map.of(), null, null, true));
    Arbitrary<LifecycleFilter> filter =
        Combinators.combine(
                text().injectNull(0.5),
                Arbitraries.maps(text().filter(k -> !k.isEmpty()), text()).ofMaxSize(3),
                Arbitraries.longs().between(-1, Long.MAX_VALUE).injectNull(0.6),
                Arbitraries.longs().between(-1, Long.MAX_VALUE).injectNull(0.6))
            .as(
                (prefix, tags, greater, less) ->
                    new LifecycleFilter(prefix, tags, greater, less, false));
    return Arbitraries.oneOf(legacy, filter);
  }

  private Arbitrary<LifecycleExpiration> expirations() {
    return Arbitraries.oneOf(
        Arbitraries.integers()
            .between(-5, Integer.MAX_VALUE)
            .map(days -> new LifecycleExpiration(days, null, false)),
        Arbitraries.integers()
            .between(0, 40_000)
            .map(n -> new LifecycleExpiration(null, LocalDate.of(2000, 1, 1).plusDays(n), false)),
        Arbitraries.just(new LifecycleExpiration(null, null, true)));
  }
}
