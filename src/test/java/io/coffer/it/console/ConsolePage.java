package io.coffer.it.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a user sees it: sign in, move between sections, use dialogs and tables. */
final class ConsolePage {
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final ConsoleBrowser browser;
  private final ChromeDriver driver;

  ConsolePage(ConsoleBrowser browser) {
    this.browser = browser;
    this.driver = browser.driver();
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    // Views re-render: an element found a moment ago may have been replaced, so look again.
    return (WebDriverWait)
        new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class);
  }

  /** Loads the console afresh, signed out (the session cookie forgotten, as a new browser). */
  void openSignedOut() {
    driver.get(browser.consoleUrl());
    driver.manage().deleteAllCookies();
    driver.executeScript("sessionStorage.clear(); localStorage.clear()");
    // Loaded again rather than refreshed: a session still there at the first load may have moved
    // the page to another route (a user's home is #/buckets), which a refresh would keep.
    driver.get(browser.consoleUrl());
    visible(By.id("api-key"));
  }

  /** Signs in as the administrator with the management API key. */
  void signIn(String apiKey) {
    openSignedOut();
    WebElement input = visible(By.id("api-key"));
    input.sendKeys(apiKey);
    driver.findElement(By.id("signin-button")).click();
    visible(By.id("app-view"));
  }

  /** Signs in as an S3 user with an access key ID and its secret. */
  void signInAsUser(String accessKeyId, String secretAccessKey) {
    openSignedOut();
    clickable(By.id("signin-kind-user")).click();
    visible(By.id("access-key-id")).sendKeys(accessKeyId);
    driver.findElement(By.id("secret-access-key")).sendKeys(secretAccessKey);
    driver.findElement(By.id("signin-button")).click();
    visible(By.id("app-view"));
  }

  /** Goes to a console route such as "#/buckets" and waits for its heading. */
  void go(String route, String heading) {
    driver.get(browser.consoleUrl() + route);
    waiting().until(d -> headingIs(heading));
  }

  boolean headingIs(String heading) {
    List<WebElement> h1 = driver.findElements(By.cssSelector("main h1"));
    return !h1.isEmpty() && h1.get(0).getText().equals(heading);
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return waiting().until(ExpectedConditions.elementToBeClickable(by));
  }

  /** The open modal dialog. */
  WebElement dialog() {
    return visible(By.cssSelector("dialog[open]"));
  }

  /** Clicks the button of the open dialog labelled {@code label}. */
  void dialogButton(String label) {
    WebElement dialog = dialog();
    dialog.findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in the dialog"))
        .click();
  }

  void waitForNoDialog() {
    waiting().until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
  }

  /** Waits for a toast containing {@code text} and returns its text. */
  String toast(String text) {
    return waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#toasts .toast")).stream()
                    .map(WebElement::getText)
                    .filter(t -> t.contains(text))
                    .findFirst()
                    .orElse(null));
  }

  /** The table row whose data-key (object browser) or data-id (other tables) is {@code id}. */
  Optional<WebElement> row(String id) {
    for (WebElement tr : driver.findElements(By.cssSelector("main tbody tr"))) {
      if (id.equals(tr.getDomAttribute("data-key")) || id.equals(tr.getDomAttribute("data-id"))) {
        return Optional.of(tr);
      }
    }
    return Optional.empty();
  }

  WebElement waitForRow(String id) {
    return waiting().until(d -> row(id).orElse(null));
  }

  void waitForNoRow(String id) {
    waiting().until(d -> row(id).isEmpty());
  }

  /** Clicks the button in {@code row} whose text is {@code label}. */
  static void rowButton(WebElement row, String label) {
    row.findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in row " + row.getText()))
        .click();
  }

  /** The session cookie the browser holds, or null when it holds none. */
  Cookie sessionCookie() {
    return driver.manage().getCookieNamed("coffer_session");
  }
}
