package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Multipart uploads page lists the uploads in progress in every bucket (not only the first
 * bucket's), page after page, with the count the dashboard shows, and aborts any of them.
 */
class ConsoleUploadsPageIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);

  @Test
  void uploadsOfEveryBucketAreListedPagedAndAborted() {
    String first;
    String last;
    List<String> bulk = new ArrayList<>();
    try (S3Client s3 = SERVER.client()) {
      for (String bucket : List.of("aaa-first", "empty-between", "mmm-bulk", "zzz-last")) {
        s3.createBucket(b -> b.bucket(bucket));
      }
      first = s3.createMultipartUpload(b -> b.bucket("aaa-first").key("a/first.iso")).uploadId();
      // more than one page of the API's 100
      for (int i = 0; i < 100; i++) {
        String key = String.format("bulk/%03d.bin", i);
        bulk.add(s3.createMultipartUpload(b -> b.bucket("mmm-bulk").key(key)).uploadId());
      }
      last = s3.createMultipartUpload(b -> b.bucket("zzz-last").key("z/last.iso")).uploadId();
    }
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/uploads", "Multipart uploads");
    WebElement firstRow = page.waitForRow(first);
    assertThat(firstRow.getText()).contains("aaa-first", "a/first.iso");
    assertThat(page.row(bulk.get(98))).isPresent();
    // the 102nd is on the next page
    assertThat(page.row(last)).isEmpty();
    assertThat(page.visible(By.id("uploads-summary")).getText()).contains("100 uploads", "more");
    page.clickable(By.id("uploads-more")).click();
    WebElement lastRow = page.waitForRow(last);
    assertThat(lastRow.getText()).contains("zzz-last", "z/last.iso");
    assertThat(page.driver().findElement(By.id("uploads-more")).isDisplayed()).isFalse();
    long counted = API.get("/stats").json().get("active_multipart_uploads").asLong();
    assertThat(counted).isEqualTo(102);
    page.waiting()
        .until(
            d ->
                d.findElement(By.id("uploads-summary"))
                    .getText()
                    .equals("102 uploads in progress."));
    assertThat(page.driver().findElements(By.cssSelector("main tbody tr"))).hasSize(102);

    // the filter narrows to one bucket
    WebElement filter = page.visible(By.cssSelector("main input.filter"));
    filter.sendKeys("zzz-last");
    page.waiting().until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 1);

    ConsolePage.rowButton(page.waitForRow(last), "Abort");
    assertThat(page.dialog().getText()).contains("z/last.iso", "zzz-last");
    page.dialogButton("Abort upload");
    page.waitForNoDialog();
    page.waitForNoRow(last);
    page.toast("Upload of z/last.iso aborted.");
    try (S3Client s3 = SERVER.client()) {
      assertThat(s3.listMultipartUploads(b -> b.bucket("zzz-last")).uploads()).isEmpty();
      assertThat(s3.listMultipartUploads(b -> b.bucket("aaa-first")).uploads()).hasSize(1);
    }
  }
}
