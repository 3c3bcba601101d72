package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Takes the README's screenshots (console-*.png) at 1280×800 from a server holding a few buckets.
 * They go to target/screenshots; {@code -Dcoffer.screenshots=docs} writes them to docs/ instead, to
 * refresh the README's pictures (a normal build never changes tracked files).
 */
class ConsoleScreenshotsIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Path DOCS = Path.of(System.getProperty("coffer.screenshots", "target/screenshots"));

  @BeforeAll
  static void storeSomeObjects() {
    Random random = new Random(7);
    try (S3Client s3 = SERVER.client()) {
      Map<String, Integer> buckets = Map.of("photos", 14, "backups", 4, "logs", 30, "website", 9);
      buckets.forEach(
          (bucket, count) -> {
            s3.createBucket(b -> b.bucket(bucket));
            for (int i = 0; i < count; i++) {
              byte[] bytes =
                  new byte
                      [(bucket.equals("backups") ? 2_000_000 : 40_000) + random.nextInt(300_000)];
              String key =
                  switch (bucket) {
                    case "photos" ->
                        (i < 4 ? "2024/summer/" : i < 8 ? "2025/spring/" : "")
                            + "IMG_"
                            + (4100 + i)
                            + ".jpg";
                    case "logs" -> "app/2025-06-" + String.format("%02d", i + 1) + ".log";
                    default -> "file-" + i + ".bin";
                  };
              String type =
                  key.endsWith(".jpg")
                      ? "image/jpeg"
                      : key.endsWith(".log") ? "text/plain" : "application/octet-stream";
              s3.putObject(
                  b -> b.bucket(bucket).key(key).contentType(type), RequestBody.fromBytes(bytes));
            }
          });
      s3.putObject(
          b -> b.bucket("photos").key("albums.json").contentType("application/json"),
          RequestBody.fromString("{}"));
    }
  }

  @Test
  void dashboardAndObjectBrowser() throws Exception {
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/", "Dashboard");
    page.visible(By.cssSelector("[data-stat='buckets']"));
    page.waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    page.driver()
                        .executeScript(
                            "const c = Chart.getChart('bucket-chart'); return !!c &&"
                                + " c.data.labels.length === 4")));
    Path dashboard = DOCS.resolve("console-dashboard.png");
    BROWSER.screenshot(dashboard);

    page.go("#/buckets/photos", "photos");
    page.waitForRow("2024/");
    page.waitForRow("IMG_4113.jpg");
    Path objects = DOCS.resolve("console-objects.png");
    BROWSER.screenshot(objects);

    for (Path png : new Path[] {dashboard, objects}) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(ConsoleBrowser.WIDTH);
      assertThat(image.getHeight()).isEqualTo(ConsoleBrowser.HEIGHT);
    }
  }

  @Test
  void objectPreview() throws Exception {
    BufferedImage picture = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 640; x++) {
      for (int y = 0; y < 400; y++) {
        // a dusk sky over a dark hill line
        boolean hill = y > 300 - (int) (40 * Math.sin(x / 90.0));
        picture.setRGB(x, y, hill ? 0x1d2b1f : (40 + y / 3) << 16 | (60 + y / 4) << 8 | 160);
      }
    }
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    ImageIO.write(picture, "png", png);
    try (S3Client s3 = SERVER.client()) {
      s3.putObject(
          b -> b.bucket("website").key("dusk.png").contentType("image/png"),
          RequestBody.fromBytes(png.toByteArray()));
    }
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/buckets/website", "website");
    ConsolePage.rowButton(page.waitForRow("dusk.png"), "Preview");
    org.openqa.selenium.WebElement image = page.visible(By.cssSelector("#object-preview img"));
    page.waiting()
        .until(
            d ->
                Long.valueOf(640)
                    .equals(
                        page.driver().executeScript("return arguments[0].naturalWidth", image)));
    Path preview = DOCS.resolve("console-preview.png");
    BROWSER.screenshot(preview);
    assertThat(ImageIO.read(preview.toFile()).getWidth()).isEqualTo(ConsoleBrowser.WIDTH);
  }

  @Test
  void signIn() throws Exception {
    ConsolePage page = new ConsolePage(BROWSER);
    page.openSignedOut();
    page.clickable(By.id("signin-kind-user")).click();
    page.visible(By.id("access-key-id")).sendKeys("AKIAEXAMPLEUSER00001");
    Path signIn = DOCS.resolve("console-signin.png");
    BROWSER.screenshot(signIn);
    BufferedImage image = ImageIO.read(signIn.toFile());
    assertThat(image.getWidth()).isEqualTo(ConsoleBrowser.WIDTH);
  }

  @Test
  void operationsAndTrace() throws Exception {
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/operations", "Operations");
    page.waitForRow("PutObject");
    page.waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    page.driver()
                        .executeScript(
                            "const c = Chart.getChart('ops-latency'); return !!c &&"
                                + " c.data.datasets[0].data.some(v => v > 0)")));
    Path operations = DOCS.resolve("console-operations.png");
    BROWSER.screenshot(operations);

    page.go("#/trace", "Trace");
    page.waiting().until(d -> page.visible(By.id("trace-state")).getText().startsWith("Streaming"));
    try (S3Client s3 = SERVER.client()) {
      s3.listObjectsV2(b -> b.bucket("photos").prefix("2024/").delimiter("/"));
      s3.getObjectAsBytes(b -> b.bucket("photos").key("albums.json"));
      s3.putObject(
          b -> b.bucket("logs").key("app/2025-06-31.log").contentType("text/plain"),
          RequestBody.fromString("started\n"));
      s3.headObject(b -> b.bucket("website").key("file-0.bin"));
      try {
        s3.getObjectAsBytes(b -> b.bucket("website").key("index.html"));
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // a 404 in the picture
      }
    }
    page.waiting()
        .until(d -> d.findElements(By.cssSelector("#trace-table tbody tr[data-path]")).size() >= 5);
    Path trace = DOCS.resolve("console-trace.png");
    BROWSER.screenshot(trace);
    for (Path png : new Path[] {operations, trace}) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(ConsoleBrowser.WIDTH);
      assertThat(image.getHeight()).isEqualTo(ConsoleBrowser.HEIGHT);
    }
  }

  @Test
  void multipartUploadsOfEveryBucket() throws Exception {
    try (S3Client s3 = SERVER.client()) {
      String[][] uploads = {
        {"backups", "db/2025-06-30.dump", "3"},
        {"backups", "db/2025-07-01.dump", "1"},
        {"photos", "2025/raw/DSC_0412.NEF", "2"},
        {"website", "media/launch-video.mp4", "0"}
      };
      for (String[] u : uploads) {
        String id =
            s3.createMultipartUpload(
                    b -> b.bucket(u[0]).key(u[1]).contentType("application/octet-stream"))
                .uploadId();
        for (int part = 1; part <= Integer.parseInt(u[2]); part++) {
          int number = part;
          s3.uploadPart(
              b -> b.bucket(u[0]).key(u[1]).uploadId(id).partNumber(number),
              RequestBody.fromBytes(new byte[5 * 1024 * 1024]));
        }
      }
    }
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/uploads", "Multipart uploads");
    page.waiting().until(d -> d.findElements(By.cssSelector("main tbody tr[data-id]")).size() == 4);
    Path uploads = DOCS.resolve("console-uploads.png");
    BROWSER.screenshot(uploads);
    BufferedImage image = ImageIO.read(uploads.toFile());
    assertThat(image.getWidth()).isEqualTo(ConsoleBrowser.WIDTH);
  }
}
