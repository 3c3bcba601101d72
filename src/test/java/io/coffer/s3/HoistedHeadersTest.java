package io.coffer.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.http.Headers;
import io.coffer.http.Query;
import io.coffer.s3.request.RequestUri;
import org.junit.jupiter.api.Test;

/** A presigned URL's x-amz-* query parameters stand for headers; other requests' do not. */
class HoistedHeadersTest {
  @Test
  void aPresignedUrlsXAmzParametersAreHeadersButItsSignatureIsNot() {
    Query query =
        RequestUri.parseQuery(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb&X-Amz-Signature=00"
                + "&x-amz-acl=public-read&X-Amz-Storage-Class=GLACIER&prefix=p");
    Headers asked = HoistedHeaders.of(Headers.of("x-amz-storage-class", "STANDARD"), query);
    assertThat(asked.get("X-Amz-Acl")).isEqualTo("public-read");
    assertThat(asked.get("x-amz-storage-class")).as("a header sent wins").isEqualTo("STANDARD");
    assertThat(asked.get("x-amz-signature")).isNull();
    assertThat(asked.get("prefix")).as("only x-amz-* parameters").isNull();
  }

  @Test
  void aRequestThatIsNotPresignedKeepsItsHeaders() {
    Query query = RequestUri.parseQuery("x-amz-acl=public-read");
    Headers sent = Headers.of("content-type", "text/plain");
    assertThat(HoistedHeaders.of(sent, query)).isSameAs(sent);
  }
}
