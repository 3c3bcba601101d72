package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/** The policies and groups pages and the credentials page's access flows, in headless Chromium. */
class ConsoleIdentitiesIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);

  static final String READ_PHOTOS =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
          + " [\"s3:GetObject\"], \"Resource\": \"arn:aws:s3:::photos/*\"}]}";

  ConsolePage page;

  @BeforeEach
  void signIn() {
    page = new ConsolePage(BROWSER);
    page.signIn(CofferTestServer.API_KEY);
  }

  void typeDocument(String id, String text) {
    WebElement editor = page.visible(By.id(id));
    editor.clear();
    editor.sendKeys(text);
  }

  /** Creates a credential over the API; its ID. */
  static long credential(String userName, String accessKey, String secretKey) {
    Api.Reply reply =
        API.send(
            "POST",
            "/credentials",
            "{\"user_name\": \""
                + userName
                + "\", \"access_key\": \""
                + accessKey
                + "\", \"secret_key\": \""
                + secretKey
                + "\"}");
    assertThat(reply.status()).isEqualTo(201);
    return reply.json().get("id").asLong();
  }

  void check(String dataAttribute, String value) {
    WebElement box =
        page.visible(
            By.cssSelector("dialog[open] input[data-" + dataAttribute + "='" + value + "']"));
    box.click();
  }

  @Test
  void aPolicyIsCreatedWithTheEditorAfterAMalformedOneIsRefusedThenEditedAndDeleted() {
    page.go("#/policies", "Policies");
    WebElement builtin = page.waitForRow("readonly");
    assertThat(builtin.getText()).contains("Built-in", "View").doesNotContain("Delete");

    page.clickable(By.id("create-policy")).click();
    page.visible(By.id("policy-name")).sendKeys("photos-read");
    typeDocument("policy-document", READ_PHOTOS.replace("s3:GetObject", "s3:GetPhoto"));
    BROWSER.expectConsoleError("400");
    page.dialogButton("Create");
    page.waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("#policy-document-message.form-error"))
                    .getText()
                    .equals("Policy has invalid action"));
    assertThat(API.get("/policies/photos-read").status()).isEqualTo(404);

    typeDocument("policy-document", READ_PHOTOS);
    page.dialogButton("Create");
    page.waitForNoDialog();
    assertThat(page.waitForRow("photos-read").getText()).doesNotContain("Built-in");
    assertThat(API.get("/policies/photos-read").json().get("document").toString())
        .contains("s3:GetObject", "arn:aws:s3:::photos/*");

    ConsolePage.rowButton(page.waitForRow("photos-read"), "Edit");
    assertThat(page.visible(By.id("policy-document")).getDomProperty("value"))
        .contains("arn:aws:s3:::photos/*");
    typeDocument("policy-document", READ_PHOTOS.replace("photos/*", "albums/*"));
    page.dialogButton("Save");
    page.waitForNoDialog();
    assertThat(API.get("/policies/photos-read").json().get("document").toString())
        .contains("arn:aws:s3:::albums/*");

    ConsolePage.rowButton(page.waitForRow("photos-read"), "Delete");
    page.dialogButton("Delete policy");
    page.waitForNoRow("photos-read");
    assertThat(API.get("/policies/photos-read").status()).isEqualTo(404);
  }

  @Test
  void aGroupIsCreatedWithAMemberAndAPolicyThenChangedAndDeleted() {
    long gina = credential("gina", "GINAACCESSKEY0000001", "gina-secret-key-0123456789");
    page.go("#/groups", "Groups");
    page.clickable(By.id("create-group")).click();
    page.visible(By.id("group-name")).sendKeys("editors");
    check("member", Long.toString(gina));
    check("policy", "readonly");
    page.dialogButton("Create");
    page.waitForNoDialog();
    assertThat(page.waitForRow("editors").getText()).contains("gina", "readonly");
    JsonNode group = API.get("/groups/editors").json();
    assertThat(group.get("members").get(0).asLong()).isEqualTo(gina);
    assertThat(group.get("policies").toString()).isEqualTo("[\"readonly\"]");

    ConsolePage.rowButton(page.waitForRow("editors"), "Edit");
    check("policy", "readonly");
    check("policy", "readwrite");
    page.dialogButton("Save");
    page.waitForNoDialog();
    assertThat(API.get("/groups/editors").json().get("policies").toString())
        .isEqualTo("[\"readwrite\"]");

    ConsolePage.rowButton(page.waitForRow("editors"), "Delete");
    page.dialogButton("Delete group");
    page.waitForNoRow("editors");
    assertThat(API.get("/groups/editors").status()).isEqualTo(404);
  }

  @Test
  void aPolicyAttachedToACredentialLetsItReadOtherBuckets() {
    SERVER.s3().createBucket(b -> b.bucket("shared"));
    long hal = credential("hal", "HALACCESSKEY00000001", "hal-secret-key-0123456789");
    try (S3Client client = SERVER.client("HALACCESSKEY00000001", "hal-secret-key-0123456789")) {
      assertThatThrownBy(() -> client.listObjectsV2(b -> b.bucket("shared")))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      page.go("#/credentials", "Credentials");
      assertThat(page.waitForRow("HALACCESSKEY00000001").getText()).contains("Own buckets only");
      ConsolePage.rowButton(page.waitForRow("HALACCESSKEY00000001"), "Access");
      check("policy", "readonly");
      page.dialogButton("Save");
      page.waitForNoDialog();
      page.waiting()
          .until(d -> page.waitForRow("HALACCESSKEY00000001").getText().contains("readonly"));
      assertThat(API.get("/credentials/" + hal).json().get("policies").toString())
          .isEqualTo("[\"readonly\"]");
      assertThat(client.listObjectsV2(b -> b.bucket("shared")).contents()).isEmpty();

      ConsolePage.rowButton(page.waitForRow("HALACCESSKEY00000001"), "Access");
      check("policy", "readonly");
      page.dialogButton("Save");
      page.waitForNoDialog();
      assertThat(API.get("/credentials/" + hal).json().get("policies").size()).isZero();
    }
  }

  @Test
  void aServiceAccountIsCreatedWithAParentAnExpiryAndAnInlinePolicy() {
    long ivy = credential("ivy", "IVYACCESSKEY00000001", "ivy-secret-key-0123456789");
    page.go("#/credentials", "Credentials");
    page.clickable(By.id("create-service-account")).click();
    new org.openqa.selenium.support.ui.Select(page.visible(By.id("service-parent")))
        .selectByValue(Long.toString(ivy));
    page.visible(By.id("service-user")).sendKeys("ivy-ci");
    page.driver()
        .executeScript(
            "arguments[0].value = '2031-01-02T03:04'", page.visible(By.id("service-expires")));
    typeDocument("service-policy", READ_PHOTOS);
    page.dialogButton("Create");
    String accessKey = page.visible(By.id("new-access-key")).getDomProperty("value");
    page.dialogButton("I have saved the secret key");

    WebElement row = page.waitForRow(accessKey);
    assertThat(row.getText()).contains("Service account of ivy", "Expires");
    List<JsonNode> all = API.get("/credentials").json().get("credentials").valueStream().toList();
    JsonNode made =
        all.stream()
            .filter(c -> c.get("access_key").asString().equals(accessKey))
            .findFirst()
            .orElseThrow();
    assertThat(made.get("parent_id").asLong()).isEqualTo(ivy);
    assertThat(made.get("expires_at").asString()).startsWith("2031-01-0");
    JsonNode detail = API.get("/credentials/" + made.get("id").asLong()).json();
    assertThat(detail.get("policy").toString()).contains("arn:aws:s3:::photos/*");

    ConsolePage.rowButton(row, "Details");
    assertThat(page.visible(By.id("inline-policy")).getDomProperty("value"))
        .contains("arn:aws:s3:::photos/*");
    page.dialogButton("Close");
  }
}
