package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.RawSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A file-backed object is sent with TCP_CORK set, so that sendfile fills whole segments; the cork
 * must come off once the body is out, or every short response after it on the same connection would
 * wait the kernel's 200 ms before it is sent.
 */
class FileResponseCorkIT {
  static final String BUCKET = "corked";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);

  /** Longer than the inline threshold, and not a multiple of any segment size. */
  static final String BODY = "0123456789abcdef".repeat(80_000) + "tail";

  @Test
  void shortResponsesAfterAFileOnTheSameConnectionAreNotHeldBack() throws Exception {
    coffer.s3().putObject(b -> b.bucket(BUCKET).key("file"), RequestBody.fromString(BODY));
    RawS3 get = RawS3.request(coffer.s3Uri(), "GET", "/" + BUCKET + "/file");
    try (RawSocket connection = new RawSocket(coffer.s3Uri().getPort())) {
      connection.write(get.head(get.sign(new byte[0]), 0));
      RawSocket.Response file = connection.readResponse();
      assertThat(file.status()).isEqualTo(200);
      assertThat(file.body()).isEqualTo(BODY);

      long[] millis = new long[7];
      for (int i = 0; i < millis.length; i++) {
        long started = System.nanoTime();
        connection.write(
            "GET /coffer/health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(connection.readResponse().status()).isEqualTo(200);
        millis[i] = (System.nanoTime() - started) / 1_000_000;
      }
      Arrays.sort(millis);
      // A cork left on holds each of these for 200 ms; unheld they take a few milliseconds.
      assertThat(millis[millis.length / 2])
          .as("median of %s ms", Arrays.toString(millis))
          .isLessThan(100);
    }
  }
}
