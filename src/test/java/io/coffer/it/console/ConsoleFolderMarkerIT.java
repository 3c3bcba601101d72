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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A folder marker, an empty object whose key ends in '/' (what {@code aws s3api put-object --key
 * emptyfolder/} and other consoles' "create folder" make), is shown as AWS's console shows it: as
 * the folder it names, which opens and can be deleted, never as a nameless object row.
 */
class ConsoleFolderMarkerIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final String BUCKET = "markers";

  ConsolePage page;
  S3Client s3;

  @BeforeEach
  void signIn() {
    s3 = SERVER.s3();
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  @Test
  void theConsoleShowsAFolderMarkerAsAFolderThatOpensAndDeletes() {
    s3.createBucket(b -> b.bucket(BUCKET));
    put("emptyfolder/");
    put("docs/");
    put("docs/readme.txt");
    put("top.txt");
    page.go("#/buckets/" + BUCKET, BUCKET);
    assertThat(page.waitForRow("emptyfolder/").getDomAttribute("data-kind")).isEqualTo("folder");
    assertThat(page.waitForRow("docs/").getDomAttribute("data-kind")).isEqualTo("folder");
    assertEveryRowHasAName();

    // Opened, the marker's folder is empty: the marker is the folder itself, not an entry in it.
    page.waitForRow("emptyfolder/").findElement(By.linkText("emptyfolder/")).click();
    page.waiting()
        .until(
            d ->
                page.driver()
                    .findElement(By.id("object-rows"))
                    .getText()
                    .contains("This folder is empty"));
    assertThat(page.row("emptyfolder/")).isEmpty();
    assertThat(crumbs()).containsExactly("Buckets", BUCKET, "emptyfolder");

    // Beside other objects, only those are listed.
    page.go("#/buckets/" + BUCKET + "?prefix=docs%2F", BUCKET);
    page.waitForRow("docs/readme.txt");
    assertThat(page.row("docs/")).isEmpty();
    assertThat(page.driver().findElements(By.cssSelector("#object-rows tr"))).hasSize(1);
    assertEveryRowHasAName();

    // The folder row deletes the marker, like any folder.
    page.go("#/buckets/" + BUCKET, BUCKET);
    ConsolePage.rowButton(page.waitForRow("emptyfolder/"), "Delete");
    assertThat(page.dialog().getText())
        .contains("Delete the folder \"emptyfolder/\" from " + BUCKET);
    page.dialogButton("Delete");
    page.waitForNoDialog();
    page.toast("Deleted the folder \"emptyfolder/\" (1 object)");
    page.waitForNoRow("emptyfolder/");
    assertThat(keys()).containsExactly("docs/", "docs/readme.txt", "top.txt");
  }

  @Test
  void aSelectedFolderIsDeletedWithEverythingInIt() {
    String bucket = "selected-folders";
    s3.createBucket(b -> b.bucket(bucket));
    for (String key :
        List.of("logs/", "logs/a.txt", "logs/2024/b.txt", "logsbook.txt", "keep.txt")) {
      s3.putObject(
          b -> b.bucket(bucket).key(key), RequestBody.fromString(key.endsWith("/") ? "" : key));
    }
    page.go("#/buckets/" + bucket, bucket);
    page.waitForRow("logs/").findElement(By.cssSelector("input[type=checkbox]")).click();
    page.waitForRow("logsbook.txt").findElement(By.cssSelector("input[type=checkbox]")).click();
    WebElement delete = page.clickable(By.id("delete-selected"));
    assertThat(delete.getText()).isEqualTo("Delete selected (2)");
    delete.click();
    assertThat(page.dialog().getText())
        .contains(
            "Delete the folder \"logs/\" and \"logsbook.txt\" from " + bucket,
            "Everything in the folder is deleted too");
    page.dialogButton("Delete");
    page.waitForNoDialog();
    page.toast("(4 objects)");
    page.waitForNoRow("logs/");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
        .extracting(S3Object::key)
        .containsExactly("keep.txt");
  }

  private void put(String key) {
    s3.putObject(
        b -> b.bucket(BUCKET).key(key),
        RequestBody.fromString(key.endsWith("/") ? "" : "content of " + key));
  }

  private List<String> keys() {
    return s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
  }

  private List<String> crumbs() {
    return page.driver().findElements(By.cssSelector("#breadcrumbs li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Every object or folder row has a visible, clickable name. */
  private void assertEveryRowHasAName() {
    for (WebElement row :
        page.driver().findElements(By.cssSelector("#object-rows tr[data-kind]"))) {
      WebElement name = row.findElement(By.cssSelector("td.name a, td.name button"));
      assertThat(name.getText()).as("name of row %s", row.getDomAttribute("data-key")).isNotBlank();
    }
  }
}
