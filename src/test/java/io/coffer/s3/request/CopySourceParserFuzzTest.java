package io.coffer.s3.request;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the x-amz-copy-source header. Input: the header value. */
class CopySourceParserFuzzTest {

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void copySource(byte[] data) {
    S3Operation.CopySource source = refusedOr(() -> CopySourceParser.parse(wireText(data)));
    if (source == null) {
      return;
    }
    assertThat(source.bucket()).isNotEmpty().doesNotContain("/");
    assertThat(source.key()).isNotEmpty();
  }
}
