package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An S3 user signed in to the console with its access key and secret: only its buckets and objects,
 * no administrator's section in the navigation or by URL, and sign-out revokes it.
 */
class ConsoleUserSessionIT {
  @RegisterExtension
  @Order(1)
  static final CofferTestServer SERVER = new CofferTestServer();

  @RegisterExtension
  @Order(2)
  static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  static final Api API = new Api(SERVER);
  static final String DANA_KEY = "DANACONSOLEUSER00001";
  static final String DANA_SECRET = "dana-secret-key-for-the-console-session";

  ConsolePage page;

  @BeforeAll
  static void arrange() {
    Api.Reply dana =
        API.post(
            "/credentials",
            "{\"user_name\": \"dana\", \"access_key\": \""
                + DANA_KEY
                + "\", \"secret_key\": \""
                + DANA_SECRET
                + "\"}");
    assertThat(dana.status()).as(dana.http().body()).isEqualTo(201);
    long danaId = dana.json().get("id").asLong();
    long adminId =
        API.get("/credentials")
            .json()
            .get("credentials")
            .valueStream()
            .filter(c -> c.get("access_key").asString().equals(CofferTestServer.ACCESS_KEY))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();
    for (String[] bucket :
        new String[][] {{"dana-files", "" + danaId}, {"ops-secrets", "" + adminId}}) {
      Api.Reply created =
          API.post(
              "/buckets", "{\"name\": \"" + bucket[0] + "\", \"owner_id\": " + bucket[1] + "}");
      assertThat(created.status()).as(created.http().body()).isEqualTo(201);
    }
    assertThat(API.send("PUT", "/buckets/dana-files/objects/report.txt", "dana's").status())
        .isEqualTo(200);
    assertThat(API.send("PUT", "/buckets/ops-secrets/objects/keys.txt", "admin's").status())
        .isEqualTo(200);
  }

  @BeforeEach
  void open() {
    page = new ConsolePage(BROWSER);
  }

  @Test
  void aUserSeesItsBucketsAndObjectsAndNoAdministratorSection() {
    page.signInAsUser(DANA_KEY, DANA_SECRET);
    // A user's home is its buckets, not the server's dashboard.
    page.waiting().until(d -> page.headingIs("Buckets"));
    page.waitForRow("dana-files");
    assertThat(page.row("ops-secrets")).isEmpty();
    assertThat(page.driver().findElements(By.id("create-bucket"))).isEmpty();
    assertThat(page.visible(By.id("signed-in-as")).getText()).contains("dana", "S3 user");

    List<String> shown =
        page.driver().findElements(By.cssSelector("#nav a")).stream()
            .filter(WebElement::isDisplayed)
            .map(a -> a.getDomAttribute("data-section"))
            .toList();
    assertThat(shown).contains("buckets", "presigned");
    assertThat(shown).doesNotContain("dashboard", "credentials", "policies", "groups", "kms-keys");

    page.go("#/buckets/dana-files", "dana-files");
    page.waitForRow("report.txt");
    assertThat(page.driver().findElements(By.id("bucket-settings-link"))).isEmpty();
    assertThat(page.driver().findElements(By.id("bucket-access-link"))).isEmpty();
  }

  @Test
  void administratorPagesTypedIntoTheAddressBarSayNotAllowed() {
    page.signInAsUser(DANA_KEY, DANA_SECRET);
    page.waiting().until(d -> page.headingIs("Buckets"));
    for (String route :
        List.of(
            "#/credentials",
            "#/policies",
            "#/groups",
            "#/kms-keys",
            "#/notification-targets",
            "#/uploads",
            "#/buckets/dana-files/settings",
            "#/buckets/dana-files/access")) {
      page.go(route, "Not allowed");
      assertThat(page.visible(By.id("main")).getText()).contains(DANA_KEY);
    }
    // The dashboard's address leads to the user's buckets.
    page.driver().get(BROWSER.consoleUrl() + "#/");
    page.waiting().until(d -> page.headingIs("Buckets"));
  }

  @Test
  void aWrongSecretIsRefusedAndNoSessionIsKept() {
    BROWSER.expectConsoleError("401");
    page.openSignedOut();
    page.clickable(By.id("signin-kind-user")).click();
    page.visible(By.id("access-key-id")).sendKeys(DANA_KEY);
    page.driver().findElement(By.id("secret-access-key")).sendKeys(DANA_SECRET + "x");
    page.driver().findElement(By.id("signin-button")).click();
    assertThat(page.visible(By.id("signin-error")).getText())
        .contains("access key ID or the secret access key is not valid");
    assertThat(page.sessionCookie()).isNull();
    assertThat(page.driver().findElement(By.id("app-view")).isDisplayed()).isFalse();
  }

  @Test
  void signingOutRevokesTheUsersSessionAndTheSecretIsNotKept() {
    page.signInAsUser(DANA_KEY, DANA_SECRET);
    page.waiting().until(d -> page.headingIs("Buckets"));
    String token = page.sessionCookie().getValue();
    String kept =
        (String)
            page.driver()
                .executeScript(
                    "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage) +"
                        + " document.cookie + document.getElementById('secret-access-key').value");
    assertThat(kept).doesNotContain(DANA_SECRET).doesNotContain(token);

    page.clickable(By.id("signout-button")).click();
    page.visible(By.id("signin-view"));
    assertThat(page.sessionCookie()).isNull();
    Api.Reply after =
        API.send("GET", "/buckets", null, java.util.Map.of("Cookie", "coffer_session=" + token));
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void theAdministratorStillSeesEverything() {
    page.signIn(CofferTestServer.API_KEY);
    page.waiting().until(d -> page.headingIs("Dashboard"));
    assertThat(page.visible(By.id("signed-in-as")).getText()).isEqualTo("Administrator");
    page.go("#/buckets", "Buckets");
    page.waitForRow("ops-secrets");
    page.waitForRow("dana-files");
    page.go("#/credentials", "Credentials");
  }
}
