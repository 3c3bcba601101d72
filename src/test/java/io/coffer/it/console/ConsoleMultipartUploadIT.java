package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Large files from the console: sent as a multipart upload with several parts at once, cancelled
 * (the upload is aborted on the server), and resumed after a page reload (the parts the server has
 * are not sent again). What is stored is checked with the AWS SDK; which parts the page sent, and
 * when, with the browser's own Resource Timing records of its requests.
 */
class ConsoleMultipartUploadIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final int MIB = 1024 * 1024;

  /** Five parts of the console's 8 MiB: more than the four it sends at once. */
  static final int FILE_SIZE = 36 * MIB + 12345;

  static final Pattern PART_PUT = Pattern.compile("/parts/(\\d+)\\?");

  ConsolePage page;
  S3Client s3;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
    // nothing left from an earlier test to offer for resuming
    page.driver().executeScript("localStorage.clear()");
    page.driver().navigate().refresh();
    page.visible(By.id("app-view"));
    s3 = SERVER.client();
  }

  @AfterEach
  void close() {
    page.driver().deleteNetworkConditions();
    s3.close();
  }

  @Test
  void aLargeFileIsSentAsFourPartsAtOnce() throws Exception {
    s3.createBucket(b -> b.bucket("parallel"));
    Path file = file("parallel.bin", 11);
    page.go("#/buckets/parallel", "parallel");
    page.driver().executeScript("performance.clearResourceTimings()");
    page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
    WebElement item = panelItem("parallel.bin");
    longWait().until(d -> "done".equals(item.getDomAttribute("data-state")));
    WebElement bar = item.findElement(By.tagName("progress"));
    assertThat(bar.getDomProperty("value")).isEqualTo(String.valueOf(FILE_SIZE));

    // the object is the file, made of the five parts
    assertThat(
            sha256(
                s3.getObjectAsBytes(b -> b.bucket("parallel").key("parallel.bin")).asByteArray()))
        .isEqualTo(sha256(Files.readAllBytes(file)));
    assertThat(
            s3.headObject(b -> b.bucket("parallel").key("parallel.bin").partNumber(1)).partsCount())
        .isEqualTo(5);
    assertThat(s3.listMultipartUploads(b -> b.bucket("parallel")).uploads()).isEmpty();

    // each part sent once, and four of them in flight together
    List<List<Number>> puts = partRequests();
    assertThat(puts).extracting(p -> p.get(0).intValue()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    assertThat(mostAtOnce(puts)).isEqualTo(4);
    assertThat(pendingUploads()).isEqualTo("[]");
  }

  @Test
  void cancellingAbortsTheMultipartUpload() throws Exception {
    s3.createBucket(b -> b.bucket("cancelled"));
    Path file = file("cancelled.bin", 12);
    page.go("#/buckets/cancelled", "cancelled");
    throttle(1024 * 1024);
    page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
    WebElement item = panelItem("cancelled.bin");
    WebElement bar = item.findElement(By.tagName("progress"));
    page.waiting().until(d -> Double.parseDouble(bar.getDomProperty("value")) > 0);
    String uploadId = item.getDomAttribute("data-upload-id");
    assertThat(uploadId).isNotEmpty();
    assertThat(s3.listMultipartUploads(b -> b.bucket("cancelled")).uploads())
        .extracting(u -> u.uploadId())
        .containsExactly(uploadId);
    assertThat(pendingUploads()).contains(uploadId);

    item.findElement(By.xpath(".//button[text()='Cancel']")).click();
    page.waiting().until(d -> "cancelled".equals(item.getDomAttribute("data-state")));
    assertThat(item.getText()).contains("Cancelled");
    assertThat(Double.parseDouble(bar.getDomProperty("value"))).isLessThan(FILE_SIZE);
    assertThat(s3.listMultipartUploads(b -> b.bucket("cancelled")).uploads()).isEmpty();
    assertThat(s3.listObjectsV2(b -> b.bucket("cancelled")).contents()).isEmpty();
    assertThat(pendingUploads()).isEqualTo("[]");
  }

  @Test
  void anUploadInterruptedByAReloadIsResumedWithoutResendingItsStoredParts() throws Exception {
    s3.createBucket(b -> b.bucket("resumed"));
    Path file = file("resumed.bin", 13);
    page.go("#/buckets/resumed", "resumed");
    throttle(4 * 1024 * 1024);
    page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
    WebElement item = panelItem("resumed.bin");
    page.waiting().until(d -> item.getDomAttribute("data-upload-id") != null);
    String uploadId = item.getDomAttribute("data-upload-id");
    List<Part> before =
        longWait()
            .until(
                d -> {
                  List<Part> parts = parts(uploadId);
                  return parts.isEmpty() ? null : parts;
                });

    page.driver().navigate().refresh();
    page.driver().deleteNetworkConditions();
    Set<Integer> stored = new TreeSet<>();
    // parts finished between the look above and the reload count as stored too
    parts(uploadId).forEach(p -> stored.add(p.partNumber()));
    assertThat(stored).hasSizeGreaterThanOrEqualTo(before.size()).hasSizeLessThan(5);

    WebElement offer =
        page.visible(
            By.cssSelector(
                "#upload-panel li[data-state='interrupted'][data-upload-id='" + uploadId + "']"));
    assertThat(offer.getText()).contains("resumed.bin", "Choose resumed.bin again to resume");
    WebElement picker = offer.findElement(By.cssSelector("input.resume-picker"));

    // another file of the same name is refused
    Path other =
        Files.write(
            Files.createDirectories(Path.of("target", "console-uploads", "other"))
                .resolve("resumed.bin"),
            new byte[100]);
    picker.sendKeys(other.toAbsolutePath().toString());
    page.waiting().until(d -> offer.getText().contains("That is not resumed.bin as it was"));
    assertThat(offer.getDomAttribute("data-state")).isEqualTo("interrupted");

    page.driver().executeScript("performance.clearResourceTimings()");
    picker.sendKeys(file.toAbsolutePath().toString());
    longWait().until(d -> "done".equals(offer.getDomAttribute("data-state")));

    assertThat(
            sha256(s3.getObjectAsBytes(b -> b.bucket("resumed").key("resumed.bin")).asByteArray()))
        .isEqualTo(sha256(Files.readAllBytes(file)));
    assertThat(
            s3.headObject(b -> b.bucket("resumed").key("resumed.bin").partNumber(1)).partsCount())
        .isEqualTo(5);
    Set<Integer> sent = new TreeSet<>();
    partRequests().forEach(p -> sent.add(p.get(0).intValue()));
    assertThat(sent).doesNotContainAnyElementsOf(stored);
    Set<Integer> all = new TreeSet<>(sent);
    all.addAll(stored);
    assertThat(all).containsExactly(1, 2, 3, 4, 5);
    assertThat(pendingUploads()).isEqualTo("[]");
    assertThat(s3.listMultipartUploads(b -> b.bucket("resumed")).uploads()).isEmpty();
  }

  private WebElement panelItem(String key) {
    return page.visible(By.cssSelector("#upload-panel li[data-key='" + key + "']"));
  }

  private List<Part> parts(String uploadId) {
    return s3.listParts(b -> b.bucket("resumed").key("resumed.bin").uploadId(uploadId)).parts();
  }

  private void throttle(int bytesPerSecond) {
    ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
    slow.setUploadThroughput(bytesPerSecond);
    slow.setDownloadThroughput(10 * MIB);
    page.driver().setNetworkConditions(slow);
  }

  private WebDriverWait longWait() {
    return new WebDriverWait(page.driver(), Duration.ofSeconds(90));
  }

  private String pendingUploads() {
    Object value =
        page.driver().executeScript("return localStorage.getItem('coffer.pendingUploads')");
    return value == null ? "[]" : value.toString();
  }

  /** The part PUTs of this page, as [part number, start, end] in milliseconds. */
  @SuppressWarnings("unchecked")
  private List<List<Number>> partRequests() {
    List<List<Object>> entries =
        (List<List<Object>>)
            page.driver()
                .executeScript(
                    "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.initiatorType === 'xmlhttprequest')"
                        + ".map(e => [e.name, e.startTime, e.responseEnd])");
    List<List<Number>> parts = new ArrayList<>();
    for (List<Object> entry : entries) {
      Matcher m = PART_PUT.matcher((String) entry.get(0));
      if (m.find()) {
        parts.add(
            List.of(Integer.parseInt(m.group(1)), (Number) entry.get(1), (Number) entry.get(2)));
      }
    }
    return parts;
  }

  /** The largest number of requests whose [start, end] intervals overlap at one moment. */
  private static int mostAtOnce(List<List<Number>> requests) {
    int most = 0;
    for (List<Number> r : requests) {
      double at = r.get(1).doubleValue();
      int overlapping = 0;
      for (List<Number> other : requests) {
        if (other.get(1).doubleValue() <= at && at < other.get(2).doubleValue()) {
          overlapping++;
        }
      }
      most = Math.max(most, overlapping);
    }
    return most;
  }

  private static Path file(String name, long seed) throws Exception {
    byte[] bytes = new byte[FILE_SIZE];
    new Random(seed).nextBytes(bytes);
    return Files.write(
        Files.createDirectories(Path.of("target", "console-uploads")).resolve(name), bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
