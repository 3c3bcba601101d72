package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Event notifications in headless Chromium: a target created on the targets page (its secret typed
 * once and never shown again), named by a rule written in a bucket's settings (which S3 clients
 * then read), refused deletion while in use, and deleted once the rules are gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleNotificationsIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = CofferTestServer.withBuckets("photos-events");

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);
  static final String TOKEN = "console-bearer-token-" + System.nanoTime();

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  /**
   * Clicks a control scrolled to the middle of the window. The notifications section is the last of
   * the page, so it may stay in the lower corner where toasts are: those are dismissed first.
   */
  void click(WebElement element) {
    page.driver()
        .findElements(By.cssSelector("#toasts .toast-close"))
        .forEach(
            close -> {
              try {
                close.click();
              } catch (WebDriverException gone) {
                // it went by itself meanwhile (non-error toasts last five seconds)
              }
            });
    page.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  void openSettings(String bucket) {
    page.go("#/buckets/" + bucket + "/settings", bucket + ": settings");
    page.visible(By.id("notification-add-rule"));
  }

  WebElement rule(int number) {
    return page.visible(By.cssSelector("#notification-rules fieldset[data-rule='" + number + "']"));
  }

  @Test
  @Order(1) // first: it starts from a server without targets
  void aTargetIsCreatedNamedByABucketsRuleAndDeletedOnceNoRuleNamesIt() {
    // Before any target exists, a bucket's rules editor says where to create one.
    page.go("#/buckets/photos-events/settings", "photos-events: settings");
    assertThat(page.visible(By.id("notification-no-targets")).getText())
        .contains("Create a target first");
    assertThat(page.visible(By.id("notification-add-rule")).isEnabled()).isFalse();

    page.go("#/notification-targets", "Notification targets");
    page.clickable(By.id("create-target")).click();
    page.visible(By.id("target-id")).sendKeys("resizer");
    new Select(page.visible(By.id("target-type"))).selectByValue("webhook");
    page.visible(By.id("target-endpoint")).sendKeys("http://127.0.0.1:9/resize");
    page.visible(By.id("target-auth_token")).sendKeys(TOKEN);
    page.dialogButton("Create");
    page.toast("arn:coffer:sqs::resizer:webhook");
    WebElement row = page.waitForRow("resizer");
    assertThat(row.getText()).contains("webhook", "arn:coffer:sqs::resizer:webhook", "queued");
    assertThat(page.driver().getPageSource()).doesNotContain(TOKEN);
    JsonNode stored = API.get("/notification-targets/resizer").json();
    assertThat(stored.path("config").path("endpoint").asString())
        .isEqualTo("http://127.0.0.1:9/resize");

    // The bucket's settings: a rule for .jpg uploads under photos/.
    openSettings("photos-events");
    assertThat(page.visible(By.id("notification-empty")).getText())
        .contains("No notification rules");
    click(page.clickable(By.id("notification-add-rule")));
    WebElement rule = rule(1);
    assertThat(
            new Select(rule.findElement(By.cssSelector(".notification-target")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("arn:coffer:sqs::resizer:webhook");
    click(rule.findElement(By.cssSelector(".notification-event[value='s3:ObjectRemoved:*']")));
    rule.findElement(By.cssSelector(".notification-prefix")).sendKeys("photos/");
    rule.findElement(By.cssSelector(".notification-suffix")).sendKeys(".jpg");
    rule.findElement(By.cssSelector(".notification-id")).sendKeys("thumbs");
    click(page.clickable(By.id("notification-save")));
    page.toast("notification rules of photos-events were saved");

    List<QueueConfiguration> s3 =
        SERVER
            .s3()
            .getBucketNotificationConfiguration(b -> b.bucket("photos-events"))
            .queueConfigurations();
    assertThat(s3).hasSize(1);
    assertThat(s3.get(0).id()).isEqualTo("thumbs");
    assertThat(s3.get(0).queueArn()).isEqualTo("arn:coffer:sqs::resizer:webhook");
    assertThat(s3.get(0).eventsAsStrings())
        .containsExactlyInAnyOrder("s3:ObjectCreated:*", "s3:ObjectRemoved:*");

    // Reloaded, the editor shows what is stored.
    openSettings("photos-events");
    WebElement shown = rule(1);
    assertThat(shown.findElement(By.cssSelector(".notification-prefix")).getDomProperty("value"))
        .isEqualTo("photos/");
    assertThat(
            shown.findElements(By.cssSelector(".notification-event")).stream()
                .filter(WebElement::isSelected)
                .map(b -> b.getDomAttribute("value"))
                .toList())
        .containsExactly("s3:ObjectCreated:*", "s3:ObjectRemoved:*");

    // In use: the targets page shows the bucket, and deleting is refused with the reason.
    page.go("#/notification-targets", "Notification targets");
    assertThat(page.waitForRow("resizer").getText()).contains("photos-events");
    BROWSER.expectConsoleError("409");
    ConsolePage.rowButton(page.waitForRow("resizer"), "Delete");
    page.dialogButton("Delete target");
    String refusal =
        page.waiting()
            .until(
                d -> {
                  String text = page.dialog().findElement(By.cssSelector(".form-error")).getText();
                  return text.isEmpty() ? null : text;
                });
    assertThat(refusal).contains("photos-events");
    page.dialogButton("Cancel");
    page.waitForNoDialog();
    assertThat(API.get("/notification-targets/resizer").status()).isEqualTo(200);

    // Rules removed, the target goes.
    openSettings("photos-events");
    click(rule(1).findElement(By.cssSelector(".notification-remove")));
    click(page.clickable(By.id("notification-save")));
    page.toast("notification rules of photos-events were removed");
    page.go("#/notification-targets", "Notification targets");
    ConsolePage.rowButton(page.waitForRow("resizer"), "Delete");
    page.dialogButton("Delete target");
    page.toast("Notification target resizer deleted.");
    page.waitForNoRow("resizer");
    assertThat(API.get("/notification-targets/resizer").status()).isEqualTo(404);
  }

  /** Fills the create dialog: text fields by name, selects by name, checkboxes named "check:x". */
  void createOnThePage(String id, String type, Map<String, String> fields) {
    page.clickable(By.id("create-target")).click();
    page.visible(By.id("target-id")).sendKeys(id);
    new Select(page.visible(By.id("target-type"))).selectByValue(type);
    fields.forEach(
        (name, value) -> {
          if (name.startsWith("check:")) {
            page.visible(By.id("target-" + name.substring(6))).click();
            return;
          }
          WebElement control = page.visible(By.id("target-" + name));
          if (control.getTagName().equals("select")) {
            new Select(control).selectByValue(value);
          } else {
            control.sendKeys(value);
          }
        });
    page.dialogButton("Create");
    page.toast("arn:coffer:sqs::" + id + ":" + type);
    page.waitForNoDialog();
  }

  @Test
  @Order(2)
  void everyTypesFormMakesAConfigurationTheServerAccepts() {
    page.go("#/notification-targets", "Notification targets");
    createOnThePage(
        "form-nats",
        "nats",
        Map.of("url", "nats://127.0.0.1:4222", "subject", "coffer.form", "check:jetstream", ""));
    createOnThePage(
        "form-amqp",
        "amqp",
        Map.of(
            "url", "amqp://127.0.0.1:5672/",
            "exchange", "coffer-form",
            "exchange_type", "fanout",
            "routing_key", "photos"));
    createOnThePage(
        "form-mqtt",
        "mqtt",
        Map.of("broker", "tcp://127.0.0.1:1883", "topic", "coffer/form", "qos", "2"));
    createOnThePage(
        "form-redis",
        "redis",
        Map.of("url", "redis://127.0.0.1:6379", "key", "coffer-form", "format", "stream"));
    createOnThePage(
        "form-pg",
        "postgresql",
        Map.of("url", "postgresql://127.0.0.1:5432/test", "table", "coffer_form"));
    createOnThePage(
        "form-kafka", "kafka", Map.of("brokers", "127.0.0.1:9092", "topic", "coffer-form"));

    JsonNode nats = API.get("/notification-targets/form-nats").json().path("config");
    assertThat(nats.path("subject").asString()).isEqualTo("coffer.form");
    assertThat(nats.path("jetstream").asBoolean()).isTrue();
    JsonNode amqp = API.get("/notification-targets/form-amqp").json().path("config");
    assertThat(amqp.path("exchange_type").asString()).isEqualTo("fanout");
    assertThat(amqp.path("routing_key").asString()).isEqualTo("photos");
    JsonNode mqtt = API.get("/notification-targets/form-mqtt").json().path("config");
    assertThat(mqtt.path("qos").isInt() && mqtt.path("qos").asInt() == 2).isTrue();
    assertThat(
            API.get("/notification-targets/form-redis")
                .json()
                .path("config")
                .path("format")
                .asString())
        .isEqualTo("stream");
    assertThat(
            API.get("/notification-targets/form-pg").json().path("config").path("table").asString())
        .isEqualTo("coffer_form");
    assertThat(
            API.get("/notification-targets/form-kafka")
                .json()
                .path("config")
                .path("topic")
                .asString())
        .isEqualTo("coffer-form");
    for (String id :
        List.of("form-nats", "form-amqp", "form-mqtt", "form-redis", "form-pg", "form-kafka")) {
      assertThat(page.waitForRow(id).getText()).contains("arn:coffer:sqs::" + id);
    }
  }
}
