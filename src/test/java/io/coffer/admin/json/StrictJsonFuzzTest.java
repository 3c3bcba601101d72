package io.coffer.admin.json;

import static io.coffer.fuzz.FuzzInputs.afterFirstLine;
import static io.coffer.fuzz.FuzzInputs.lines;
import static io.coffer.fuzz.FuzzInputs.wireText;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.admin.api.body.BucketBodies;
import io.coffer.admin.api.body.CredentialBodies;
import io.coffer.admin.api.body.GroupBodies;
import io.coffer.admin.api.body.ObjectBodies;
import io.coffer.admin.api.body.PolicyBodies;
import io.coffer.admin.api.body.PresignedUrlBodies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the management API's JSON binding into each request body it accepts. Input: the body's
 * name on the first line (a key of {@link #BODIES}), then the JSON. A body is either refused with
 * {@link InvalidJsonException} (a 400) or bound to a value that survives writing and reading back.
 */
class StrictJsonFuzzTest {
  private static final Map<String, Class<?>> BODIES =
      Map.of(
          "bucket-create", BucketBodies.CreateRequest.class,
          "credential-create", CredentialBodies.CreateRequest.class,
          "credential-update", CredentialBodies.UpdateRequest.class,
          "objects-delete", ObjectBodies.DeleteRequest.class,
          "presigned-url-create", PresignedUrlBodies.CreateRequest.class,
          "policy-create", PolicyBodies.CreateRequest.class,
          "policy-update", PolicyBodies.UpdateRequest.class,
          "group-create", GroupBodies.CreateRequest.class,
          "group-update", GroupBodies.UpdateRequest.class,
          "credential-policies", GroupBodies.AttachRequest.class);

  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest
  void bindRequestBody(byte[] data) throws IOException {
    Class<?> type = BODIES.get(lines(wireText(data)).get(0).trim());
    if (type == null) {
      return;
    }
    Object body;
    try {
      body = StrictJson.read(new ByteArrayInputStream(afterFirstLine(data)), type);
    } catch (InvalidJsonException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(body).isInstanceOf(type);
    assertThat(StrictJson.read(new ByteArrayInputStream(StrictJson.write(body)), type))
        .isEqualTo(body);
  }
}
