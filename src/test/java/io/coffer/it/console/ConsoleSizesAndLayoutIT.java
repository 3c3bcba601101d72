package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sizes in one convention (binary, with IEC names) on every page and on the chart's axis; keys of
 * 1,000 characters on a phone's 375 px without the page scrolling sideways; notices that do not
 * stay on screen when the user moves to another page.
 */
class ConsoleSizesAndLayoutIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  /** A size written with a decimal-looking unit ("976.6 KB", "1.0 MB"): none may be shown. */
  static final Pattern DECIMAL_UNIT = Pattern.compile("\\d (KB|MB|GB|TB)\\b");

  static final Pattern TICK = Pattern.compile("(\\d+) (B|KiB|MiB|GiB|TiB)");
  static final List<String> UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB");

  static final String LONG_KEY = "report-" + "x".repeat(993);
  static final String LONG_FOLDER = "f".repeat(600) + "/";

  ConsolePage page;

  @BeforeAll
  static void storeObjects() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("sizes-mib"));
      s3.createBucket(b -> b.bucket("sizes-million"));
      s3.createBucket(b -> b.bucket("long-keys"));
      s3.putObject(
          b -> b.bucket("sizes-mib").key("one-mib.bin"), RequestBody.fromBytes(new byte[1 << 20]));
      s3.putObject(
          b -> b.bucket("sizes-million").key("million.bin"),
          RequestBody.fromBytes(new byte[1_000_000]));
      s3.putObject(b -> b.bucket("long-keys").key(LONG_KEY), RequestBody.fromString("long"));
      s3.putObject(
          b -> b.bucket("long-keys").key(LONG_FOLDER + "g".repeat(399)),
          RequestBody.fromString("deep"));
      s3.createMultipartUpload(b -> b.bucket("long-keys").key(LONG_KEY));
    }
  }

  @BeforeEach
  void signIn() {
    BROWSER.viewport(ConsoleBrowser.WIDTH, ConsoleBrowser.HEIGHT);
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  @Test
  void sizesAreBinaryWithIecNamesOnEveryPage() {
    page.go("#/buckets", "Buckets");
    assertThat(page.waitForRow("sizes-mib").getText()).contains("1.0 MiB");
    assertThat(page.waitForRow("sizes-million").getText()).contains("976.6 KiB");
    assertNoDecimalUnits();

    page.go("#/buckets/sizes-mib", "sizes-mib");
    assertThat(page.waitForRow("one-mib.bin").getText()).contains("1.0 MiB");
    assertNoDecimalUnits();

    page.go("#/uploads", "Multipart uploads");
    page.waiting().until(d -> !d.findElements(By.cssSelector("main tbody tr[data-id]")).isEmpty());
    assertThat(page.driver().findElement(By.cssSelector("main tbody tr[data-id]")).getText())
        .contains("0.0 B");
    assertNoDecimalUnits();

    page.go("#/", "Dashboard");
    page.waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("[data-stat='total_storage'] .stat-value"))
                    .getText()
                    .equals("2.0 MiB"));
    assertNoDecimalUnits();
  }

  @SuppressWarnings("unchecked")
  @Test
  void theStorageAxisTicksAreWholeBinaryUnitsEachLabelledExactly() {
    page.go("#/", "Dashboard");
    // the largest bucket holds 1 MiB: a decimal step of 100,000 bytes would read "97.7 KiB"
    List<List<Object>> ticks =
        (List<List<Object>>)
            page.waiting()
                .until(
                    d ->
                        page.driver()
                            .executeScript(
                                "const c = window.Chart && Chart.getChart('bucket-chart'); if (!c"
                                    + " || c.data.labels.length < 3) return null; return"
                                    + " c.scales.bytes.ticks.map(t => [t.value, t.label]);"));
    assertThat(ticks).hasSizeGreaterThan(2);
    for (List<Object> tick : ticks) {
      double value = ((Number) tick.get(0)).doubleValue();
      String label = (String) tick.get(1);
      Matcher m = TICK.matcher(label);
      assertThat(m.matches()).as("tick label %s", label).isTrue();
      double stated = Long.parseLong(m.group(1)) * Math.pow(1024, UNITS.indexOf(m.group(2)));
      assertThat(stated).as("tick %s at %s bytes", label, value).isEqualTo(value);
    }
    double step = ((Number) ticks.get(1).get(0)).doubleValue();
    assertThat(step % 1024).as("the step is whole KiB").isZero();
  }

  @Test
  void longKeysFitAPhoneScreenWithoutSidewaysScrolling() throws Exception {
    BROWSER.viewport(375, 800);
    page.go("#/buckets/long-keys", "long-keys");
    page.waitForRow(LONG_KEY);
    page.waitForRow(LONG_FOLDER);
    assertNoSidewaysScrolling("the listing");

    page.waitForRow(LONG_KEY).findElement(By.cssSelector("button.object-name")).click();
    WebElement dialog = page.dialog();
    page.waiting().until(d -> dialog.getText().contains(LONG_KEY.substring(0, 40)));
    assertNoSidewaysScrolling("the details dialog");
    assertThat(scrollsSideways(dialog)).as("the details dialog scrolls sideways").isFalse();
    page.dialogButton("Close");
    page.waitForNoDialog();

    page.go("#/buckets/long-keys?prefix=" + LONG_FOLDER, "long-keys");
    page.waitForRow(LONG_FOLDER + "g".repeat(399));
    assertNoSidewaysScrolling("a folder with a 600-character name");
    Path file =
        Files.write(
            Files.createDirectories(Path.of("target", "console-uploads")).resolve("small.txt"),
            "small".getBytes());
    page.driver().findElement(By.id("file-picker")).sendKeys(file.toAbsolutePath().toString());
    WebElement item =
        page.visible(By.cssSelector("#upload-panel li[data-key='" + LONG_FOLDER + "small.txt']"));
    page.waiting().until(d -> "done".equals(item.getDomAttribute("data-state")));
    assertNoSidewaysScrolling("the upload panel");
    WebElement panel = page.visible(By.id("upload-panel"));
    assertThat(scrollsSideways(panel)).as("the upload panel scrolls sideways").isFalse();

    page.go("#/uploads", "Multipart uploads");
    page.waiting().until(d -> d.findElements(By.cssSelector("main tbody tr[data-id]")).size() == 1);
    assertNoSidewaysScrolling("the uploads page");
  }

  @Test
  void noticesOfAPageAreClearedWhenMovingToAnother() {
    page.go("#/buckets/sizes-mib/settings", "sizes-mib: settings");
    WebElement amount = page.visible(By.id("quota-amount"));
    amount.clear();
    amount.sendKeys("-1");
    page.clickable(By.id("save-quota")).click();
    page.toast("The quota is a size of 0 or more.");

    page.go("#/buckets", "Buckets");
    page.waitForRow("sizes-mib");
    page.waiting().until(d -> d.findElements(By.cssSelector("#toasts .toast.error")).isEmpty());

    // a notice about the page being opened is shown: it came after the clearing
    BROWSER.expectConsoleError("404");
    page.driver().get(BROWSER.consoleUrl() + "#/buckets/no-such-bucket");
    assertThat(page.toast("does not exist")).contains("does not exist");
  }

  private void assertNoDecimalUnits() {
    String text = page.driver().findElement(By.tagName("body")).getText();
    assertThat(DECIMAL_UNIT.matcher(text).find())
        .as("a decimal-looking unit in: %s", text)
        .isFalse();
  }

  private void assertNoSidewaysScrolling(String where) {
    Object overflow =
        page.driver()
            .executeScript(
                "return document.documentElement.scrollWidth -"
                    + " document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue())
        .as("sideways overflow on %s", where)
        .isLessThanOrEqualTo(0);
  }

  private boolean scrollsSideways(WebElement element) {
    Map<?, ?> size =
        (Map<?, ?>)
            page.driver()
                .executeScript(
                    "return {scroll: arguments[0].scrollWidth, client: arguments[0].clientWidth}",
                    element);
    return ((Number) size.get("scroll")).intValue() > ((Number) size.get("client")).intValue();
  }
}
