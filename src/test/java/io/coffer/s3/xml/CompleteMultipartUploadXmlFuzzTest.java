package io.coffer.s3.xml;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the CompleteMultipartUpload body parser. Input: the body. */
class CompleteMultipartUploadXmlFuzzTest {
  private static final CompleteMultipartUploadXml PARSER = new CompleteMultipartUploadXml();

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void completeMultipartUpload(byte[] body) {
    List<CompletedPart> parts = refusedOr(() -> PARSER.parse(new ByteArrayInputStream(body)));
    if (parts == null) {
      return;
    }
    assertThat(parts).isNotEmpty();
    for (CompletedPart part : parts) {
      assertThat(part.partNumber()).isPositive();
      assertThat(part.etag()).isNotNull().isEqualTo(XmlCursor.stripXmlWhitespace(part.etag()));
      assertThat(part.checksums()).doesNotContainValue(null);
    }
  }
}
