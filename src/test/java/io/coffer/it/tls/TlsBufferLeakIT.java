package io.coffer.it.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.config.TlsSettings;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestCertificates.KeyFormat;
import io.netty.util.ResourceLeakDetector;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Over TLS, stored files are copied into buffers for the engine instead of sent with sendfile:
 * every such buffer is released, also when the client hangs up in the middle of a download.
 */
class TlsBufferLeakIT {
  static final TlsFixture TLS = new TlsFixture("EC", KeyFormat.PKCS8);

  @RegisterExtension
  static final CofferTestServer COFFER =
      CofferTestServer.withBuckets("leaks")
          .configured(c -> c.withTls(TLS.settings(TlsSettings.Engine.AUTO)))
          .trusting(TLS.ca.trustManagers());

  private static final ListAppender<ILoggingEvent> LEAKS = new ListAppender<>();
  private static ResourceLeakDetector.Level previous;

  @BeforeAll
  static void watchForLeaks() {
    previous = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    Logger detector = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    LEAKS.start();
    detector.addAppender(LEAKS);
  }

  @AfterAll
  static void restore() throws Exception {
    ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).detachAppender(LEAKS);
    ResourceLeakDetector.setLevel(previous);
    TLS.delete();
  }

  @Test
  void downloadsCutShortReleaseTheirBuffers() throws Exception {
    byte[] data = new byte[8 * 1024 * 1024];
    new Random(7).nextBytes(data);
    COFFER.s3().putObject(b -> b.bucket("leaks").key("big"), RequestBody.fromBytes(data));
    String presigned =
        io.coffer.it.support.SdkClients.adminPresigner(COFFER.s3Uri())
            .presignGetObject(
                p ->
                    p.signatureDuration(java.time.Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("leaks").key("big")))
            .url()
            .getFile();
    for (int i = 0; i < 10; i++) {
      try (SSLSocket socket = TLS.connect(COFFER.server().s3Port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET "
                    + presigned
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + COFFER.server().s3Port()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        while (read < 256 * 1024) {
          int n = in.read(buffer);
          assertThat(n).isPositive();
          read += n;
        }
      } // hung up with most of the object unsent
    }
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(200);
      assertThat(COFFER.s3().getObjectAsBytes(b -> b.bucket("leaks").key("big")).asByteArray())
          .hasSize(data.length);
    }
    assertThat(LEAKS.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("LEAK"));
  }
}
