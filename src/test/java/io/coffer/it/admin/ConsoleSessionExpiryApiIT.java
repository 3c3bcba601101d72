package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ConsoleSessionSettings;
import io.coffer.it.support.CofferTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Console sessions end after their idle time, and after their absolute lifetime however used. */
class ConsoleSessionExpiryApiIT {
  static final Duration IDLE = Duration.ofSeconds(2);
  static final Duration MAX = Duration.ofSeconds(5);

  @RegisterExtension
  static final CofferTestServer SERVER =
      new CofferTestServer()
          .configured(c -> c.withConsoleSessions(new ConsoleSessionSettings(IDLE, MAX)));

  static final Api API = new Api(SERVER);

  @Test
  void anUnusedSessionEndsAfterItsIdleTime() throws InterruptedException {
    String token = SessionCalls.adminToken(API);
    assertThat(SessionCalls.withCookie(API, "GET", "/stats", null, token, false).status())
        .isEqualTo(200);
    Thread.sleep(IDLE.toMillis() + 1500);
    Api.Reply ended = SessionCalls.withCookie(API, "GET", "/stats", null, token, false);
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.json().get("message").asString()).contains("without use");
  }

  @Test
  void aBusySessionStaysUntilItsAbsoluteLimitAndNoLonger() throws InterruptedException {
    String token = SessionCalls.adminToken(API);
    long started = System.nanoTime();
    Api.Reply reply;
    do {
      // used every half second: never idle for long
      Thread.sleep(500);
      reply = SessionCalls.withCookie(API, "GET", "/stats", null, token, false);
    } while (reply.status() == 200 && System.nanoTime() - started < MAX.toNanos() * 3);
    Duration lasted = Duration.ofNanos(System.nanoTime() - started);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("message").asString()).contains("limit");
    // The clock ticks in whole seconds: within a second of the limit either way.
    assertThat(lasted).isBetween(MAX.minusSeconds(1), MAX.plusSeconds(2));
  }
}
