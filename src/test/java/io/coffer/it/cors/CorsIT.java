package io.coffer.it.cors;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.it.support.SdkClients;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketCorsResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A bucket's CORS rules over S3: the configuration operations with the SDK, preflights and actual
 * requests with Origin headers sent raw (browsers' view of them is {@code CorsBrowserIT}'s).
 */
class CorsIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static S3Client s3;

  private static final String APP = "https://app.example.com";
  private static final CORSRule UPLOADS =
      CORSRule.builder()
          .id("uploads")
          .allowedOrigins("https://*.example.com")
          .allowedMethods("GET", "PUT")
          .allowedHeaders("Content-Type", "x-amz-*")
          .exposeHeaders("ETag", "x-amz-version-id")
          .maxAgeSeconds(600)
          .build();
  private static final CORSRule ANYONE_READS =
      CORSRule.builder().allowedOrigins("*").allowedMethods("GET", "HEAD").build();

  @BeforeAll
  static void client() {
    s3 = coffer.s3();
  }

  private static void bucketWithRules(String bucket) {
    s3.createBucket(b -> b.bucket(bucket));
    s3.putBucketCors(
        b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(UPLOADS, ANYONE_READS)));
  }

  @Test
  void aConfigurationIsStoredReadBackAndDeleted() {
    bucketWithRules("cors-config");
    GetBucketCorsResponse got = s3.getBucketCors(b -> b.bucket("cors-config"));
    assertThat(got.corsRules()).containsExactly(UPLOADS, ANYONE_READS);

    s3.putBucketCors(
        b -> b.bucket("cors-config").corsConfiguration(c -> c.corsRules(ANYONE_READS)));
    assertThat(s3.getBucketCors(b -> b.bucket("cors-config")).corsRules())
        .containsExactly(ANYONE_READS);

    s3.deleteBucketCors(b -> b.bucket("cors-config"));
    var missing =
        assertS3Error(
            404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket("cors-config")));
    assertThat(missing.awsErrorDetails().errorMessage())
        .isEqualTo("The CORS configuration does not exist");
    // Deleting again is no error, as on S3.
    s3.deleteBucketCors(b -> b.bucket("cors-config"));
  }

  @Test
  void configurationsS3WouldRefuseAreRefusedAsS3Does() throws Exception {
    s3.createBucket(b -> b.bucket("cors-invalid"));
    assertThat(refusal(CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))
        .isEqualTo("Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
    assertThat(
            refusal(
                CORSRule.builder().allowedOrigins("https://*.*.com").allowedMethods("GET").build()))
        .isEqualTo("AllowedOrigin \"https://*.*.com\" can not have more than one wildcard.");
    assertThat(
            refusal(
                Collections.nCopies(
                    101, CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build())))
        .contains("100 rules");
    // The SDK will not send a rule without a method, nor an empty configuration.
    for (String document :
        List.of(
            "<CORSConfiguration/>",
            "<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>"
                + "</CORSConfiguration>")) {
      HttpResponse<String> response =
          RawS3.request(coffer.s3Uri(), "PUT", "/cors-invalid")
              .query("cors", "")
              .send(document.getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(document).isEqualTo(400);
      assertThat(response.body()).as(document).contains("<Code>MalformedXML</Code>");
    }
    assertS3Error(
        404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket("cors-invalid")));
  }

  /** PutBucketCors of these rules on cors-invalid: 400 InvalidRequest, and its message. */
  private static String refusal(CORSRule... rules) {
    return refusal(List.of(rules));
  }

  private static String refusal(List<CORSRule> rules) {
    return assertS3Error(
            400,
            "InvalidRequest",
            () ->
                s3.putBucketCors(
                    b -> b.bucket("cors-invalid").corsConfiguration(c -> c.corsRules(rules))))
        .awsErrorDetails()
        .errorMessage();
  }

  @Test
  void aPreflightThatMatchesIsAnsweredUnsignedWithTheRulesHeaders() throws Exception {
    bucketWithRules("cors-preflight");
    HttpResponse<String> response =
        options(
            "/cors-preflight/some/key.txt",
            "Origin",
            APP,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "content-type,x-amz-date");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Access-Control-Allow-Origin")).contains(APP);
    assertThat(header(response, "Access-Control-Allow-Credentials")).contains("true");
    assertThat(header(response, "Access-Control-Allow-Methods")).contains("GET, PUT");
    assertThat(header(response, "Access-Control-Allow-Headers"))
        .contains("content-type, x-amz-date");
    assertThat(header(response, "Access-Control-Expose-Headers"))
        .contains("ETag, x-amz-version-id");
    assertThat(header(response, "Access-Control-Max-Age")).contains("600");
    assertThat(header(response, "Vary"))
        .contains("Origin, Access-Control-Request-Headers, Access-Control-Request-Method");

    HttpResponse<String> anyone =
        options(
            "/cors-preflight",
            "Origin",
            "http://random:1234",
            "Access-Control-Request-Method",
            "HEAD");
    assertThat(anyone.statusCode()).isEqualTo(200);
    assertThat(header(anyone, "Access-Control-Allow-Origin")).contains("*");
    assertThat(header(anyone, "Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void preflightsThatCannotBeAllowedAreRefusedAsS3RefusesThem() throws Exception {
    bucketWithRules("cors-refused");
    s3.createBucket(b -> b.bucket("cors-none"));

    HttpResponse<String> noOrigin =
        options("/cors-refused/k", "Access-Control-Request-Method", "GET");
    assertThat(noOrigin.statusCode()).isEqualTo(400);
    assertThat(noOrigin.body())
        .contains("<Code>BadRequest</Code>")
        .contains("Insufficient information. Origin request header needed.");

    HttpResponse<String> notAllowed =
        options(
            "/cors-refused/k",
            "Origin",
            "http://app.example.com",
            "Access-Control-Request-Method",
            "PUT");
    assertThat(notAllowed.statusCode()).isEqualTo(403);
    assertThat(notAllowed.body())
        .contains("<Code>AccessForbidden</Code>")
        .contains("CORSResponse: This CORS request is not allowed.")
        .contains("<Method>PUT</Method><ResourceType>OBJECT</ResourceType>");
    assertThat(header(notAllowed, "Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> header =
        options(
            "/cors-refused/k",
            "Origin",
            APP,
            "Access-Control-Request-Method",
            "PUT",
            "Access-Control-Request-Headers",
            "authorization");
    assertThat(header.statusCode()).isEqualTo(403);

    HttpResponse<String> disabled =
        options("/cors-none/k", "Origin", APP, "Access-Control-Request-Method", "GET");
    assertThat(disabled.statusCode()).isEqualTo(403);
    assertThat(disabled.body()).contains("CORSResponse: CORS is not enabled for this bucket.");

    HttpResponse<String> missing =
        options("/cors-no-such-bucket/k", "Origin", APP, "Access-Control-Request-Method", "GET");
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("CORSResponse: Bucket not found");
  }

  @Test
  void actualRequestsFromAnAllowedOriginCarryTheHeadersErrorsIncluded() throws Exception {
    bucketWithRules("cors-actual");
    s3.putObject(b -> b.bucket("cors-actual").key("k"), RequestBody.fromString("hello"));

    // Signed, with the SDK's own signature over its headers; Origin is sent unsigned.
    HttpResponse<String> signed =
        RawS3.request(coffer.s3Uri(), "GET", "/cors-actual/k")
            .unsignedHeader("Origin", APP)
            .send(new byte[0]);
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("hello");
    assertThat(header(signed, "Access-Control-Allow-Origin")).contains(APP);
    assertThat(header(signed, "Access-Control-Expose-Headers")).contains("ETag, x-amz-version-id");
    assertThat(header(signed, "Vary")).hasValueSatisfying(v -> assertThat(v).startsWith("Origin"));

    // An error answer carries them too, or the page could not read it.
    HttpResponse<String> absent =
        RawS3.request(coffer.s3Uri(), "GET", "/cors-actual/absent")
            .unsignedHeader("Origin", APP)
            .send(new byte[0]);
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(header(absent, "Access-Control-Allow-Origin")).contains(APP);

    // Anonymous: refused by access control, still readable by the page.
    HttpResponse<String> anonymous =
        unsigned("GET", "/cors-actual/k", "Origin", "http://elsewhere.org");
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(header(anonymous, "Access-Control-Allow-Origin")).contains("*");

    // A method the origin's rules do not allow: the answer is the request's, without CORS headers.
    HttpResponse<String> delete =
        RawS3.request(coffer.s3Uri(), "DELETE", "/cors-actual/other")
            .unsignedHeader("Origin", APP)
            .send(new byte[0]);
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(header(delete, "Access-Control-Allow-Origin")).isEmpty();
    assertThat(header(delete, "Vary")).isEmpty();

    // Without Origin, nothing.
    HttpResponse<String> plain =
        RawS3.request(coffer.s3Uri(), "GET", "/cors-actual/k").send(new byte[0]);
    assertThat(header(plain, "Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aPresignedRequestFromAnAllowedOriginCarriesTheHeaders() throws Exception {
    bucketWithRules("cors-presigned");
    try (S3Presigner presigner = SdkClients.adminPresigner(coffer.s3Uri())) {
      URI put =
          presigner
              .presignPutObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .putObjectRequest(o -> o.bucket("cors-presigned").key("up.txt")))
              .url()
              .toURI();
      HttpResponse<String> response =
          RawS3.HTTP.send(
              HttpRequest.newBuilder(put)
                  .header("Origin", APP)
                  .PUT(HttpRequest.BodyPublishers.ofString("uploaded"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(header(response, "Access-Control-Allow-Origin")).contains(APP);
      assertThat(header(response, "Access-Control-Expose-Headers"))
          .contains("ETag, x-amz-version-id");
    }
    assertThat(s3.getObjectAsBytes(b -> b.bucket("cors-presigned").key("up.txt")).asUtf8String())
        .isEqualTo("uploaded");
  }

  private static HttpResponse<String> options(String path, String... headers) throws Exception {
    return unsigned("OPTIONS", path, headers);
  }

  private static HttpResponse<String> unsigned(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(coffer.s3Uri().resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return RawS3.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }
}
