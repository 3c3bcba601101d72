package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.StreamingUpload;
import io.netty.util.ResourceLeakDetector;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Regression: a request refused in the middle of its body (a tampered chunk signature) left the
 * unread rest of its body buffered forever when the whole body had already arrived. Netty's leak
 * detector, at its strictest, reports every buffer collected without being released.
 */
class BufferLeakIT {
  @RegisterExtension static final CofferTestServer SERVER = CofferTestServer.withBuckets("leaks");
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
  static void restore() {
    ((Logger) LoggerFactory.getLogger(ResourceLeakDetector.class)).detachAppender(LEAKS);
    ResourceLeakDetector.setLevel(previous);
  }

  @Test
  void bodiesRefusedHalfWayAreReleased() throws Exception {
    byte[] data = new byte[4 * StreamingUpload.CHUNK];
    new Random(1).nextBytes(data);
    UnaryOperator<byte[]> tamperSecondChunk =
        body -> StreamingUpload.flipAfter(body, "chunk-signature=", 2);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refused =
          StreamingUpload.put(
              SERVER.s3Uri(),
              "/leaks/k" + i,
              "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
              data,
              null,
              tamperSecondChunk);
      assertThat(refused.statusCode()).isEqualTo(403);
    }
    // The detector reports when a tracked buffer is created after the leaked one was collected.
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      StreamingUpload.put(
          SERVER.s3Uri(),
          "/leaks/after" + i,
          "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
          data,
          null,
          b -> b);
    }
    assertThat(LEAKS.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("LEAK"));
  }
}
