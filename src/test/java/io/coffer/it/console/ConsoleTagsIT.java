package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Tags in headless Chromium: an object's in its details dialog, a bucket's on its settings page;
 * what is saved is what S3 clients read, and S3's rules answer in the page.
 */
class ConsoleTagsIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  /** The keys of the editor's rows, in order. */
  List<String> keys(String editor) {
    return page.driver().findElements(By.cssSelector("#" + editor + " .tag-key")).stream()
        .map(e -> e.getDomProperty("value"))
        .toList();
  }

  /** Adds a row and fills it in. */
  void addTag(String editor, String key, String value) {
    int before = keys(editor).size();
    click(editor + "-add");
    page.waiting().until(d -> keys(editor).size() == before + 1);
    List<WebElement> keyInputs =
        page.driver().findElements(By.cssSelector("#" + editor + " .tag-key"));
    List<WebElement> valueInputs =
        page.driver().findElements(By.cssSelector("#" + editor + " .tag-value"));
    keyInputs.getLast().sendKeys(key);
    valueInputs.getLast().sendKeys(value);
  }

  void click(String id) {
    WebElement element = page.clickable(By.id(id));
    page.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    page.clickable(By.id(id)).click();
  }

  @Test
  void anObjectsTagsAreEditedInItsDetails() {
    SERVER.s3().createBucket(b -> b.bucket("tagged"));
    SERVER
        .s3()
        .putObject(
            b -> b.bucket("tagged").key("doc.txt").tagging("stage=draft"),
            RequestBody.fromString("text"));
    page.go("#/buckets/tagged", "tagged");
    page.waitForRow("doc.txt").findElement(By.cssSelector("button.object-name")).click();
    page.dialog();
    page.waiting().until(d -> keys("object-tags").equals(List.of("stage")));

    addTag("object-tags", "team", "red");
    click("object-tags-save");
    page.toast("tags of doc.txt were saved");
    assertThat(SERVER.s3().getObjectTagging(b -> b.bucket("tagged").key("doc.txt")).tagSet())
        .containsExactly(tag("stage", "draft"), tag("team", "red"));

    page.driver().findElements(By.cssSelector("#object-tags .tag-remove")).getFirst().click();
    click("object-tags-save");
    page.waiting().until(d -> keys("object-tags").equals(List.of("team")));
    assertThat(SERVER.s3().getObjectTagging(b -> b.bucket("tagged").key("doc.txt")).tagSet())
        .containsExactly(tag("team", "red"));
  }

  @Test
  void aBucketsTagsAreEditedOnItsSettingsPageWithS3sRules() {
    SERVER.s3().createBucket(b -> b.bucket("labelled"));
    page.go("#/buckets/labelled/settings", "labelled: settings");
    page.visible(By.id("bucket-tags-empty"));

    addTag("bucket-tags", "cost-center", "42");
    click("bucket-tags-save");
    page.toast("tags of labelled were saved");
    assertThat(SERVER.s3().getBucketTagging(b -> b.bucket("labelled")).tagSet())
        .containsExactly(tag("cost-center", "42"));

    addTag("bucket-tags", "aws:reserved", "x");
    BROWSER.expectConsoleError("400");
    click("bucket-tags-save");
    page.toast("System tags cannot be added");
    assertThat(SERVER.s3().getBucketTagging(b -> b.bucket("labelled")).tagSet())
        .containsExactly(tag("cost-center", "42"));
  }
}
