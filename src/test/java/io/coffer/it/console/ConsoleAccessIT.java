package io.coffer.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's access page in headless Chromium: the policy templates change what anonymous requests
 * get, the public access block reaches the server, and the summary says what anyone may do.
 */
class ConsoleAccessIT {
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

  static void bucketWith(String bucket, String... keys) {
    SERVER.s3().createBucket(b -> b.bucket(bucket));
    for (String key : keys) {
      SERVER.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
    }
  }

  /** The status of an unsigned GET on the S3 port. */
  static int anonymousGet(String rawPath) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(SERVER.s3Uri() + rawPath)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Opens the access page from the bucket's own page, by its link. */
  void openAccess(String bucket) {
    page.go("#/buckets/" + bucket, bucket);
    click("bucket-access-link");
    page.waiting().until(d -> page.headingIs("Access: " + bucket));
    page.visible(By.cssSelector("#anonymous-summary [data-verdict='read']"));
  }

  /** The summary's verdict, once it says {@code expected}. */
  void waitForVerdict(String verdict, boolean expected) {
    page.waiting()
        .until(
            d ->
                d.findElements(
                            By.cssSelector(
                                "#anonymous-summary [data-verdict='"
                                    + verdict
                                    + "'] [data-value='"
                                    + expected
                                    + "']"))
                        .size()
                    == 1);
  }

  void savePolicy(String toast) {
    click("save-policy");
    page.toast(toast);
  }

  /**
   * Clicks a control of the page scrolled to the middle of the window, clear of the sticky top bar
   * and of the toasts in the lower corner.
   */
  void click(String id) {
    WebElement element = page.clickable(By.id(id));
    page.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    page.clickable(By.id(id)).click();
  }

  @Test
  void thePublicReadTemplateOpensTheBucketToAnonymousReadsAndPrivateClosesIt() throws Exception {
    bucketWith("site", "index.html");
    assertThat(anonymousGet("/site/index.html")).isEqualTo(403);
    openAccess("site");
    waitForVerdict("read", false);
    assertThat(page.visible(By.id("anonymous-verdict")).getDomAttribute("data-public"))
        .isEqualTo("false");

    click("template-public-read");
    assertThat(page.visible(By.id("bucket-policy")).getDomProperty("value"))
        .contains("arn:aws:s3:::site/*", "s3:GetObject");
    savePolicy("policy of site was saved");
    waitForVerdict("read", true);
    waitForVerdict("list", false);
    assertThat(page.visible(By.id("anonymous-verdict")).getDomAttribute("data-public"))
        .isEqualTo("true");
    assertThat(page.visible(By.cssSelector("#anonymous-summary li.statement")).getText())
        .contains("Allow for everyone", "s3:GetObject");
    assertThat(anonymousGet("/site/index.html")).isEqualTo(200);
    assertThat(API.get("/buckets/site/policy").json().get("is_public").asBoolean()).isTrue();

    click("template-private");
    assertThat(page.visible(By.id("bucket-policy")).getDomProperty("value")).isEmpty();
    savePolicy("policy of site was removed");
    waitForVerdict("read", false);
    assertThat(anonymousGet("/site/index.html")).isEqualTo(403);
    assertThat(API.get("/buckets/site/policy").json().get("policy").isNull()).isTrue();
  }

  @Test
  void thePrefixTemplateOpensOnlyThatPrefix() throws Exception {
    bucketWith("assets", "public/logo.svg", "private/notes.txt");
    openAccess("assets");
    click("template-public-prefix");
    page.visible(By.id("template-prefix")).sendKeys("public/");
    page.dialogButton("Use template");
    page.waitForNoDialog();
    savePolicy("policy of assets was saved");
    WebElement pattern =
        page.visible(By.cssSelector("#anonymous-patterns li[data-pattern='public/*']"));
    assertThat(pattern.getText()).contains("anyone can read", "not writable");
    waitForVerdict("read", false);
    assertThat(anonymousGet("/assets/public/logo.svg")).isEqualTo(200);
    assertThat(anonymousGet("/assets/private/notes.txt")).isEqualTo(403);
  }

  @Test
  void aMalformedBucketPolicyShowsTheEnginesReasonAndIsNotSaved() {
    bucketWith("strict");
    openAccess("strict");
    WebElement editor = page.visible(By.id("bucket-policy"));
    editor.sendKeys(
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\":"
            + " \"s3:GetObjekt\", \"Resource\": \"arn:aws:s3:::strict/*\"}]}");
    BROWSER.expectConsoleError("400");
    click("bucket-policy-validate");
    page.waiting()
        .until(
            d ->
                d.findElement(By.id("bucket-policy-message"))
                    .getText()
                    .equals("Policy has invalid action"));
    BROWSER.expectConsoleError("400");
    click("save-policy");
    page.waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("#bucket-policy-message.form-error"))
                    .getText()
                    .equals("Policy has invalid action"));
    assertThat(API.get("/buckets/strict/policy").json().get("policy").isNull()).isTrue();
  }

  @Test
  void aPublicAccessBlockFlagReachesTheServerAndRefusesAPublicPolicy() throws Exception {
    bucketWith("guarded", "a.txt");
    openAccess("guarded");
    WebElement flag = page.visible(By.id("pab-block-public-policy"));
    assertThat(flag.isSelected()).isFalse();
    click("pab-block-public-policy");
    click("save-public-access-block");
    page.toast("public access block of guarded was saved");
    JsonNode block = API.get("/buckets/guarded/public-access-block").json();
    assertThat(block.get("block_public_policy").asBoolean()).isTrue();
    assertThat(block.get("configured").asBoolean()).isTrue();
    assertThat(block.get("block_public_acls").asBoolean()).isFalse();
    assertThat(block.get("ignore_public_acls").asBoolean()).isFalse();
    assertThat(block.get("restrict_public_buckets").asBoolean()).isFalse();
    assertThat(
            SERVER
                .s3()
                .getPublicAccessBlock(b -> b.bucket("guarded"))
                .publicAccessBlockConfiguration()
                .blockPublicPolicy())
        .isTrue();

    click("template-public-read");
    BROWSER.expectConsoleError("403");
    click("save-policy");
    page.waiting()
        .until(
            d ->
                d.findElement(By.cssSelector("#bucket-policy-message.form-error"))
                    .getText()
                    .contains("BlockPublicPolicy"));
    assertThat(anonymousGet("/guarded/a.txt")).isEqualTo(403);

    page.go("#/buckets/guarded/access", "Access: guarded");
    assertThat(page.visible(By.id("pab-block-public-policy")).isSelected()).isTrue();
    click("pab-block-public-policy");
    click("save-public-access-block");
    page.toast("public access block of guarded was saved");
    assertThat(
            API.get("/buckets/guarded/public-access-block")
                .json()
                .get("block_public_policy")
                .asBoolean())
        .isFalse();
  }

  @Test
  void theAclSummaryShowsAPublicReadGrantSetOverS3() {
    bucketWith("listed");
    SERVER
        .s3()
        .putBucketAcl(
            b ->
                b.bucket("listed")
                    .acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    openAccess("listed");
    waitForVerdict("list", true);
    assertThat(page.visible(By.cssSelector("#anonymous-summary li.grant")).getText())
        .contains("READ", "AllUsers");
    assertThat(page.visible(By.id("bucket-acl")).getText())
        .contains("AllUsers", "READ", "FULL_CONTROL", "ObjectWriter");
  }
}
