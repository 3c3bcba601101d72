package io.coffer.s3.xml;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the CreateBucketConfiguration body parser. Input: the body. */
class CreateBucketConfigurationXmlFuzzTest {
  private static final CreateBucketConfigurationXml PARSER = new CreateBucketConfigurationXml();

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void createBucketConfiguration(byte[] body) {
    Optional<String> location = refusedOr(() -> PARSER.parse(new ByteArrayInputStream(body)));
    if (location == null || location.isEmpty()) {
      return;
    }
    assertThat(location.get()).isNotEmpty().isEqualTo(XmlCursor.stripXmlWhitespace(location.get()));
  }
}
