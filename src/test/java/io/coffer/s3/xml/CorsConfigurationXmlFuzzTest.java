package io.coffer.s3.xml;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.model.CorsConfiguration;
import io.coffer.s3.response.CorsXml;
import io.coffer.service.CorsMatcher;
import io.coffer.service.CorsRules;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the PutBucketCors body parser and what follows it: S3's limits, the rendering and the
 * matcher. Input: the body. A document either is refused as the client's fault, or is stored,
 * rendered back the same and evaluated without failing.
 */
class CorsConfigurationXmlFuzzTest {
  private static final CorsConfigurationXml PARSER = new CorsConfigurationXml();

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void corsConfiguration(byte[] body) {
    CorsConfiguration parsed = refusedOr(() -> PARSER.parse(new ByteArrayInputStream(body)));
    if (parsed == null) {
      return;
    }
    assertThat(parsed.rules()).isNotEmpty();
    Boolean valid =
        refusedOr(
            () -> {
              CorsRules.validate(parsed);
              return true;
            });
    if (valid == null) {
      return;
    }
    byte[] rendered = CorsXml.corsConfiguration(parsed);
    assertThat(PARSER.parse(new ByteArrayInputStream(rendered))).isEqualTo(parsed);
    CorsMatcher.find(parsed, "https://app.example.com", "PUT", List.of("content-type"));
  }
}
