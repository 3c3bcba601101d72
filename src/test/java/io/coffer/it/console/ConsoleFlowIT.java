package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The console end to end, as a person uses it: each step builds on the one before, and each is
 * checked against the server through a separate client (the AWS SDK, or plain HTTP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFlowIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final String BUCKET = "photos-2024";
  static final String FOLDER = "reports/2024/";
  static final String UPLOADED = FOLDER + "q1-upload.bin";
  static final String EXISTING = FOLDER + "q1.csv";

  ConsolePage page;
  S3Client s3;
  String aliceAccessKey;
  String aliceSecretKey;
  byte[] uploaded;
  String sharedUrl;

  @BeforeAll
  void start() {
    page = new ConsolePage(BROWSER);
  }

  @AfterAll
  void closeClient() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void signingInShowsTheStatsAsCards() {
    page.signIn(CofferTestServer.API_KEY);
    page.waiting().until(d -> page.headingIs("Dashboard"));
    assertThat(statCard("credentials")).isEqualTo("1");
    assertThat(statCard("buckets")).isEqualTo("0");
    assertThat(statCard("total_storage")).isEqualTo("0.0 B");
  }

  @Test
  @Order(2)
  void createACredentialWhoseSecretIsShownOnce() {
    page.go("#/credentials", "Credentials");
    page.clickable(By.id("create-credential")).click();
    page.visible(By.id("credential-user")).sendKeys("alice");
    page.dialogButton("Create");
    page.waiting().until(d -> page.dialog().getText().contains("Credential created"));
    assertThat(page.dialog().getText()).contains("shown only this once");
    aliceAccessKey = page.visible(By.id("new-access-key")).getDomProperty("value");
    aliceSecretKey = page.visible(By.id("new-secret-key")).getDomProperty("value");
    assertThat(aliceAccessKey).matches("[A-Z0-9]{20}");
    assertThat(aliceSecretKey).hasSize(40);
    page.dialogButton("I have saved the secret key");
    page.waitForNoDialog();

    assertThat(page.waitForRow(aliceAccessKey).getText()).contains("alice", "Active");
    // The new credential really works on the S3 port; alice's bucket is then only hers.
    s3 = SERVER.client(aliceAccessKey, aliceSecretKey);
    assertThat(s3.listBuckets().buckets()).isEmpty();
  }

  @Test
  @Order(3)
  void createABucketOwnedByTheNewCredential() {
    page.go("#/buckets", "Buckets");
    page.clickable(By.id("create-bucket")).click();
    WebElement name = page.visible(By.id("bucket-name"));
    name.sendKeys("Photos_2024");
    assertThat(page.visible(By.id("bucket-name-problem")).getText()).contains("lower-case letters");
    assertThat(name.getDomAttribute("aria-invalid")).isEqualTo("true");
    name.clear();
    name.sendKeys(BUCKET);
    page.waiting()
        .until(
            d ->
                d.findElement(By.id("bucket-name-problem"))
                    .getText()
                    .equals("This name is valid."));
    WebElement owner = page.visible(By.id("bucket-owner"));
    owner.findElements(By.tagName("option")).stream()
        .filter(o -> o.getText().contains(aliceAccessKey))
        .findFirst()
        .orElseThrow()
        .click();
    page.dialogButton("Create");
    page.waitForNoDialog();

    assertThat(page.waitForRow(BUCKET).getText()).contains("alice", "us-east-1");
    assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly(BUCKET);
  }

  @Test
  @Order(4)
  void browseIntoAFolderThroughBreadcrumbsAndFolderLinks() {
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key(EXISTING)
                .contentType("text/csv")
                .metadata(Map.of("category", "finance")),
        RequestBody.fromString("quarter,revenue\nq1,100\n"));
    page.go("#/buckets", "Buckets");
    page.waitForRow(BUCKET).findElement(By.linkText(BUCKET)).click();
    page.waiting().until(d -> page.headingIs(BUCKET));
    page.waitForRow("reports/").findElement(By.linkText("reports/")).click();
    page.waitForRow("reports/2024/").findElement(By.linkText("2024/")).click();
    page.waitForRow(EXISTING);

    List<String> crumbs =
        page.driver().findElements(By.cssSelector("#breadcrumbs li")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(crumbs).containsExactly("Buckets", BUCKET, "reports", "2024");
    assertThat(page.row(EXISTING).orElseThrow().getText()).contains("q1.csv", "text/csv");
  }

  @Test
  @Order(5)
  void uploadAFileShowingItsProgress() throws Exception {
    uploaded = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(uploaded);
    Path file =
        Files.createDirectories(Path.of("target", "console-uploads")).resolve("q1-upload.bin");
    Files.write(file, uploaded);

    page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
    WebElement item = page.visible(By.cssSelector("#upload-panel li[data-key='" + UPLOADED + "']"));
    page.waiting().until(d -> "done".equals(item.getDomAttribute("data-state")));
    WebElement bar = item.findElement(By.tagName("progress"));
    assertThat(bar.getDomProperty("value"))
        .isEqualTo(bar.getDomProperty("max"))
        .isEqualTo(String.valueOf(uploaded.length));
    assertThat(item.getText()).contains("Uploaded", "3.0 MiB");

    assertThat(page.waitForRow(UPLOADED).getText()).contains("q1-upload.bin", "3.0 MiB");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(UPLOADED)).asByteArray())
        .isEqualTo(uploaded);
  }

  @Test
  @Order(6)
  void downloadTheFileAndGetTheSameBytes() throws Exception {
    Path target = BROWSER.downloads().resolve("q1-upload.bin");
    Files.deleteIfExists(target);
    ConsolePage.rowButton(page.waitForRow(UPLOADED), "Download");
    page.toast("Downloading q1-upload.bin");
    page.waiting().until(d -> Files.exists(target) && sizeOf(target) == uploaded.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(uploaded);
  }

  @Test
  @Order(7)
  void theDetailsPanelShowsWhatTheServerStores() {
    String etag = s3.headObject(b -> b.bucket(BUCKET).key(EXISTING)).eTag().replace("\"", "");
    page.waitForRow(EXISTING).findElement(By.cssSelector("button.object-name")).click();
    WebElement details = page.visible(By.id("object-details"));
    assertThat(field(details, "Key")).isEqualTo(EXISTING);
    assertThat(field(details, "ETag")).isEqualTo(etag);
    assertThat(field(details, "Content type")).isEqualTo("text/csv");
    assertThat(field(details, "Multipart")).isEqualTo("no");
    // a 24-byte object is kept inline, in the metadata database (--inline-threshold)
    assertThat(field(details, "Storage path")).isEqualTo(".coffer/metadata.db");
    assertThat(page.visible(By.id("object-metadata")).getText()).contains("category", "finance");
    page.dialogButton("Close");
    page.waitForNoDialog();
  }

  @Test
  @Order(8)
  void shareALinkThatAPlainHttpClientCanFetch() throws Exception {
    ConsolePage.rowButton(page.waitForRow(UPLOADED), "Share");
    page.visible(By.id("share-expiry")).findElement(By.cssSelector("option[value='900']")).click();
    page.dialogButton("Generate URL");
    WebElement url = page.visible(By.id("share-url"));
    page.waiting().until(d -> !url.getDomProperty("value").isEmpty());
    sharedUrl = url.getDomProperty("value");
    assertThat(page.visible(By.id("share-expires")).getText()).startsWith("Expires");
    page.clickable(By.id("share-copy")).click();
    page.toast("URL copied");
    page.dialogButton("Close");
    page.waitForNoDialog();

    assertThat(sharedUrl)
        .startsWith(SERVER.s3Uri().toString())
        .contains("X-Amz-Signature=", "X-Amz-Expires=900");
    HttpResponse<byte[]> fetched = fetch(sharedUrl);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(uploaded);
  }

  @Test
  @Order(9)
  void revokeTheLinkAndItStopsWorking() throws Exception {
    page.go("#/presigned", "Presigned URLs");
    WebElement row =
        page.waiting()
            .until(
                d ->
                    page.driver().findElements(By.cssSelector("main tbody tr")).stream()
                        .filter(r -> r.getText().contains(BUCKET + "/" + UPLOADED))
                        .findFirst()
                        .orElse(null));
    assertThat(row.getText()).contains("active", aliceAccessKey);
    ConsolePage.rowButton(row, "Revoke");
    page.dialogButton("Revoke");
    page.waitForNoDialog();
    page.waiting()
        .until(
            d ->
                page.driver()
                    .findElement(By.cssSelector("main tbody"))
                    .getText()
                    .contains("revoked"));

    assertThat(fetch(sharedUrl).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(10)
  void deleteSeveralObjectsAtOnce() {
    page.go("#/buckets/" + BUCKET + "?prefix=" + FOLDER.replace("/", "%2F"), BUCKET);
    for (String key : List.of(EXISTING, UPLOADED)) {
      page.waitForRow(key).findElement(By.cssSelector("input[type=checkbox]")).click();
    }
    WebElement delete = page.clickable(By.id("delete-selected"));
    assertThat(delete.getText()).isEqualTo("Delete selected (2)");
    delete.click();
    assertThat(page.dialog().getText()).contains("Delete 2 objects from " + BUCKET);
    page.dialogButton("Delete");
    page.waitForNoDialog();
    page.toast("Deleted 2 objects");
    page.waitForNoRow(UPLOADED);

    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
  }

  @Test
  @Order(11)
  void abortAMultipartUploadStartedByAnotherClient() {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big/archive.zip")).uploadId();
    s3.uploadPart(
        b -> b.bucket(BUCKET).key("big/archive.zip").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(new byte[1024]));

    page.go("#/uploads?bucket=" + BUCKET, "Multipart uploads");
    WebElement row = page.waitForRow(uploadId);
    assertThat(row.getText()).contains("big/archive.zip", "1.0 KiB");
    ConsolePage.rowButton(row, "Abort");
    page.dialogButton("Abort upload");
    page.waitForNoDialog();
    page.waitForNoRow(uploadId);

    assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  @Order(12)
  void signOut() {
    page.clickable(By.id("signout-button")).click();
    page.visible(By.id("api-key"));
    assertThat(page.sessionCookie()).isNull();
    assertThat(page.driver().findElement(By.id("main")).getText()).isEmpty();
  }

  private String statCard(String name) {
    return page.visible(By.cssSelector("[data-stat='" + name + "'] .stat-value")).getText();
  }

  private static String field(WebElement details, String name) {
    return details.findElement(By.cssSelector("dd[data-field='" + name + "']")).getText();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<byte[]> fetch(String url) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
