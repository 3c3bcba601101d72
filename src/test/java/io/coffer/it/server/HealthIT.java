package io.coffer.it.server;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Health checks need no credentials, which is why {@code coffer} is not a bucket name. */
class HealthIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  @Test
  void livenessAndReadinessAnswer200WithoutCredentials() throws Exception {
    for (String check : new String[] {"live", "ready"}) {
      HttpResponse<String> response =
          RawS3.sendUrl("GET", coffer.s3Uri() + "/coffer/health/" + check, new byte[0]);
      assertThat(response.statusCode()).as(check).isEqualTo(200);
      assertThat(response.headers().firstValue("x-amz-request-id")).as(check).isPresent();
    }
  }

  @Test
  void anUnknownHealthPathIsAnS3ErrorNotASuccess() throws Exception {
    HttpResponse<String> response =
        RawS3.sendUrl("GET", coffer.s3Uri() + "/coffer/health/other", new byte[0]);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<Error>");
  }

  @Test
  void cofferIsAReservedBucketName() {
    try (S3Client s3 = coffer.client()) {
      assertS3Error(400, "InvalidBucketName", () -> s3.createBucket(b -> b.bucket("coffer")));
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }
}
