package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.s3.model.CORSRule;
import tools.jackson.databind.JsonNode;

/**
 * The CORS rule editor of a bucket's settings page in headless Chromium: rules written there reach
 * the server (a preflight from the page's origin is then allowed), S3's refusals are shown, and
 * saving no rules removes the configuration.
 */
class ConsoleCorsIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  void openSettings(String bucket) {
    page.go("#/buckets/" + bucket + "/settings", bucket + ": settings");
    page.visible(By.id("cors-add-rule"));
  }

  /** The status of a preflight for a PUT from {@code origin}. */
  static int preflight(String bucket, String origin) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(SERVER.s3Uri() + "/" + bucket + "/k"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  void click(WebElement element) {
    page.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  WebElement rule(int number) {
    return page.visible(By.cssSelector("#cors-rules fieldset[data-rule='" + number + "']"));
  }

  @Test
  void aRuleWrittenInTheEditorAllowsItsOriginAndRemovingEveryRuleDisablesCors() throws Exception {
    SERVER.s3().createBucket(b -> b.bucket("web-app"));
    openSettings("web-app");
    assertThat(page.visible(By.id("cors-empty")).getText()).contains("No CORS rules");
    assertThat(preflight("web-app", "https://app.example.com")).isEqualTo(403);

    click(page.clickable(By.id("cors-add-rule")));
    WebElement rule = rule(1);
    rule.findElement(By.cssSelector(".cors-origins")).sendKeys("https://app.example.com");
    click(rule.findElement(By.cssSelector(".cors-method[value='PUT']")));
    rule.findElement(By.cssSelector(".cors-allowed-headers")).sendKeys("*");
    rule.findElement(By.cssSelector(".cors-expose-headers")).sendKeys("ETag\nx-amz-version-id");
    rule.findElement(By.cssSelector(".cors-max-age")).sendKeys("600");
    rule.findElement(By.cssSelector(".cors-id")).sendKeys("uploads");
    click(page.clickable(By.id("cors-save")));
    page.toast("CORS rules of web-app were saved");

    assertThat(SERVER.s3().getBucketCors(b -> b.bucket("web-app")).corsRules())
        .containsExactly(
            CORSRule.builder()
                .id("uploads")
                .allowedOrigins("https://app.example.com")
                .allowedMethods("GET", "PUT")
                .allowedHeaders("*")
                .exposeHeaders("ETag", "x-amz-version-id")
                .maxAgeSeconds(600)
                .build());
    assertThat(preflight("web-app", "https://app.example.com")).isEqualTo(200);
    assertThat(preflight("web-app", "https://other.example.com")).isEqualTo(403);

    // Reloaded, the editor shows what is stored.
    openSettings("web-app");
    WebElement shown = rule(1);
    assertThat(shown.findElement(By.cssSelector(".cors-origins")).getDomProperty("value"))
        .isEqualTo("https://app.example.com");
    assertThat(
            shown.findElements(By.cssSelector(".cors-method")).stream()
                .filter(WebElement::isSelected)
                .map(b -> b.getDomAttribute("value"))
                .toList())
        .isEqualTo(List.of("GET", "PUT"));
    assertThat(page.driver().findElement(By.id("cors-empty")).isDisplayed()).isFalse();

    click(shown.findElement(By.cssSelector(".cors-remove")));
    click(page.clickable(By.id("cors-save")));
    page.toast("CORS rules of web-app were removed");
    JsonNode rules = API.get("/buckets/web-app/cors").json().path("rules");
    assertThat(rules.isArray() && rules.isEmpty()).isTrue();
    assertThat(preflight("web-app", "https://app.example.com")).isEqualTo(403);
  }

  @Test
  void aRuleS3WouldRefuseIsRefusedWithS3sReason() {
    SERVER.s3().createBucket(b -> b.bucket("web-bad"));
    openSettings("web-bad");
    click(page.clickable(By.id("cors-add-rule")));
    rule(1).findElement(By.cssSelector(".cors-origins")).sendKeys("https://*.*.example.com");
    BROWSER.expectConsoleError("400");
    click(page.clickable(By.id("cors-save")));
    assertThat(page.toast("can not have more than one wildcard"))
        .contains("AllowedOrigin \"https://*.*.example.com\"");
    JsonNode rules = API.get("/buckets/web-bad/cors").json().path("rules");
    assertThat(rules.isArray() && rules.isEmpty()).isTrue();
  }
}
