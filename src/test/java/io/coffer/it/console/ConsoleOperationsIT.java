package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The Operations page (server information, live charts) and the Trace page, in Chromium. */
class ConsoleOperationsIT {
  /** Warns at 100% free, so the warning shows on any disk. */
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER =
      CofferTestServer.withBuckets("ops-console")
          .configured(c -> c.withDiskFreeWarningPercent(100));

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

  static void put(S3Client s3, String key) {
    s3.putObject(b -> b.bucket("ops-console").key(key), RequestBody.fromString("bytes of " + key));
  }

  String info(String key) {
    return page.visible(By.cssSelector("#server-info dd[data-info='" + key + "']")).getText();
  }

  String operationCount(String operation) {
    return page.waitForRow(operation).findElements(By.tagName("td")).get(1).getText();
  }

  @Test
  void theOperationsPageShowsTheServerAndItsRequestsLive() {
    try (S3Client s3 = SERVER.client()) {
      for (int i = 0; i < 4; i++) {
        put(s3, "first-" + i);
      }
    }
    page.go("#/operations", "Operations");
    assertThat(info("data_dir")).isEqualTo(SERVER.dataDir().toAbsolutePath().toString());
    assertThat(info("disk")).contains(" free of ");
    assertThat(info("region")).isEqualTo("us-east-1");
    assertThat(info("tls")).isEqualTo("Off");
    assertThat(info("node_id")).isEqualTo(SERVER.server().nodeId());
    assertThat(info("s3")).startsWith("127.0.0.1:" + SERVER.server().s3Port());
    assertThat(page.visible(By.id("disk-warning")).getText())
        .startsWith("Low disk space")
        .contains("100 %");
    page.waiting().until(d -> operationCount("PutObject").equals("4"));
    page.waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    page.driver()
                        .executeScript(
                            "const c = Chart.getChart('ops-requests');"
                                + " return !!c && c.data.datasets.some(d => d.label === 'PutObject'"
                                + " && d.data.some(v => v > 0))")));

    // The page refreshes itself: requests made while it is open appear without a reload.
    try (S3Client s3 = SERVER.client()) {
      for (int i = 0; i < 3; i++) {
        put(s3, "second-" + i);
      }
      s3.getObjectAsBytes(b -> b.bucket("ops-console").key("first-0"));
    }
    new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                operationCount("PutObject").equals("7") && operationCount("GetObject").equals("1"));
  }

  List<WebElement> traceRows() {
    return page.driver().findElements(By.cssSelector("#trace-table tbody tr[data-path]"));
  }

  void awaitTraceListeners(int count) {
    page.waiting().until(d -> SERVER.server().traceListeners() == count);
  }

  void awaitStreaming() {
    page.waiting().until(d -> page.visible(By.id("trace-state")).getText().startsWith("Streaming"));
  }

  @Test
  void theTraceStreamsFiltersPausesClearsAndStopsWhenLeft() throws Exception {
    page.go("#/trace", "Trace");
    awaitStreaming();
    awaitTraceListeners(1);
    try (S3Client s3 = SERVER.client()) {
      put(s3, "traced.txt");
    }
    WebElement row =
        page.waiting()
            .until(
                d ->
                    traceRows().stream()
                        .filter(
                            r -> "/ops-console/traced.txt".equals(r.getDomAttribute("data-path")))
                        .findFirst()
                        .orElse(null));
    assertThat(row.getDomAttribute("data-status")).isEqualTo("200");
    assertThat(row.getText())
        .contains("PUT")
        .contains(CofferTestServer.ACCESS_KEY)
        .contains("PutObject");

    // A presigned URL's request shows its path, never its signature.
    String url =
        API.post(
                "/presigned-urls",
                Api.json(
                    Map.of(
                        "bucket_name", "ops-console",
                        "object_key", "traced.txt",
                        "access_key", CofferTestServer.ACCESS_KEY)))
            .json()
            .get("url")
            .asString();
    String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
    var http = java.net.http.HttpClient.newHttpClient();
    assertThat(
            http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    page.waiting()
        .until(
            d ->
                traceRows().stream()
                    .anyMatch(r -> r.getDomAttribute("data-path").contains("X-Amz-Algorithm")));
    assertThat(page.driver().getPageSource())
        .doesNotContain(signature)
        .doesNotContain("X-Amz-Signature");

    // Filtered to client errors: a 404 shows, a 200 made after it does not.
    page.clickable(By.id("trace-clear")).click();
    assertThat(traceRows()).isEmpty();
    new Select(page.visible(By.id("trace-status"))).selectByVisibleText("4xx");
    page.clickable(By.id("trace-apply")).click();
    awaitStreaming();
    try (S3Client s3 = SERVER.client()) {
      put(s3, "not-shown.txt");
      try {
        s3.getObjectAsBytes(b -> b.bucket("ops-console").key("no-such-key"));
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // the 404 the filter lets through
      }
    }
    page.waiting().until(d -> !traceRows().isEmpty());
    Thread.sleep(500);
    assertThat(traceRows()).hasSize(1);
    assertThat(traceRows().get(0).getDomAttribute("data-status")).isEqualTo("404");
    assertThat(traceRows().get(0).getDomAttribute("data-path"))
        .isEqualTo("/ops-console/no-such-key");

    // Paused: the server stops tracing for the page, and requests made meanwhile never show.
    page.clickable(By.id("trace-toggle")).click();
    page.waiting().until(d -> page.visible(By.id("trace-state")).getText().startsWith("Paused"));
    awaitTraceListeners(0);
    try (S3Client s3 = SERVER.client()) {
      try {
        s3.getObjectAsBytes(b -> b.bucket("ops-console").key("while-paused"));
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // would match the filter
      }
    }
    Thread.sleep(1000);
    assertThat(traceRows()).hasSize(1);
    page.clickable(By.id("trace-toggle")).click();
    awaitStreaming();
    awaitTraceListeners(1);

    // Leaving the page ends the stream on the server too.
    page.go("#/", "Dashboard");
    awaitTraceListeners(0);
  }
}
