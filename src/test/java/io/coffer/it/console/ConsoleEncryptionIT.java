package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.config.EncryptionSettings;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Encryption in the console, in headless Chromium: a bucket's default encryption on its settings
 * page, the KMS keys page, and an object's encryption in its details.
 */
class ConsoleEncryptionIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER =
      CofferTestServer.withBuckets("enc-console", "enc-objects")
          .configured(c -> c.withEncryption(new EncryptionSettings(true, null)));

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

  private String current() {
    return page.visible(By.id("encryption-current")).getText();
  }

  private void openSettings(String bucket) {
    page.go("#/buckets/" + bucket + "/settings", bucket + ": settings");
    page.visible(By.id("encryption-current"));
  }

  private Select algorithm() {
    return new Select(page.visible(By.id("encryption-algorithm")));
  }

  private ServerSideEncryptionRule s3Rule(String bucket) {
    return SERVER
        .s3()
        .getBucketEncryption(b -> b.bucket(bucket))
        .serverSideEncryptionConfiguration()
        .rules()
        .get(0);
  }

  private void createKeyOnTheKeysPage(String name) {
    page.go("#/kms-keys", "KMS keys");
    page.clickable(By.id("create-kms-key")).click();
    page.visible(By.id("kms-key-name")).sendKeys(name);
    page.dialogButton("Create");
    page.toast("KMS key " + name + " created.");
    page.waitForRow(name);
  }

  private String status(String key) {
    return page.waitForRow(key).findElements(By.tagName("td")).get(1).getText();
  }

  /** The details dialog's value for {@code field}. */
  private String detail(String field) {
    WebElement details = page.visible(By.id("object-details"));
    return details.findElement(By.cssSelector("dd[data-field='" + field + "']")).getText();
  }

  @Test
  void sseS3IsSetAsTheDefaultAndRemoved() {
    openSettings("enc-console");
    page.waiting().until(d -> current().startsWith("None"));
    assertThat(page.driver().findElement(By.id("encryption-kms-key")).isDisplayed()).isFalse();

    algorithm().selectByValue("AES256");
    page.clickable(By.id("encryption-save")).click();
    page.toast("The default encryption of enc-console was saved.");
    page.waiting().until(d -> current().startsWith("SSE-S3"));
    assertThat(API.get("/buckets/enc-console/encryption").json().path("algorithm").asString())
        .isEqualTo("AES256");
    assertThat(s3Rule("enc-console").applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AES256);

    // Reopened, the page shows the rule in force.
    openSettings("enc-console");
    page.waiting().until(d -> current().startsWith("SSE-S3"));
    assertThat(algorithm().getFirstSelectedOption().getDomProperty("value")).isEqualTo("AES256");

    algorithm().selectByValue("");
    page.clickable(By.id("encryption-save")).click();
    page.toast("enc-console has no default encryption now.");
    page.waiting().until(d -> current().startsWith("None"));
    assertThat(API.get("/buckets/enc-console/encryption").json().path("algorithm").isNull())
        .isTrue();
  }

  @Test
  void aKeyCreatedOnTheKeysPageIsTheBucketsDefaultAndDisabledKeysAreNotOffered() {
    createKeyOnTheKeysPage("console-key");
    assertThat(status("console-key")).isEqualTo("Enabled");
    createKeyOnTheKeysPage("retired-key");
    ConsolePage.rowButton(page.waitForRow("retired-key"), "Disable");
    page.dialogButton("Disable key");
    page.toast("KMS key retired-key disabled.");
    page.waiting().until(d -> status("retired-key").equals("Disabled"));

    openSettings("enc-console");
    algorithm().selectByValue("aws:kms");
    Select key = new Select(page.visible(By.id("encryption-kms-key")));
    page.waiting().until(d -> key.getOptions().size() > 1);
    List<String> offered = key.getOptions().stream().map(o -> o.getDomProperty("value")).toList();
    assertThat(offered).contains("", "console-key").doesNotContain("retired-key");
    key.selectByValue("console-key");
    page.clickable(By.id("encryption-bucket-key")).click();
    page.clickable(By.id("encryption-save")).click();
    page.toast("The default encryption of enc-console was saved.");
    page.waiting().until(d -> current().contains("console-key"));

    ServerSideEncryptionRule rule = s3Rule("enc-console");
    assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).endsWith("console-key");
    assertThat(rule.bucketKeyEnabled()).isTrue();

    // A write without headers gets the default, and its details say so.
    SERVER
        .s3()
        .putObject(
            b -> b.bucket("enc-console").key("report.txt"), RequestBody.fromString("quarterly"));
    page.go("#/buckets/enc-console", "enc-console");
    page.waitForRow("report.txt").findElement(By.cssSelector("button.object-name")).click();
    assertThat(detail("Encryption"))
        .isEqualTo("SSE-KMS (aws:kms) with key console-key, bucket key enabled");
    page.dialogButton("Close");

    // Enabled again, the key is offered again.
    page.go("#/kms-keys", "KMS keys");
    ConsolePage.rowButton(page.waitForRow("retired-key"), "Enable");
    page.toast("KMS key retired-key enabled.");
    page.waiting().until(d -> status("retired-key").equals("Enabled"));
    assertThat(API.get("/kms/keys").json().path("keys").toString()).contains("retired-key");
  }

  @Test
  void anObjectsDetailsShowItsEncryptionAndAnSseCObjectHasNoDownload() throws Exception {
    SERVER
        .s3()
        .putObject(
            b ->
                b.bucket("enc-objects")
                    .key("s3.txt")
                    .serverSideEncryption(ServerSideEncryption.AES256),
            RequestBody.fromString("server keys"));
    byte[] customerKey = new byte[32];
    java.util.Arrays.fill(customerKey, (byte) 7);
    String md5 =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(customerKey));
    SERVER
        .s3()
        .putObject(
            b ->
                b.bucket("enc-objects")
                    .key("customer.txt")
                    .sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(Base64.getEncoder().encodeToString(customerKey))
                    .sseCustomerKeyMD5(md5),
            RequestBody.fromString("my key only"));
    SERVER
        .s3()
        .putObject(b -> b.bucket("enc-objects").key("plain.txt"), RequestBody.fromString("clear"));

    page.go("#/buckets/enc-objects", "enc-objects");
    page.waitForRow("s3.txt").findElement(By.cssSelector("button.object-name")).click();
    assertThat(detail("Encryption")).isEqualTo("SSE-S3 (AES256, key managed by Coffer)");
    page.dialogButton("Close");
    page.waitForNoDialog();

    page.waitForRow("plain.txt").findElement(By.cssSelector("button.object-name")).click();
    assertThat(detail("Encryption")).isEqualTo("None (stored unencrypted)");
    page.dialogButton("Close");
    page.waitForNoDialog();

    page.waitForRow("customer.txt").findElement(By.cssSelector("button.object-name")).click();
    assertThat(detail("Encryption")).startsWith("SSE-C");
    assertThat(page.dialog().findElements(By.cssSelector("button[data-action='Download']")))
        .isEmpty();
    page.dialogButton("Close");

    // the API says why, and the SSE-S3 object downloads decrypted
    Api.Reply refused = API.get("/buckets/enc-objects/download/customer.txt");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asString()).isEqualTo("customer_key_required");
    Api.Reply downloaded = API.get("/buckets/enc-objects/download/s3.txt");
    assertThat(downloaded.status()).isEqualTo(200);
    assertThat(downloaded.http().body().getBytes(StandardCharsets.UTF_8))
        .isEqualTo("server keys".getBytes(StandardCharsets.UTF_8));
  }
}
