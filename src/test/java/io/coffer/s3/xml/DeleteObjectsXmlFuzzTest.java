package io.coffer.s3.xml;

import static io.coffer.fuzz.FuzzInputs.refusedOr;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Timeout;

/** Fuzzes the DeleteObjects body parser. Input: the body. */
class DeleteObjectsXmlFuzzTest {
  private static final DeleteObjectsXml PARSER = new DeleteObjectsXml();

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void deleteObjects(byte[] body) {
    DeleteObjectsRequest request = refusedOr(() -> PARSER.parse(new ByteArrayInputStream(body)));
    if (request == null) {
      return;
    }
    assertThat(request.objects()).hasSizeBetween(1, DeleteObjectsXml.MAX_OBJECTS);
    assertThat(request.objects()).allSatisfy(object -> assertThat(object.key()).isNotNull());
  }
}
