package io.coffer.s3.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.HttpResponse;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.RetentionMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The versioning and object lock headers of object responses and of their errors. */
class ObjectHeadersTest {
  private static final ObjectMeta OBJECT = Golden.stored("k", 3, "e", Golden.CRC32);

  @Test
  void aVersionsLockIsAnsweredAsAwsWritesIt() {
    HttpResponse response = new HttpResponse(200);
    ObjectHeaders.write(
        response,
        OBJECT.withLock(
            new ObjectLock(
                RetentionMode.GOVERNANCE, Instant.parse("2027-01-01T00:00:00Z"), LegalHold.ON)));
    assertThat(response.headerValue("x-amz-object-lock-mode")).isEqualTo("GOVERNANCE");
    assertThat(response.headerValue("x-amz-object-lock-retain-until-date"))
        .isEqualTo("2027-01-01T00:00:00.000Z");
    assertThat(response.headerValue("x-amz-object-lock-legal-hold")).isEqualTo("ON");
  }

  @Test
  void anUnlockedVersionHasNoLockHeaders() {
    HttpResponse response = new HttpResponse(200);
    ObjectHeaders.write(response, OBJECT);
    assertThat(response.headers())
        .noneMatch(h -> h[0].toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-object-lock"));
  }

  @Test
  void theVersionIdIsSentOnlyForABucketEverVersioned() {
    HttpResponse never = new HttpResponse(200);
    ObjectHeaders.versionId(never, false, "null");
    assertThat(never.headerValue("x-amz-version-id")).isNull();
    HttpResponse versioned = new HttpResponse(200);
    ObjectHeaders.versionId(versioned, true, "null");
    assertThat(versioned.headerValue("x-amz-version-id")).isEqualTo("null");
  }

  @Test
  void anErrorCarriesItsHeadersWithAndWithoutABody() {
    CofferException marker =
        new CofferException(ErrorCode.NO_SUCH_KEY)
            .withHeader("x-amz-delete-marker", "true")
            .withHeader("x-amz-version-id", "v");
    for (boolean head : new boolean[] {false, true}) {
      HttpResponse response = S3Responses.error(marker, "/b/k", "R1", head);
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.headerValue("x-amz-delete-marker")).isEqualTo("true");
      assertThat(response.headerValue("x-amz-version-id")).isEqualTo("v");
    }
  }
}
