package io.coffer.it.console;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The lifecycle section of a bucket's settings page in headless Chromium: a rule written in the
 * editor is the configuration S3 answers, a rule S3 would refuse shows S3's reason, rules load back
 * into the editor, the next run's forecast is shown, and removing every rule removes the
 * configuration.
 */
class ConsoleLifecycleIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  /** Until the lifecycle worker's preview route exists, each load of the section asks for it. */
  void previewMayBeMissing(int loads) {
    if (API.get("/buckets/logs/lifecycle/preview").status() == 404) {
      for (int i = 0; i < loads; i++) {
        BROWSER.expectConsoleError("lifecycle/preview");
      }
    }
  }

  void openSettings() {
    page.go("#/buckets/logs/settings", "logs: settings");
    page.visible(By.id("lifecycle-heading"));
  }

  /** Clicks a control scrolled to the middle of the window, clear of the top bar and the toasts. */
  void click(WebElement element) {
    page.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    page.waiting().until(d -> element.isDisplayed() && element.isEnabled());
    element.click();
  }

  static WebElement input(WebElement rule, String name) {
    return rule.findElement(By.cssSelector("[data-field='" + name + "']"));
  }

  static void type(WebElement rule, String name, String text) {
    WebElement control = input(rule, name);
    control.clear();
    control.sendKeys(text);
  }

  List<WebElement> rules() {
    return page.driver().findElements(By.cssSelector("#lifecycle-rules fieldset.lifecycle-rule"));
  }

  @Test
  void aRuleWrittenInTheEditorIsTheConfigurationS3Answers() {
    SERVER.s3().createBucket(b -> b.bucket("logs"));
    for (String key : List.of("tmp/a.log", "keep/b.log")) {
      SERVER.s3().putObject(b -> b.bucket("logs").key(key), RequestBody.fromString(key));
    }
    previewMayBeMissing(4);
    openSettings();
    page.visible(By.id("lifecycle-empty"));

    click(page.clickable(By.id("lifecycle-add")));
    WebElement rule = page.waiting().until(d -> rules().size() == 1 ? rules().getFirst() : null);
    type(rule, "id", "tmp-files");
    type(rule, "prefix", "tmp/");
    type(rule, "tags", "class=debug");
    new Select(input(rule, "expiration")).selectByValue("days");
    type(rule, "expiration-days", "1");
    type(rule, "abort-days", "2");

    // S3 refuses aborting uploads by tag (an upload has none yet); the console says why
    BROWSER.expectConsoleError("lifecycle");
    click(page.clickable(By.id("lifecycle-save")));
    page.toast("AbortIncompleteMultipartUpload cannot be specified with Tags.");
    assertS3Error(
        404,
        "NoSuchLifecycleConfiguration",
        () -> SERVER.s3().getBucketLifecycleConfiguration(b -> b.bucket("logs")));

    input(rule, "tags").clear();
    click(page.clickable(By.id("lifecycle-save")));
    page.toast("The lifecycle rules of logs were saved.");
    LifecycleRule saved =
        SERVER.s3().getBucketLifecycleConfiguration(b -> b.bucket("logs")).rules().getFirst();
    assertThat(saved.id()).isEqualTo("tmp-files");
    assertThat(saved.filter().prefix()).isEqualTo("tmp/");
    assertThat(saved.expiration().days()).isEqualTo(1);
    assertThat(saved.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(2);
    assertThat(saved.noncurrentVersionExpiration()).isNull();

    // loaded back from the server into the editor
    openSettings();
    WebElement loaded = page.waiting().until(d -> rules().size() == 1 ? rules().getFirst() : null);
    assertThat(input(loaded, "id").getDomProperty("value")).isEqualTo("tmp-files");
    assertThat(input(loaded, "prefix").getDomProperty("value")).isEqualTo("tmp/");
    assertThat(input(loaded, "expiration-days").getDomProperty("value")).isEqualTo("1");
    assertThat(new Select(input(loaded, "expiration")).getFirstSelectedOption().getText())
        .isEqualTo("Expire after days");

    // what the next run will do: the worker's forecast, or why there is none
    WebElement preview = page.visible(By.id("lifecycle-preview"));
    if (API.get("/buckets/logs/lifecycle/preview").status() == 200) {
      page.waiting()
          .until(
              d ->
                  !d.findElements(By.cssSelector("#lifecycle-preview tr[data-id='tmp-files']"))
                      .isEmpty());
    } else {
      page.waiting().until(d -> preview.getText().contains("The preview is not available"));
    }

    // removing the last rule removes the configuration
    click(loaded.findElement(By.cssSelector("[data-action='remove-rule']")));
    page.visible(By.id("lifecycle-empty"));
    click(page.clickable(By.id("lifecycle-save")));
    page.toast("The lifecycle rules of logs were removed.");
    assertS3Error(
        404,
        "NoSuchLifecycleConfiguration",
        () -> SERVER.s3().getBucketLifecycleConfiguration(b -> b.bucket("logs")));
  }
}
