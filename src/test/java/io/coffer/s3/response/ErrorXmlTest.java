package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorXmlTest {
  @Test
  void errorWithItsFieldsResourceAndRequestId() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ArgumentName", "max-keys");
    fields.put("ArgumentValue", "x");
    assertThat(text(ErrorXml.error("InvalidArgument", "Bad <value>", fields, "/b", "R1")))
        .isEqualTo(
            document(
                "<Error><Code>InvalidArgument</Code><Message>Bad &lt;value&gt;</Message>",
                "<ArgumentName>max-keys</ArgumentName><ArgumentValue>x</ArgumentValue>",
                "<Resource>/b</Resource><RequestId>R1</RequestId></Error>"));
  }

  @Test
  void errorWithoutResource() {
    assertThat(text(ErrorXml.error("InvalidRequest", "m", Map.of(), null, "R2")))
        .isEqualTo(
            document(
                "<Error><Code>InvalidRequest</Code><Message>m</Message>",
                "<RequestId>R2</RequestId></Error>"));
  }
}
