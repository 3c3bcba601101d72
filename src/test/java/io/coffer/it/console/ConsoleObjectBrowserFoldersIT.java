package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The object browser's folder work: a new folder (a folder marker), a folder's deletion with
 * progress and Cancel, a folder renamed and moved to another bucket (copy, then delete) with the
 * keys that failed reported, a selection copied to another bucket, and an object renamed.
 */
class ConsoleObjectBrowserFoldersIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  ConsolePage page;
  S3Client s3;

  @BeforeEach
  void signIn() {
    s3 = SERVER.s3();
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  @Test
  void aNewFolderIsAFolderMarkerShownAsAFolder() {
    s3.createBucket(b -> b.bucket("new-folders"));
    put("new-folders", "top.txt", "top");
    page.go("#/buckets/new-folders", "new-folders");
    page.clickable(By.id("new-folder")).click();
    page.visible(By.id("folder-name")).sendKeys("reports/2026");
    page.dialogButton("Create folder");
    page.waitForNoDialog();
    page.toast("Created the folder \"reports/2026/\"");
    assertThat(page.waitForRow("reports/").getDomAttribute("data-kind")).isEqualTo("folder");
    assertThat(keys("new-folders")).containsExactly("reports/2026/", "top.txt");

    // the same name again is refused in the dialog, nothing written
    page.clickable(By.id("new-folder")).click();
    page.visible(By.id("folder-name")).sendKeys("reports/2026/");
    page.dialogButton("Create folder");
    page.waiting()
        .until(
            d -> page.dialog().getText().contains("The folder \"reports/2026/\" already exists"));
    page.dialogButton("Cancel");
    assertThat(keys("new-folders")).containsExactly("reports/2026/", "top.txt");
  }

  @Test
  void aFoldersDeletionShowsProgressAndStopsWhenCancelled() {
    s3.createBucket(b -> b.bucket("bulk"));
    int total = 2100;
    IntStream.range(0, total)
        .parallel()
        .forEach(i -> put("bulk", String.format("many/k%04d", i), "x"));
    page.go("#/buckets/bulk", "bulk");
    WebElement folder = page.waitForRow("many/");
    ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
    slow.setLatency(Duration.ofMillis(700));
    page.driver().setNetworkConditions(slow);
    String summary;
    try {
      ConsolePage.rowButton(folder, "Delete");
      page.dialogButton("Delete");
      page.waitForNoDialog();
      WebElement task = page.visible(By.cssSelector("#tasks .task"));
      // the first batch of 1000 is gone: cancel before the next ones
      page.waiting()
          .until(d -> task.findElement(By.className("task-status")).getText().contains("done"));
      task.findElement(By.className("task-cancel")).click();
      page.waiting().until(d -> task.getDomAttribute("class").contains("cancelled"));
      summary = task.findElement(By.className("task-summary")).getText();
    } finally {
      page.driver().deleteNetworkConditions();
    }
    assertThat(summary).startsWith("Cancelled after deleting ").contains("the rest is still there");
    Matcher deleted = Pattern.compile("deleting ([0-9,]+) objects").matcher(summary);
    assertThat(deleted.find()).isTrue();
    int n = Integer.parseInt(deleted.group(1).replace(",", ""));
    assertThat(n).isGreaterThan(0).isLessThan(total);
    assertThat(count("bulk")).isEqualTo(total - n);
  }

  @Test
  void aFolderIsRenamedThenMovedAndTheKeysThatFailedAreReported() {
    s3.createBucket(b -> b.bucket("moves"));
    s3.createBucket(b -> b.bucket("tight"));
    put("moves", "docs/a.txt", "aaaa");
    put("moves", "docs/b.txt", "bbbb");
    put("moves", "docs/sub/c.txt", "c is eleven"); // alone over the quota below
    put("moves", "other.txt", "keep");

    // renamed within the bucket: every key under it gets the new folder
    page.go("#/buckets/moves", "moves");
    ConsolePage.rowButton(page.waitForRow("docs/"), "Move");
    WebElement target = page.visible(By.id("transfer-target"));
    target.clear();
    target.sendKeys("archive/docs/");
    page.dialogButton("Move");
    page.waitForNoDialog();
    WebElement done = page.visible(By.cssSelector("#tasks .task.done"));
    assertThat(done.getText()).contains("Moved 3 objects.");
    assertThat(keys("moves"))
        .containsExactly(
            "archive/docs/a.txt", "archive/docs/b.txt", "archive/docs/sub/c.txt", "other.txt");

    // to a bucket whose quota takes a and b but never c: c is reported and stays
    Api api = new Api(SERVER);
    assertThat(api.put("/buckets/tight/quota", Api.json(Map.of("quota_bytes", 10))).status())
        .isEqualTo(200);
    BROWSER.expectConsoleError("403"); // the refused copy, reported in the panel
    page.go("#/buckets/moves?prefix=archive%2F", "moves");
    ConsolePage.rowButton(page.waitForRow("archive/docs/"), "Move");
    new Select(page.visible(By.id("transfer-bucket"))).selectByValue("tight");
    WebElement to = page.visible(By.id("transfer-target"));
    to.clear();
    to.sendKeys("docs/");
    page.dialogButton("Move");
    page.waitForNoDialog();
    WebElement failed = page.visible(By.cssSelector("#tasks .task.failed"));
    assertThat(failed.findElement(By.className("task-summary")).getText())
        .isEqualTo("Moved 2 objects; 1 failed.");
    assertThat(failed.findElement(By.className("task-failures")).getText())
        .contains("archive/docs/sub/c.txt: not copied:", "quota");
    assertThat(keys("tight")).containsExactly("docs/a.txt", "docs/b.txt");
    assertThat(keys("moves")).containsExactly("archive/docs/sub/c.txt", "other.txt");
    failed.findElement(By.className("task-close")).click();
    page.waiting().until(d -> d.findElements(By.cssSelector("#tasks .task.failed")).isEmpty());
  }

  @Test
  void aSelectionIsCopiedToAnotherBucketAndAnObjectRenamed() {
    s3.createBucket(b -> b.bucket("copy-from"));
    s3.createBucket(b -> b.bucket("copy-to"));
    put("copy-from", "x.txt", "ex");
    put("copy-from", "dir/y.txt", "why");
    page.go("#/buckets/copy-from", "copy-from");
    page.waitForRow("dir/").findElement(By.cssSelector("input[type=checkbox]")).click();
    page.waitForRow("x.txt").findElement(By.cssSelector("input[type=checkbox]")).click();
    page.clickable(By.id("copy-selected")).click();
    new Select(page.visible(By.id("transfer-bucket"))).selectByValue("copy-to");
    page.visible(By.id("transfer-target")).clear();
    page.dialogButton("Copy");
    page.waitForNoDialog();
    assertThat(page.visible(By.cssSelector("#tasks .task.done")).getText())
        .contains("Copied 2 objects.");
    assertThat(keys("copy-to")).containsExactly("dir/y.txt", "x.txt");
    assertThat(keys("copy-from")).containsExactly("dir/y.txt", "x.txt");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("copy-to").key("dir/y.txt")).asUtf8String())
        .isEqualTo("why");

    // an object renamed from its details
    page.go("#/buckets/copy-from", "copy-from");
    page.waitForRow("x.txt").findElement(By.cssSelector("button.object-name")).click();
    page.visible(By.id("object-details"));
    page.dialogButton("Rename or move");
    WebElement target = page.visible(By.id("transfer-target"));
    assertThat(target.getDomProperty("value")).isEqualTo("x.txt");
    target.clear();
    target.sendKeys("renamed.txt");
    page.dialogButton("Move");
    page.waitForNoDialog();
    page.waitForRow("renamed.txt");
    page.waitForNoRow("x.txt");
    assertThat(keys("copy-from")).containsExactly("dir/y.txt", "renamed.txt");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("copy-from").key("renamed.txt")).asUtf8String())
        .isEqualTo("ex");
  }

  private void put(String bucket, String key, String content) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  private List<String> keys(String bucket) {
    return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
  }

  private long count(String bucket) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count();
  }
}
