package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Signing in and out of the console with the management API key (a cookie session). */
class ConsoleSignInIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  ConsolePage page;

  @BeforeEach
  void open() {
    page = new ConsolePage(BROWSER);
    page.openSignedOut();
  }

  @Test
  void aWrongKeyShowsAClearMessageAndStaysSignedOut() {
    BROWSER.expectConsoleError("401");
    page.visible(By.id("api-key")).sendKeys("not-the-key");
    page.driver().findElement(By.id("signin-button")).click();

    WebElement error = page.visible(By.id("signin-error"));
    assertThat(error.getText()).contains("That API key is not valid");
    assertThat(page.driver().findElement(By.id("app-view")).isDisplayed()).isFalse();
    assertThat(page.sessionCookie()).isNull();
  }

  @Test
  void anEmptyKeyIsRefusedWithoutAsking() {
    page.driver().findElement(By.id("signin-button")).click();
    assertThat(page.visible(By.id("signin-error")).getText())
        .isEqualTo("Enter the management API key.");
  }

  @Test
  void signingInWithTheKeyOpensTheDashboardAndSurvivesAReload() {
    page.signIn(CofferTestServer.API_KEY);
    page.waiting().until(d -> page.headingIs("Dashboard"));
    // The key was sent once: the page keeps it nowhere, an HttpOnly cookie is the session.
    Cookie cookie = page.sessionCookie();
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getValue())
        .hasSizeGreaterThanOrEqualTo(43)
        .doesNotContain(CofferTestServer.API_KEY);
    String stored =
        (String)
            page.driver()
                .executeScript(
                    "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
                        + " + document.cookie + document.getElementById('api-key').value");
    assertThat(stored).doesNotContain(CofferTestServer.API_KEY).doesNotContain(cookie.getValue());

    page.driver().navigate().refresh();
    page.waiting().until(d -> page.headingIs("Dashboard"));
    assertThat(page.driver().findElement(By.id("signin-view")).isDisplayed()).isFalse();
  }

  @Test
  void signingOutRevokesTheSessionOnTheServer() throws Exception {
    page.signIn(CofferTestServer.API_KEY);
    page.waiting().until(d -> page.headingIs("Dashboard"));
    String token = page.sessionCookie().getValue();
    assertThat(statsWithCookie(token)).isEqualTo(200);
    page.clickable(By.id("signout-button")).click();

    page.visible(By.id("api-key"));
    assertThat(page.sessionCookie()).isNull();
    // The token a copy of the cookie would hold is worth nothing now.
    assertThat(statsWithCookie(token)).isEqualTo(401);
    page.driver().navigate().refresh();
    assertThat(page.visible(By.id("api-key")).isDisplayed()).isTrue();
  }

  private static int statsWithCookie(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(SERVER.apiUri().resolve("/api/v1/stats"))
                .header("Cookie", "coffer_session=" + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theKeyboardAloneSignsIn() {
    WebElement input = page.visible(By.id("api-key"));
    assertThat(page.driver().switchTo().activeElement()).isEqualTo(input);
    input.sendKeys(CofferTestServer.API_KEY, Keys.ENTER);
    page.waiting().until(d -> page.headingIs("Dashboard"));
    // Tab from the page start reaches the skip link, then the brand and the navigation.
    page.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(page.driver().switchTo().activeElement().getText()).isNotBlank();
  }
}
