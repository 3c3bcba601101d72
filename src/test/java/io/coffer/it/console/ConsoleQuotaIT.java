package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;

/** The quota section of a bucket's settings page, in headless Chromium. */
class ConsoleQuotaIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("quota-console");

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

  String usageText() {
    return page.visible(By.id("quota-usage")).getText();
  }

  @Test
  void theQuotaIsShownWithTheUsageSetAndRemoved() {
    SERVER
        .s3()
        .putObject(
            b -> b.bucket("quota-console").key("a.bin"), RequestBody.fromBytes(new byte[1024]));
    page.go("#/buckets/quota-console/settings", "quota-console: settings");
    page.waiting().until(d -> usageText().contains("None"));
    assertThat(usageText()).contains("Objects").contains("1,024 bytes");
    assertThat(page.driver().findElements(By.id("quota-meter"))).isEmpty();

    WebElement amount = page.visible(By.id("quota-amount"));
    amount.clear();
    amount.sendKeys("2");
    new Select(page.visible(By.id("quota-unit"))).selectByVisibleText("KiB");
    page.clickable(By.id("save-quota")).click();
    page.toast("The quota of quota-console is now 2.0 KiB.");
    assertThat(API.get("/buckets/quota-console/quota").json().get("quota_bytes").asLong())
        .isEqualTo(2048);
    WebElement meter = page.visible(By.id("quota-meter"));
    assertThat(meter.getDomProperty("value")).isEqualTo("1024");
    assertThat(meter.getDomProperty("max")).isEqualTo("2048");
    assertThat(page.driver().findElement(By.cssSelector(".quota-bar")).getText())
        .contains("50.0 % of the quota used");

    // Reopened, the page shows the quota in the unit it was set in.
    page.go("#/buckets/quota-console/settings", "quota-console: settings");
    page.waiting().until(d -> usageText().contains("2.0 KiB"));
    assertThat(page.visible(By.id("quota-amount")).getDomProperty("value")).isEqualTo("2");
    assertThat(new Select(page.visible(By.id("quota-unit"))).getFirstSelectedOption().getText())
        .isEqualTo("KiB");

    page.clickable(By.id("remove-quota")).click();
    page.toast("quota-console has no quota now.");
    assertThat(API.get("/buckets/quota-console/quota").json().get("quota_bytes").isNull()).isTrue();
    page.waiting().until(d -> usageText().contains("None"));
  }
}
