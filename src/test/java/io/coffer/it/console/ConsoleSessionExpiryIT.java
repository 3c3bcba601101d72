package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.ConsoleSessionSettings;
import io.coffer.it.support.CofferTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A console session the server ended: the console returns to sign-in and says why. */
class ConsoleSessionExpiryIT {
  static final Duration IDLE = Duration.ofSeconds(2);

  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER =
      new CofferTestServer()
          .configured(
              c -> c.withConsoleSessions(new ConsoleSessionSettings(IDLE, Duration.ofHours(1))));

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  @Test
  void anIdleSessionReturnsToSignInWithTheReason() throws InterruptedException {
    BROWSER.expectConsoleError("401");
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    // The buckets page does not refresh itself, so the session stays idle.
    page.go("#/buckets", "Buckets");
    Thread.sleep(IDLE.toMillis() + 1500);

    page.clickable(By.cssSelector("#nav a[data-section='credentials']")).click();
    assertThat(page.visible(By.id("signin-error")).getText())
        .startsWith("Signed out:")
        .contains("without use");
    assertThat(page.driver().findElement(By.id("app-view")).isDisplayed()).isFalse();
  }

  @Test
  void aReloadAfterTheSessionEndedShowsTheReasonToo() throws InterruptedException {
    BROWSER.expectConsoleError("401");
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/buckets", "Buckets");
    Thread.sleep(IDLE.toMillis() + 1500);
    page.driver().navigate().refresh();
    assertThat(page.visible(By.id("signin-error")).getText()).contains("without use");
  }
}
