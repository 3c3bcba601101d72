package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The console's management pages beyond the main flow: refusals, paging, folders, cancel, refresh.
 */
class ConsoleManagementIT {
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

  @Test
  void aBucketThatIsNotEmptyIsRefusedWithTheApisMessage() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("keep-me"));
      s3.putObject(b -> b.bucket("keep-me").key("a.txt"), RequestBody.fromString("a"));
      BROWSER.expectConsoleError("409");
      page.go("#/buckets", "Buckets");
      ConsolePage.rowButton(page.waitForRow("keep-me"), "Delete");
      page.dialogButton("Delete bucket");
      WebElement error = page.visible(By.cssSelector("dialog[open] .form-error"));
      assertThat(error.getText()).containsIgnoringCase("not empty");
      page.dialogButton("Cancel");
      assertThat(s3.headBucket(b -> b.bucket("keep-me")).sdkHttpResponse().isSuccessful()).isTrue();

      s3.deleteObject(b -> b.bucket("keep-me").key("a.txt"));
      ConsolePage.rowButton(page.waitForRow("keep-me"), "Delete");
      page.dialogButton("Delete bucket");
      page.waitForNoRow("keep-me");
      assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("keep-me"));
    }
  }

  @Test
  void bucketsSortAndFilter() {
    try (S3Client s3 = SERVER.client()) {
      for (String name : List.of("sort-b", "sort-a", "sort-c")) {
        s3.createBucket(b -> b.bucket(name));
      }
      s3.putObject(b -> b.bucket("sort-c").key("big"), RequestBody.fromBytes(new byte[5000]));
    }
    page.go("#/buckets", "Buckets");
    page.waitForRow("sort-c");
    page.driver().findElement(By.cssSelector("input.filter")).sendKeys("sort-");
    assertThat(rowIds()).containsExactly("sort-a", "sort-b", "sort-c");
    page.driver().findElement(By.xpath("//th/button[text()='Name']")).click();
    assertThat(rowIds()).containsExactly("sort-c", "sort-b", "sort-a");
    page.driver().findElement(By.xpath("//th/button[text()='Size']")).click();
    page.driver().findElement(By.xpath("//th/button[text()='Size']")).click();
    assertThat(rowIds().getFirst()).isEqualTo("sort-c");
    page.driver().findElement(By.cssSelector("input.filter")).sendKeys("b");
    assertThat(rowIds()).containsExactly("sort-b");
  }

  @Test
  void aCredentialCanBeRenamedDeactivatedAndDeleted() {
    page.go("#/credentials", "Credentials");
    page.clickable(By.id("create-credential")).click();
    page.visible(By.id("credential-user")).sendKeys("bob");
    page.visible(By.id("credential-access")).sendKeys("BOBACCESSKEY00000001");
    page.visible(By.id("credential-secret")).sendKeys("bob-secret-key-0123456789");
    page.dialogButton("Create");
    page.visible(By.id("new-secret-key"));
    page.dialogButton("I have saved the secret key");

    ConsolePage.rowButton(page.waitForRow("BOBACCESSKEY00000001"), "Rename");
    WebElement name = page.visible(By.id("rename-user"));
    name.clear();
    name.sendKeys("robert");
    page.dialogButton("Save");
    page.waiting().until(d -> page.waitForRow("BOBACCESSKEY00000001").getText().contains("robert"));

    try (S3Client bob = SERVER.client("BOBACCESSKEY00000001", "bob-secret-key-0123456789")) {
      bob.listBuckets();
      ConsolePage.rowButton(page.waitForRow("BOBACCESSKEY00000001"), "Deactivate");
      page.waiting()
          .until(d -> page.waitForRow("BOBACCESSKEY00000001").getText().contains("Inactive"));
      assertThat(statusOf(bob)).isEqualTo(403);
      ConsolePage.rowButton(page.waitForRow("BOBACCESSKEY00000001"), "Activate");
      page.waiting()
          .until(d -> page.waitForRow("BOBACCESSKEY00000001").getText().contains("Active"));
      assertThat(bob.listBuckets().buckets()).isEmpty();
    }

    ConsolePage.rowButton(page.waitForRow("BOBACCESSKEY00000001"), "Delete");
    page.dialogButton("Delete credential");
    page.waitForNoRow("BOBACCESSKEY00000001");
  }

  @Test
  void aHugeFolderIsListedAPageAtATime() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("many"));
      for (int i = 0; i < 230; i++) {
        String key = String.format("logs/%04d.log", i);
        s3.putObject(b -> b.bucket("many").key(key), RequestBody.fromString("x"));
      }
    }
    page.go("#/buckets/many?prefix=logs%2F", "many");
    page.waitForRow("logs/0000.log");
    assertThat(objectRows()).hasSize(200);
    assertThat(page.visible(By.id("listing-summary")).getText())
        .contains("200 entries shown; more to load");
    page.clickable(By.id("load-more")).click();
    page.waitForRow("logs/0229.log");
    assertThat(objectRows()).hasSize(230);
    assertThat(page.driver().findElement(By.id("load-more")).isDisplayed()).isFalse();

    page.driver().findElement(By.id("prefix-search")).sendKeys("012");
    page.waiting().until(d -> objectRows().size() == 10);
    assertThat(page.row("logs/0120.log")).isPresent();
  }

  @Test
  void foldersUploadWithTheirRelativePathsAndDroppedFilesLandInTheCurrentFolder() throws Exception {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("albums"));
      Path album = Files.createDirectories(Path.of("target", "console-uploads", "summer"));
      Files.writeString(album.resolve("beach.txt"), "sand");
      Files.createDirectories(album.resolve("night"));
      Files.writeString(album.resolve("night").resolve("stars.txt"), "sky");

      page.go("#/buckets/albums", "albums");
      page.driver().findElement(By.id("folder-picker")).sendKeys(album.toAbsolutePath().toString());
      page.waitForRow("summer/");
      waitForUploaded("summer/night/stars.txt");
      assertThat(
              s3.getObjectAsBytes(b -> b.bucket("albums").key("summer/beach.txt")).asUtf8String())
          .isEqualTo("sand");
      assertThat(
              s3.getObjectAsBytes(b -> b.bucket("albums").key("summer/night/stars.txt"))
                  .asUtf8String())
          .isEqualTo("sky");

      page.go("#/buckets/albums?prefix=summer%2F", "albums");
      page.waitForRow("summer/beach.txt");
      page.driver()
          .executeScript(
              "const dt = new DataTransfer();dt.items.add(new File(['dropped bytes'],"
                  + " 'dropped.txt', {type:"
                  + " 'text/plain'}));document.getElementById('drop-zone').dispatchEvent(new"
                  + " DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
      waitForUploaded("summer/dropped.txt");
      page.waitForRow("summer/dropped.txt");
      assertThat(
              s3.getObjectAsBytes(b -> b.bucket("albums").key("summer/dropped.txt")).asUtf8String())
          .isEqualTo("dropped bytes");
    }
  }

  @Test
  void anUploadCanBeCancelledMidway() throws Exception {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("cancel"));
      Path file = Files.createDirectories(Path.of("target", "console-uploads")).resolve("slow.bin");
      Files.write(file, new byte[4 * 1024 * 1024]);
      page.go("#/buckets/cancel", "cancel");
      ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
      slow.setUploadThroughput(256 * 1024);
      slow.setDownloadThroughput(10 * 1024 * 1024);
      page.driver().setNetworkConditions(slow);
      try {
        page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
        WebElement item = page.visible(By.cssSelector("#upload-panel li[data-key='slow.bin']"));
        WebElement bar = item.findElement(By.tagName("progress"));
        page.waiting().until(d -> Double.parseDouble(bar.getDomProperty("value")) > 0);
        item.findElement(By.xpath(".//button[text()='Cancel']")).click();
        page.waiting().until(d -> "cancelled".equals(item.getDomAttribute("data-state")));
        assertThat(item.getText()).contains("Cancelled");
        assertThat(Double.parseDouble(bar.getDomProperty("value"))).isLessThan(4 * 1024 * 1024);
      } finally {
        page.driver().deleteNetworkConditions();
      }
      assertThat(s3.listObjectsV2(b -> b.bucket("cancel")).contents()).isEmpty();
    }
  }

  @Test
  void theDashboardRefreshesWithoutReloadingThePage() {
    page.go("#/", "Dashboard");
    page.driver().executeScript("window.sameDocument = true");
    String before = page.visible(By.cssSelector("[data-stat='objects'] .stat-value")).getText();
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("refresh"));
      s3.putObject(b -> b.bucket("refresh").key("new"), RequestBody.fromString("new"));
    }
    page.waiting()
        .until(
            d ->
                !d.findElement(By.cssSelector("[data-stat='objects'] .stat-value"))
                    .getText()
                    .equals(before));
    assertThat(page.driver().executeScript("return window.sameDocument")).isEqualTo(true);
    assertThat(page.driver().executeScript("return Chart.getChart('bucket-chart').data.labels"))
        .asList()
        .contains("refresh");
  }

  private void waitForUploaded(String key) {
    page.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#upload-panel li")).stream()
                    .anyMatch(
                        li ->
                            key.equals(li.getDomAttribute("data-key"))
                                && "done".equals(li.getDomAttribute("data-state"))));
  }

  private List<String> rowIds() {
    return page.driver().findElements(By.cssSelector("main tbody tr")).stream()
        .map(r -> r.getDomAttribute("data-id"))
        .toList();
  }

  private List<WebElement> objectRows() {
    return page.driver().findElements(By.cssSelector("tr[data-kind='object']"));
  }

  private static int statusOf(S3Client client) {
    try {
      client.listBuckets();
      return 200;
    } catch (S3Exception e) {
      return e.statusCode();
    }
  }
}
