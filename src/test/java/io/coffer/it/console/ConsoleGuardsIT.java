package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What must never happen: data rendered as markup, requests leaving for a CDN, a broken phone
 * layout.
 */
class ConsoleGuardsIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final String HOSTILE =
      "<img src=x onerror=\"window.pwned=1\">/<b>bold &amp; <i>italic.txt";

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    BROWSER.viewport(ConsoleBrowser.WIDTH, ConsoleBrowser.HEIGHT);
    page.signIn(CofferTestServer.API_KEY);
  }

  @Test
  void keysAndMetadataAreShownAsTextNeverAsMarkup() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("hostile"));
      s3.putObject(
          b ->
              b.bucket("hostile")
                  .key(HOSTILE)
                  .metadata(Map.of("note", "<script>window.pwned=2</script>")),
          RequestBody.fromString("x"));
    }
    page.go("#/buckets/hostile", "hostile");
    WebElement folder = page.waitForRow("<img src=x onerror=\"window.pwned=1\">/");
    assertThat(folder.getText()).contains("<img src=x onerror=\"window.pwned=1\">/");
    folder.findElement(By.tagName("a")).click();
    WebElement row = page.waitForRow(HOSTILE);
    assertThat(row.getText()).contains("<b>bold &amp; <i>italic.txt");
    assertThat(row.findElements(By.tagName("img"))).isEmpty();
    assertThat(row.findElements(By.cssSelector("b, i"))).isEmpty();

    row.findElement(By.cssSelector("button.object-name")).click();
    assertThat(page.visible(By.id("object-metadata")).getText())
        .contains("<script>window.pwned=2</script>");
    assertThat(page.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
    assertThat(page.driver().findElements(By.cssSelector("dialog script, main img"))).isEmpty();
  }

  @Test
  void aRequestToACdnIsCaught() {
    page.driver()
        .executeScript(
            "const s = document.createElement('script'); s.src ="
                + " 'https://cdn.example.invalid/lib.js'; document.head.append(s);const i ="
                + " document.createElement('img'); i.src = 'http://fonts.example.invalid/x.png';"
                + " document.body.append(i);");
    List<String> problems =
        page.waiting()
            .until(
                d -> {
                  List<String> found = BROWSER.problems().collect(d);
                  return found.stream().anyMatch(p -> p.contains("cdn.example.invalid"))
                      ? found
                      : null;
                });
    // Both the CSP's refusal (a console error) and the attempted request itself are reported.
    assertThat(problems)
        .anyMatch(p -> p.startsWith("browser console error") && p.contains("cdn.example.invalid"));
    assertThat(String.join("\n", problems))
        .contains("request to another host: https://cdn.example.invalid/lib.js");
  }

  @Test
  void anUnexpectedConsoleErrorIsCaught() {
    page.driver().executeScript("console.error('something broke')");
    assertThat(BROWSER.problems().collect(page.driver()))
        .anyMatch(p -> p.contains("something broke"));
  }

  @Test
  void thePhoneLayoutHasNoSidewaysScrollingAndKeepsEverySection() {
    try (S3Client s3 = SERVER.client()) {
      s3.createBucket(b -> b.bucket("phone-layout"));
    }
    BROWSER.viewport(390, 844);
    for (String[] route :
        new String[][] {
          {"#/", "Dashboard"},
          {"#/buckets", "Buckets"},
          {"#/buckets/phone-layout", "phone-layout"},
          {"#/buckets/phone-layout/access", "Access: phone-layout"},
          {"#/credentials", "Credentials"},
          {"#/policies", "Policies"},
          {"#/groups", "Groups"},
          {"#/uploads", "Multipart uploads"},
          {"#/presigned", "Presigned URLs"},
          {"#/kms-keys", "KMS keys"},
          {"#/notification-targets", "Notification targets"},
          {"#/operations", "Operations"},
          {"#/trace", "Trace"}
        }) {
      page.go(route[0], route[1]);
      Object overflow =
          page.driver()
              .executeScript(
                  "return document.documentElement.scrollWidth -"
                      + " document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue())
          .as("sideways overflow on %s", route[0])
          .isLessThanOrEqualTo(0);
    }
    List<WebElement> links = page.driver().findElements(By.cssSelector("#nav a"));
    assertThat(links).hasSize(11);
    links.get(1).click();
    page.waiting().until(d -> page.headingIs("Buckets"));
  }
}
