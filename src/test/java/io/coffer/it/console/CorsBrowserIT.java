package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.S3Assertions;
import io.coffer.it.support.SdkClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real page in headless Chromium, served from another origin (its own port), talks to the S3 port
 * with fetch(): a presigned PUT (which the browser preflights) and a presigned GET whose body and
 * exposed headers it reads; and the browser blocks both when no rule admits the page's origin.
 */
class CorsBrowserIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();

  static HttpServer pages;
  static String pageOrigin;
  static ChromeDriver browser;
  static S3Client s3;
  static S3Presigner presigner;

  @BeforeAll
  static void start() throws Exception {
    pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page =
        "<!doctype html><html><head><title>app</title></head><body>another origin</body></html>"
            .getBytes(StandardCharsets.UTF_8);
    pages.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    pages.start();
    pageOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();

    Chromium chromium = Chromium.locate();
    browser = ConsoleBrowser.launch(chromium, ConsoleBrowser.headless(chromium));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    browser.get(pageOrigin + "/");

    s3 = coffer.s3();
    presigner = SdkClients.adminPresigner(coffer.s3Uri());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (presigner != null) {
      presigner.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @Test
  void aPageOfAnAllowedOriginUploadsAndReadsWithPresignedUrls() {
    s3.createBucket(b -> b.bucket("browser-app"));
    s3.putBucketCors(
        b ->
            b.bucket("browser-app")
                .corsConfiguration(
                    c ->
                        c.corsRules(
                            r ->
                                r.allowedOrigins(pageOrigin)
                                    .allowedMethods("GET", "PUT")
                                    .allowedHeaders("*")
                                    .exposeHeaders("ETag", "x-amz-meta-note"))));

    Map<?, ?> put =
        fetch(putUrl("browser-app", "from-page.txt"), "PUT", "written by the page", "text/plain");
    assertThat(put.get("error")).isNull();
    assertThat(put.get("status")).isEqualTo(200L);
    assertThat((String) put.get("etag")).matches("\"[0-9a-f]{32}\"");
    assertThat(
            s3.getObjectAsBytes(b -> b.bucket("browser-app").key("from-page.txt")).asUtf8String())
        .isEqualTo("written by the page");

    s3.putObject(
        b -> b.bucket("browser-app").key("note.txt").metadata(Map.of("note", "exposed")),
        RequestBody.fromString("read by the page"));
    Map<?, ?> get = fetch(getUrl("browser-app", "note.txt"), "GET", null, null);
    assertThat(get.get("error")).isNull();
    assertThat(get.get("status")).isEqualTo(200L);
    assertThat(get.get("body")).isEqualTo("read by the page");
    assertThat(get.get("note")).isEqualTo("exposed");
    assertThat(get.get("etag")).isNotNull();
    // A header the rule does not expose stays hidden from the page.
    assertThat(get.get("requestId")).isNull();
  }

  @Test
  void theBrowserBlocksAPageWhoseOriginNoRuleAdmits() {
    s3.createBucket(b -> b.bucket("browser-closed"));
    s3.putBucketCors(
        b ->
            b.bucket("browser-closed")
                .corsConfiguration(
                    c ->
                        c.corsRules(
                            r ->
                                r.allowedOrigins("https://elsewhere.example")
                                    .allowedMethods("GET", "PUT")
                                    .allowedHeaders("*"))));
    s3.putObject(
        b -> b.bucket("browser-closed").key("secret.txt"), RequestBody.fromString("not for pages"));

    Map<?, ?> get = fetch(getUrl("browser-closed", "secret.txt"), "GET", null, null);
    assertThat((String) get.get("error")).contains("Failed to fetch");
    assertThat(get.get("body")).isNull();

    // The preflight is refused, so the PUT itself is never sent.
    Map<?, ?> put = fetch(putUrl("browser-closed", "blocked.txt"), "PUT", "nope", "text/plain");
    assertThat((String) put.get("error")).contains("Failed to fetch");
    S3Assertions.assertS3Error(
        404, "NoSuchKey", () -> s3.headObject(b -> b.bucket("browser-closed").key("blocked.txt")));
  }

  private String putUrl(String bucket, String key) {
    return presigner
        .presignPutObject(
            p ->
                p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  private String getUrl(String bucket, String key) {
    return presigner
        .presignGetObject(
            p ->
                p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(bucket).key(key)))
        .url()
        .toString();
  }

  /** Runs fetch() in the page; what it saw, or the error the browser gave the page. */
  private static Map<?, ?> fetch(String url, String method, String body, String contentType) {
    Object result =
        browser.executeAsyncScript(
            """
            const [url, method, body, contentType, done] = arguments;
            const init = {method};
            if (body !== null) {
              init.body = body;
              init.headers = {'Content-Type': contentType};
            }
            fetch(url, init)
              .then(async r => done({
                status: r.status,
                body: await r.text(),
                etag: r.headers.get('ETag'),
                note: r.headers.get('x-amz-meta-note'),
                requestId: r.headers.get('x-amz-request-id')}))
              .catch(e => done({error: String(e)}));
            """,
            url,
            method,
            body,
            contentType);
    assertThat(result).isInstanceOf(Map.class);
    return (Map<?, ?>) result;
  }
}
