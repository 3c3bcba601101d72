package io.coffer.it.console;

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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/** The console's versioning and object lock flows, in headless Chromium. */
class ConsoleVersioningIT {
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

  static void versionedBucket(String name) {
    SERVER.s3().createBucket(b -> b.bucket(name));
    assertThat(
            API.send("PUT", "/buckets/" + name + "/versioning", "{\"status\": \"Enabled\"}")
                .status())
        .isEqualTo(200);
  }

  static void put(String bucket, String key, String body) {
    SERVER.s3().putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  static List<JsonNode> versions(String bucket, String key) {
    return API.get("/buckets/" + bucket + "/objects/" + key + "/versions")
        .json()
        .get("versions")
        .valueStream()
        .toList();
  }

  /** Opens the details dialog of an object of the folder shown. */
  void openDetails(String key) {
    page.waitForRow(key).findElement(By.cssSelector("button.object-name")).click();
    page.dialog();
  }

  List<WebElement> historyRows() {
    return page.driver().findElements(By.cssSelector("#version-history tbody tr[data-version]"));
  }

  /** The version history row of the nth version, newest first. */
  WebElement historyRow(int index) {
    return page.waiting()
        .until(d -> historyRows().size() > index ? historyRows().get(index) : null);
  }

  /** Clicks a button of the topmost open dialog (a confirmation over the details). */
  void topDialogButton(String label) {
    List<WebElement> open = page.driver().findElements(By.cssSelector("dialog[open]"));
    open.getLast().findElements(By.tagName("button")).stream()
        .filter(b -> b.getText().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in the top dialog"))
        .click();
  }

  @Test
  void versioningIsToggledFromTheBucketList() {
    SERVER.s3().createBucket(b -> b.bucket("toggle-me"));
    page.go("#/buckets", "Buckets");
    assertThat(page.waitForRow("toggle-me").getText()).contains("Off");
    ConsolePage.rowButton(page.waitForRow("toggle-me"), "Enable versioning");
    page.toast("Versioning of toggle-me enabled");
    page.waiting().until(d -> page.waitForRow("toggle-me").getText().contains("Enabled"));
    assertThat(API.get("/buckets/toggle-me").json().get("versioning").asString())
        .isEqualTo("Enabled");

    ConsolePage.rowButton(page.waitForRow("toggle-me"), "Suspend versioning");
    page.waiting().until(d -> page.waitForRow("toggle-me").getText().contains("Suspended"));
    assertThat(API.get("/buckets/toggle-me").json().get("versioning").asString())
        .isEqualTo("Suspended");
  }

  @Test
  void aBucketIsCreatedWithObjectLockAndShowsIt() {
    page.go("#/buckets", "Buckets");
    page.clickable(By.id("create-bucket")).click();
    page.visible(By.id("bucket-name")).sendKeys("locked-from-console");
    page.clickable(By.id("bucket-object-lock")).click();
    page.dialogButton("Create");
    WebElement row = page.waitForRow("locked-from-console");
    page.waiting()
        .until(d -> page.waitForRow("locked-from-console").getText().contains("Object lock"));
    assertThat(row.getText()).contains("Enabled");
    // Versioning of a lock bucket stays on: no button to suspend it.
    assertThat(page.waitForRow("locked-from-console").getText()).doesNotContain("Suspend");
    JsonNode bucket = API.get("/buckets/locked-from-console").json();
    assertThat(bucket.get("object_lock").asBoolean()).isTrue();
  }

  @Test
  void twoUploadsShowTwoVersionsAndAnOldOneIsRestored() {
    versionedBucket("history");
    put("history", "notes.txt", "first");
    put("history", "notes.txt", "second");
    page.go("#/buckets/history", "history");
    openDetails("notes.txt");
    page.waiting().until(d -> historyRows().size() == 2);
    assertThat(historyRow(0).getText()).contains("Latest");
    assertThat(historyRow(1).getText()).doesNotContain("Latest");
    ConsolePage.rowButton(historyRow(1), "Restore");
    page.toast("Restored notes.txt");
    page.waiting().until(d -> historyRows().size() == 3);
    try (S3Client s3 = SERVER.client()) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("history").key("notes.txt")).asUtf8String())
          .isEqualTo("first");
    }
    assertThat(versions("history", "notes.txt")).hasSize(3);
  }

  @Test
  void theShowVersionsSwitchListsVersionsAndDeleteMarkers() {
    versionedBucket("switch");
    put("switch", "a.txt", "one");
    put("switch", "a.txt", "two");
    SERVER.s3().deleteObject(b -> b.bucket("switch").key("a.txt"));
    put("switch", "b.txt", "b");
    page.go("#/buckets/switch", "switch");
    page.waitForRow("b.txt");
    assertThat(page.row("a.txt")).isEmpty();
    page.clickable(By.id("show-versions")).click();
    page.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("tr[data-kind='version'][data-key='a.txt']")).size()
                    == 3);
    List<WebElement> rows =
        page.driver().findElements(By.cssSelector("tr[data-kind='version'][data-key='a.txt']"));
    assertThat(rows.getFirst().getText()).contains("Delete marker", "Latest");
    assertThat(rows.get(1).getText()).contains("Download", "Restore");
    // Restoring from the listing brings the key back.
    ConsolePage.rowButton(rows.get(1), "Restore");
    page.toast("Restored a.txt");
    page.waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("tr[data-kind='version'][data-key='a.txt']")).size()
                    == 4);
    page.clickable(By.id("show-versions")).click();
    page.waitForRow("a.txt");
  }

  @Test
  void aVersionIsDeletedForGood() {
    versionedBucket("prune");
    put("prune", "old.txt", "v1");
    put("prune", "old.txt", "v2");
    String oldest = versions("prune", "old.txt").get(1).get("version_id").asString();
    page.go("#/buckets/prune", "prune");
    openDetails("old.txt");
    page.waiting().until(d -> historyRows().size() == 2);
    assertThat(historyRow(1).getDomAttribute("data-version")).isEqualTo(oldest);
    ConsolePage.rowButton(historyRow(1), "Delete");
    topDialogButton("Delete version");
    page.waiting().until(d -> historyRows().size() == 1);
    assertThat(versions("prune", "old.txt"))
        .extracting(v -> v.get("version_id").asString())
        .doesNotContain(oldest)
        .hasSize(1);
  }

  @Test
  void aLegalHoldIsSetAndRemovedOnALockBucket() {
    long owner = API.get("/credentials").json().get("credentials").get(0).get("id").asLong();
    assertThat(
            API.send(
                    "POST",
                    "/buckets",
                    "{\"name\": \"vault\", \"owner_id\": " + owner + ", \"object_lock\": true}")
                .status())
        .isEqualTo(201);
    put("vault", "evidence.txt", "keep");
    page.go("#/buckets/vault", "vault");
    openDetails("evidence.txt");
    assertThat(page.dialog().getText()).contains("Legal hold", "Retention");
    ConsolePage.rowButton(historyRow(0), "Set legal hold");
    page.waiting().until(d -> historyRow(0).getText().contains("Remove legal hold"));
    assertThat(versions("vault", "evidence.txt").getFirst().get("legal_hold").asBoolean()).isTrue();

    // A held version cannot be deleted: the API's refusal is shown.
    BROWSER.expectConsoleError("409");
    ConsolePage.rowButton(historyRow(0), "Delete");
    topDialogButton("Delete version");
    WebElement error =
        page.waiting()
            .until(
                d ->
                    d.findElements(By.cssSelector("dialog[open] .form-error")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    assertThat(error.getText()).containsIgnoringCase("object lock");
    topDialogButton("Cancel");
    assertThat(versions("vault", "evidence.txt")).hasSize(1);

    ConsolePage.rowButton(historyRow(0), "Remove legal hold");
    page.waiting().until(d -> historyRow(0).getText().contains("Set legal hold"));
    assertThat(versions("vault", "evidence.txt").getFirst().get("legal_hold").asBoolean())
        .isFalse();
  }
}
