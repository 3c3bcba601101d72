package io.coffer.it.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** response-* query parameters override the headers of one GET, not the stored object. */
class ResponseOverridesIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  @Test
  void everyOverrideReplacesItsHeader() {
    try (S3Client s3 = coffer.client()) {
      s3.createBucket(b -> b.bucket("overrides"));
      s3.putObject(
          b ->
              b.bucket("overrides")
                  .key("doc")
                  .contentType("text/plain")
                  .cacheControl("no-cache")
                  .contentDisposition("inline")
                  .contentLanguage("en"),
          RequestBody.fromString("hello"));
      Instant expires = Instant.parse("2031-02-03T04:05:06Z");
      GetObjectResponse overridden =
          s3.getObjectAsBytes(
                  b ->
                      b.bucket("overrides")
                          .key("doc")
                          .responseContentType("application/x-download")
                          .responseContentDisposition("attachment; filename=\"doc name.txt\"")
                          .responseCacheControl("max-age=3600")
                          .responseContentEncoding("identity")
                          .responseContentLanguage("de-DE")
                          .responseExpires(expires))
              .response();
      assertThat(overridden.contentType()).isEqualTo("application/x-download");
      assertThat(overridden.contentDisposition())
          .isEqualTo("attachment; filename=\"doc name.txt\"");
      assertThat(overridden.cacheControl()).isEqualTo("max-age=3600");
      assertThat(overridden.contentEncoding()).isEqualTo("identity");
      assertThat(overridden.contentLanguage()).isEqualTo("de-DE");
      assertThat(overridden.expires()).isEqualTo(expires);
      assertThat(overridden.sdkHttpResponse().headers().get("Cache-Control")).hasSize(1);

      GetObjectResponse plain =
          s3.getObjectAsBytes(b -> b.bucket("overrides").key("doc")).response();
      assertThat(plain.contentType()).isEqualTo("text/plain");
      assertThat(plain.cacheControl()).isEqualTo("no-cache");
      assertThat(plain.contentDisposition()).isEqualTo("inline");
      assertThat(plain.contentLanguage()).isEqualTo("en");
      assertThat(plain.contentEncoding()).isNull();
      assertThat(plain.expires()).isNull();
    }
  }
}
