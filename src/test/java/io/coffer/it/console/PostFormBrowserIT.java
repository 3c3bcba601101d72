package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A real HTML form with a file input, on a page of another origin (a web application's), posts a
 * file straight to the S3 port with a POST policy the management API issued: what the browser does
 * with its own multipart encoder, no script involved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostFormBrowserIT {
  static final String BUCKET = "browser-forms";

  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET);

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  HttpServer app;
  String appOrigin;
  volatile String formPage = "";

  @BeforeAll
  void startApp() throws Exception {
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              switch (path) {
                case "/form" -> formPage.getBytes(StandardCharsets.UTF_8);
                case "/done" ->
                    "<!doctype html><title>done</title><p id=done>Uploaded</p>"
                        .getBytes(StandardCharsets.UTF_8);
                default -> new byte[0];
              };
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          if (body.length == 0) {
            exchange.sendResponseHeaders(204, -1); // the favicon, say
          } else {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    app.start();
    appOrigin = "http://127.0.0.1:" + app.getAddress().getPort();
    BROWSER.allowOrigin(appOrigin);
    BROWSER.allowOrigin(SERVER.s3Uri().toString());
  }

  @AfterAll
  void stopApp() {
    if (app != null) {
      app.stop(0);
    }
  }

  /** The web application's upload page: the issued fields hidden, then the file input. */
  void serveFormFor(long maxSize) {
    Api.Reply reply =
        new Api(SERVER)
            .send(
                "POST",
                "/presigned-posts",
                Api.json(
                    Map.of(
                        "bucket",
                        BUCKET,
                        "key_prefix",
                        "browser/",
                        "max_size",
                        maxSize,
                        "access_key",
                        CofferTestServer.ACCESS_KEY)));
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    JsonNode issued = reply.json();
    StringBuilder html =
        new StringBuilder("<!doctype html><title>upload</title><form method=post")
            .append(" enctype=multipart/form-data action=\"")
            .append(issued.get("url").asString())
            .append("\">");
    issued
        .get("fields")
        .properties()
        .forEach(
            f ->
                html.append("<input type=hidden name=\"")
                    .append(f.getKey())
                    .append("\" value=\"")
                    .append(f.getValue().asString().replace("\"", "&quot;"))
                    .append("\">"));
    html.append("<input type=hidden name=success_action_redirect value=\"")
        .append(appOrigin)
        .append("/done\">")
        .append("<input type=file name=file id=file><button id=send>Upload</button></form>");
    formPage = html.toString();
  }

  /** Opens the served form, chooses a new file with this content in its input, and submits. */
  Path chooseAndSubmit(String prefix, String content) throws Exception {
    Path file = Files.createTempFile(prefix, ".txt");
    Files.writeString(file, content);
    var driver = BROWSER.driver();
    driver.get(appOrigin + "/form");
    driver.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.tagName("button")).click();
    return file;
  }

  @Test
  void aFormOnAnotherOriginUploadsTheChosenFileAndIsRedirectedBack() throws Exception {
    serveFormFor(1_000_000);
    Path file = chooseAndSubmit("coffer-form-", "chosen in a file input");
    var driver = BROWSER.driver();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().startsWith(appOrigin + "/done"));
    String key = "browser/" + file.getFileName();
    assertThat(driver.getCurrentUrl())
        .contains("bucket=" + BUCKET)
        .contains("key=browser%2F" + file.getFileName())
        .contains("etag=%22");
    assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("Uploaded");
    assertThat(SERVER.s3().getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String())
        .isEqualTo("chosen in a file input");
  }

  @Test
  void aFileOverThePolicysSizeIsRefusedAndNotStored() throws Exception {
    serveFormFor(10);
    BROWSER.expectConsoleError("400");
    // the browser then asks the S3 port for a favicon of the error page it shows
    BROWSER.expectConsoleError("favicon.ico");
    Path file = chooseAndSubmit("coffer-form-big-", "more than ten bytes");
    var driver = BROWSER.driver();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getPageSource().contains("EntityTooLarge"));
    assertThat(
            SERVER
                .s3()
                .listObjectsV2(l -> l.bucket(BUCKET).prefix("browser/" + file.getFileName()))
                .keyCount())
        .isZero();
  }

  /**
   * The console's "Upload page": it issues a POST policy for a folder and writes the HTML form; the
   * page, served by another origin, uploads straight to the S3 port and gets S3's 201 document.
   */
  @Test
  void theConsolesUploadPageUploadsIntoItsFolder() throws Exception {
    ConsolePage page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    page.go("#/buckets/" + BUCKET + "?prefix=shared/", BUCKET);
    page.clickable(By.id("upload-link")).click();
    page.dialog();
    var max = page.visible(By.id("upload-link-max"));
    max.clear();
    max.sendKeys("1");
    page.dialogButton("Create upload page");
    String html =
        page.waiting()
            .until(
                d -> {
                  String value = d.findElement(By.id("upload-link-html")).getDomProperty("value");
                  return value == null || value.isEmpty() ? null : value;
                });
    assertThat(html).contains("name=\"key\" value=\"shared/${filename}\"");
    assertThat(page.visible(By.id("upload-link-download")).getDomAttribute("download"))
        .isEqualTo("upload-" + BUCKET + ".html");
    page.dialogButton("Close");
    formPage = html;

    Path file = chooseAndSubmit("coffer-shared-", "through the console's upload page");
    var driver = BROWSER.driver();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getPageSource().contains("PostResponse"));
    assertThat(driver.getPageSource()).contains("shared/" + file.getFileName());
    assertThat(
            SERVER
                .s3()
                .getObjectAsBytes(g -> g.bucket(BUCKET).key("shared/" + file.getFileName()))
                .asUtf8String())
        .isEqualTo("through the console's upload page");
  }
}
