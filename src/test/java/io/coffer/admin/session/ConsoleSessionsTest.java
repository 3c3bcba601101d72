package io.coffer.admin.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ConsoleSessionSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final HandClock clock = new HandClock();
  final ConsoleSessions sessions =
      new ConsoleSessions(
          new ConsoleSessionSettings(Duration.ofMinutes(30), Duration.ofHours(12)), clock);

  @Test
  void tokensAreLongRandomAndNeverTheKeyOfTheMap() {
    ConsoleSessions.Opened a = sessions.openAdmin();
    ConsoleSessions.Opened b = sessions.openAdmin();
    assertThat(a.token()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b.token());
    assertThat(sessions.use(a.token())).isInstanceOf(ConsoleSessions.Live.class);
    assertThat(sessions.use(a.token() + "x")).isInstanceOf(ConsoleSessions.Ended.class);
  }

  @Test
  void useMovesTheIdleExpiryAndAnIdleSessionEnds() {
    String token = sessions.openAdmin().token();
    clock.advance(Duration.ofMinutes(29));
    ConsoleSessions.Live live = (ConsoleSessions.Live) sessions.use(token);
    assertThat(live.idleExpiresAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.use(token)).isInstanceOf(ConsoleSessions.Live.class);
    clock.advance(Duration.ofMinutes(30));
    assertThat(sessions.use(token))
        .isEqualTo(
            new ConsoleSessions.Ended(
                "Your session expired after 30 minutes without use; sign in again."));
    // reported once, then forgotten
    assertThat(((ConsoleSessions.Ended) sessions.use(token)).reason()).contains("not signed in");
  }

  @Test
  void aBusySessionEndsAtItsAbsoluteLimit() {
    String token = sessions.openUser("AKEXAMPLE", "secret", "dana").token();
    for (int i = 0; i < 12 * 4 - 1; i++) {
      clock.advance(Duration.ofMinutes(15));
      assertThat(sessions.use(token))
          .as("after %d quarter hours", i + 1)
          .isInstanceOf(ConsoleSessions.Live.class);
    }
    clock.advance(Duration.ofMinutes(15));
    assertThat(((ConsoleSessions.Ended) sessions.use(token)).reason())
        .isEqualTo("Your session reached its limit of 12 hours; sign in again.");
  }

  @Test
  void revokedSessionsEndAndEndedOnesAreClearedBySignIns() {
    String token = sessions.openAdmin().token();
    sessions.revoke(token);
    assertThat(sessions.use(token)).isInstanceOf(ConsoleSessions.Ended.class);
    sessions.openAdmin();
    clock.advance(Duration.ofHours(1));
    sessions.openAdmin();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void aUsersSessionHoldsNoSecret() {
    ConsoleSession session = sessions.openUser("AKEXAMPLE", "the-secret", "dana").session();
    assertThat(session.secretDigest()).isEqualTo(ConsoleSessions.digest("the-secret"));
    assertThat(session.toString())
        .doesNotContain("the-secret")
        .doesNotContain(session.secretDigest());
  }
}
