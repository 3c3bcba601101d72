package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What the object browser shows and hands out: previews (image, text, JSON; none for other types or
 * over the limit), previews that never run on the console's origin, the metadata editor, downloads
 * by a plain link to the browser's download manager, and a selection as one zip.
 */
class ConsoleObjectBrowserContentIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final String BUCKET = "content";
  static final byte[] BIG = new byte[2 * 1024 * 1024 + 5];

  ConsolePage page;
  S3Client s3;

  @BeforeAll
  static void objects() throws Exception {
    new Random(5).nextBytes(BIG);
    S3Client s3 = SERVER.s3();
    s3.createBucket(b -> b.bucket(BUCKET));
    put(s3, "pics/dot.png", "image/png", png(20, 10));
    put(s3, "notes.txt", "text/plain", "first line\nsecond line".getBytes(StandardCharsets.UTF_8));
    put(s3, "data.json", "application/json", "{\"b\":[1,2]}".getBytes(StandardCharsets.UTF_8));
    put(s3, "blob.bin", "application/octet-stream", BIG);
    put(s3, "long.txt", "text/plain", new byte[3 * 1024 * 1024]);
    put(s3, "pics/more/deep.txt", "text/plain", "deep".getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void signIn() {
    s3 = SERVER.s3();
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  @Test
  void imagesTextAndJsonArePreviewedOtherTypesAndLargeTextAreNot() {
    page.go("#/buckets/" + BUCKET, BUCKET);
    ConsolePage.rowButton(page.waitForRow("notes.txt"), "Preview");
    assertThat(page.visible(By.cssSelector("#object-preview pre")).getText())
        .isEqualTo("first line\nsecond line");
    page.dialogButton("Close");
    page.waitForNoDialog();

    ConsolePage.rowButton(page.waitForRow("data.json"), "Preview");
    // indented for reading
    assertThat(page.visible(By.cssSelector("#object-preview pre")).getText())
        .isEqualTo("{\n  \"b\": [\n    1,\n    2\n  ]\n}");
    page.dialogButton("Close");
    page.waitForNoDialog();

    // an octet-stream has no Preview button; its details say why
    assertThat(page.waitForRow("blob.bin").getText()).doesNotContain("Preview");
    page.waitForRow("blob.bin").findElement(By.cssSelector("button.object-name")).click();
    page.visible(By.id("object-details"));
    page.dialogButton("Preview");
    assertThat(page.visible(By.id("preview-none")).getText())
        .contains("There is no preview for application/octet-stream");
    page.dialogButton("Close");
    page.waitForNoDialog();

    ConsolePage.rowButton(page.waitForRow("long.txt"), "Preview");
    assertThat(page.visible(By.id("preview-none")).getText())
        .contains("over the preview limit of 2.0 ");
    page.dialogButton("Close");
    page.waitForNoDialog();

    // the image, loaded by the browser from the sandboxed preview route with the session
    page.go("#/buckets/" + BUCKET + "?prefix=pics%2F", BUCKET);
    ConsolePage.rowButton(page.waitForRow("pics/dot.png"), "Preview");
    WebElement image = page.visible(By.cssSelector("#object-preview img"));
    page.waiting()
        .until(
            d ->
                Long.valueOf(20)
                    .equals(
                        page.driver().executeScript("return arguments[0].naturalWidth", image)));
    assertThat(image.getDomAttribute("src")).startsWith("/api/v1/buckets/content/preview/");
  }

  @Test
  void aPreviewNeverRunsOnTheConsolesOrigin() {
    String payload = "<script>parent.document.title = 'pwned'; document.title = 'pwned'</script>";
    put(s3, "evil.html", "text/html", payload.getBytes(StandardCharsets.UTF_8));
    put(
        s3,
        "evil.svg",
        "image/svg+xml",
        ("<svg xmlns='http://www.w3.org/2000/svg' onload=\"parent.document.title = 'pwned'\"/>")
            .getBytes(StandardCharsets.UTF_8));
    // HTML claiming to be a picture or a PDF: still never interpreted as a page of the console
    put(s3, "evil.png", "image/png", payload.getBytes(StandardCharsets.UTF_8));
    put(s3, "evil.pdf", "application/pdf", payload.getBytes(StandardCharsets.UTF_8));
    // evil.pdf opens Chromium's PDF viewer (it is read as a PDF, not as a page): its extension
    BROWSER.allowOrigin("chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/");
    page.go("#/buckets/" + BUCKET, BUCKET);
    String title = page.driver().getTitle();
    Object statuses =
        page.driver()
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const keys = ['evil.html', 'evil.svg', 'evil.png', 'evil.pdf'];
                Promise.all(keys.map((k) => fetch('/api/v1/buckets/content/preview/' + k)
                    .then((r) => r.status))).then((statuses) => {
                  for (const k of keys) {
                    const frame = document.createElement('iframe');
                    frame.src = '/api/v1/buckets/content/preview/' + k;
                    document.body.append(frame);
                  }
                  setTimeout(() => done(statuses), 3000);
                });
                """);
    // the session reaches the route (so the frames did load the objects)...
    assertThat(String.valueOf(statuses)).isEqualTo("[200, 200, 200, 200]");
    // ...and nothing in them ran on the console's origin
    assertThat(page.driver().getTitle()).isEqualTo(title).isNotEqualTo("pwned");
    // What Chromium logs about frames it sandboxed or refused is the point, not a fault: drained.
    page.driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
  }

  @Test
  void metadataAndContentTypeAreEditedInTheDetails() {
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("meta.dat")
                .contentType("application/octet-stream")
                .metadata(Map.of("old", "value")),
        RequestBody.fromString("meta"));
    page.go("#/buckets/" + BUCKET, BUCKET);
    page.waitForRow("meta.dat").findElement(By.cssSelector("button.object-name")).click();
    page.visible(By.id("object-details"));
    page.dialogButton("Edit metadata");
    WebElement type = page.visible(By.id("metadata-content-type"));
    type.clear();
    type.sendKeys("text/plain");
    page.clickable(By.id("metadata-add")).click();
    var names = page.driver().findElements(By.cssSelector("#metadata-rows .metadata-name"));
    var values = page.driver().findElements(By.cssSelector("#metadata-rows .metadata-value"));
    names.get(1).sendKeys("Reviewed-By");
    values.get(1).sendKeys("ann");
    page.dialogButton("Save metadata");
    page.toast("Saved the metadata of meta.dat");
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("meta.dat"));
    assertThat(head.contentType()).isEqualTo("text/plain");
    assertThat(head.metadata())
        .containsOnly(Map.entry("old", "value"), Map.entry("reviewed-by", "ann"));

    // a name S3 could not send as a header: the server's reason, nothing stored
    BROWSER.expectConsoleError("400");
    page.waitForRow("meta.dat").findElement(By.cssSelector("button.object-name")).click();
    page.visible(By.id("object-details"));
    page.dialogButton("Edit metadata");
    page.clickable(By.id("metadata-add")).click();
    names = page.driver().findElements(By.cssSelector("#metadata-rows .metadata-name"));
    names.get(names.size() - 1).sendKeys("has space");
    page.dialogButton("Save metadata");
    page.waiting().until(d -> page.dialog().getText().contains("is not allowed"));
    page.dialogButton("Cancel");
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("meta.dat")).metadata()).hasSize(2);
  }

  @Test
  void aDownloadGoesToTheDownloadManagerNotThroughThePage() throws Exception {
    Path target = BROWSER.downloads().resolve("blob.bin");
    Files.deleteIfExists(target);
    page.go("#/buckets/" + BUCKET, BUCKET);
    // the old way held the object in a Blob made into an object URL: count any
    page.driver()
        .executeScript(
            "window.blobUrls = 0; const make = URL.createObjectURL;"
                + " URL.createObjectURL = (b) => { window.blobUrls++; return make(b); };");
    ConsolePage.rowButton(page.waitForRow("blob.bin"), "Download");
    page.toast("Downloading blob.bin");
    page.waiting().until(d -> Files.exists(target) && target.toFile().length() == BIG.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(BIG);
    assertThat(page.driver().executeScript("return window.blobUrls")).isEqualTo(0L);
  }

  @Test
  void aFolderAndAFileDownloadAsOneZip() throws Exception {
    Path target = BROWSER.downloads().resolve(BUCKET + ".zip");
    Files.deleteIfExists(target);
    page.go("#/buckets/" + BUCKET, BUCKET);
    page.waitForRow("pics/").findElement(By.cssSelector("input[type=checkbox]")).click();
    page.waitForRow("blob.bin").findElement(By.cssSelector("input[type=checkbox]")).click();
    page.clickable(By.id("download-selected")).click();
    page.toast("Downloading " + BUCKET + ".zip");
    page.waiting().until(d -> Files.exists(target) && unzipsWhole(target));
    Map<String, byte[]> entries = unzip(target);
    assertThat(entries.keySet()).containsExactly("blob.bin", "pics/dot.png", "pics/more/deep.txt");
    assertThat(entries.get("blob.bin")).isEqualTo(BIG);
    assertThat(new String(entries.get("pics/more/deep.txt"), StandardCharsets.UTF_8))
        .isEqualTo("deep");

    // a folder row's Download is that folder's zip, named after it
    Path folderZip = BROWSER.downloads().resolve("more.zip");
    Files.deleteIfExists(folderZip);
    page.go("#/buckets/" + BUCKET + "?prefix=pics%2F", BUCKET);
    ConsolePage.rowButton(page.waitForRow("pics/more/"), "Download");
    page.waiting().until(d -> Files.exists(folderZip) && unzipsWhole(folderZip));
    assertThat(unzip(folderZip).keySet()).containsExactly("deep.txt");
  }

  private static boolean unzipsWhole(Path zip) {
    try {
      unzip(zip);
      return true;
    } catch (Exception e) {
      return false; // still being written
    }
  }

  private static Map<String, byte[]> unzip(Path zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream unzip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = unzip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), unzip.readAllBytes());
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalStateException("no entries yet");
    }
    return entries;
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x * 12) << 16 | (y * 25) << 8 | 0x80);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static void put(S3Client s3, String key, String type, byte[] bytes) {
    s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(type), RequestBody.fromBytes(bytes));
  }
}
