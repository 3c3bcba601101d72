package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The object browser's routes: the sandboxed preview, the streamed zip of keys and folders, the
 * copy (to another key or bucket) and the metadata replacement.
 */
class ObjectBrowserApiIT {
  static final String BUCKET = "browser-api";
  static final String OTHER = "browser-api-other";

  @RegisterExtension
  static final CofferTestServer SERVER = CofferTestServer.withBuckets(BUCKET, OTHER);

  static final Api API = new Api(SERVER);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final byte[] BIG = new byte[3 * 1024 * 1024 + 17];

  static S3Client s3;

  @BeforeAll
  static void objects() {
    new Random(21).nextBytes(BIG);
    s3 = SERVER.s3();
    put("img/dot.png", "image/png", "not really a png".getBytes(StandardCharsets.UTF_8));
    put("img/guess.png", "binary/octet-stream", new byte[] {1, 2, 3});
    put("page.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    put("pic.svg", "image/svg+xml", "<svg onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8));
    put("notes.txt", "text/plain", "plain words".getBytes(StandardCharsets.UTF_8));
    put("data.json", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    put("docs/", "application/x-directory", new byte[0]);
    put("docs/a.txt", "text/plain", "alpha".getBytes(StandardCharsets.UTF_8));
    put("docs/sub/b.bin", "application/octet-stream", BIG);
    put("docs/../escape.txt", "text/plain", "dots".getBytes(StandardCharsets.UTF_8));
    put("loose.txt", "text/plain", "loose".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPreviewIsSandboxedAndInlineOnlyForSafeTypes() {
    HttpResponse<byte[]> png = get("/buckets/" + BUCKET + "/preview/img%2Fdot.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(header(png, "Content-Type")).isEqualTo("image/png");
    assertThat(header(png, "Content-Disposition")).startsWith("inline; filename=\"dot.png\"");
    assertThat(header(png, "Content-Security-Policy")).startsWith("sandbox");
    assertThat(header(png, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(png, "Cache-Control")).contains("no-store");

    // stored without a type: the extension decides, still sandboxed
    assertThat(header(get("/buckets/" + BUCKET + "/preview/img%2Fguess.png"), "Content-Type"))
        .isEqualTo("image/png");

    for (String key : new String[] {"page.html", "pic.svg"}) {
      HttpResponse<byte[]> risky = get("/buckets/" + BUCKET + "/preview/" + key);
      assertThat(risky.statusCode()).isEqualTo(200);
      assertThat(header(risky, "Content-Type")).as(key).isEqualTo("application/octet-stream");
      assertThat(header(risky, "Content-Disposition")).as(key).startsWith("attachment;");
      assertThat(header(risky, "Content-Security-Policy")).as(key).startsWith("sandbox");
      assertThat(header(risky, "X-Content-Type-Options")).as(key).isEqualTo("nosniff");
    }

    // Chromium shows no PDF in a sandboxed document: a PDF is inline without the sandbox, as the
    // server's own application/pdf (never a type a browser would run as a page), with nosniff
    put("paper.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> pdf = get("/buckets/" + BUCKET + "/preview/paper.pdf");
    assertThat(header(pdf, "Content-Type")).isEqualTo("application/pdf");
    assertThat(header(pdf, "Content-Disposition")).startsWith("inline;");
    assertThat(header(pdf, "Content-Security-Policy")).isEqualTo("frame-ancestors 'self'");
    assertThat(header(pdf, "X-Content-Type-Options")).isEqualTo("nosniff");

    HttpResponse<byte[]> json = get("/buckets/" + BUCKET + "/preview/data.json");
    assertThat(header(json, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(header(get("/buckets/" + BUCKET + "/preview/notes.txt"), "Content-Type"))
        .isEqualTo("text/plain; charset=utf-8");

    Api.Reply missing = API.get("/buckets/" + BUCKET + "/preview/nothing.png");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asString()).isEqualTo("no_such_key");
    assertThat(
            API.send("GET", "/buckets/" + BUCKET + "/preview/notes.txt", null, Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void anObjectOverThePreviewLimitIsRefused() {
    long over = 64L * 1024 * 1024 + 1;
    s3.putObject(
        b -> b.bucket(BUCKET).key("huge.txt").contentType("text/plain"),
        RequestBody.fromBytes(new byte[(int) over]));
    Api.Reply reply = API.get("/buckets/" + BUCKET + "/preview/huge.txt");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error").asString()).isEqualTo("too_large_to_preview");
    s3.deleteObject(b -> b.bucket(BUCKET).key("huge.txt"));
  }

  @Test
  void aZipOfKeysAndAFolderStreamsEveryObjectRelativeToTheBase() throws Exception {
    HttpResponse<InputStream> response =
        HTTP.send(
            request(
                "/buckets/"
                    + BUCKET
                    + "/zip?base=&prefix=docs%2F&key=loose.txt&key=notes.txt&key=missing.txt"),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"" + BUCKET + ".zip\"");
    // streamed as it is written: no length known up front
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    Map<String, byte[]> entries = unzip(response.body());
    assertThat(entries.keySet())
        .containsExactly(
            "loose.txt",
            "notes.txt",
            "docs/",
            "docs/_/escape.txt",
            "docs/a.txt",
            "docs/sub/b.bin",
            "coffer-zip-errors.txt");
    assertThat(entries.get("docs/sub/b.bin")).isEqualTo(BIG);
    assertThat(new String(entries.get("docs/a.txt"), StandardCharsets.UTF_8)).isEqualTo("alpha");
    assertThat(new String(entries.get("coffer-zip-errors.txt"), StandardCharsets.UTF_8))
        .contains("missing.txt");
  }

  @Test
  void aFoldersZipHasNamesRelativeToIt() throws Exception {
    HttpResponse<InputStream> response =
        HTTP.send(
            request("/buckets/" + BUCKET + "/zip?base=docs%2F&prefix=docs%2Fsub%2F"),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"docs.zip\"");
    assertThat(unzip(response.body()).keySet()).containsExactly("sub/b.bin");
  }

  @Test
  void aZipRequestIsChecked() {
    assertThat(API.get("/buckets/" + BUCKET + "/zip").status()).isEqualTo(400);
    Api.Reply outside = API.get("/buckets/" + BUCKET + "/zip?base=docs%2F&key=loose.txt");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("message").asString()).contains("must begin with base");
    assertThat(API.get("/buckets/no-such-bucket/zip?key=a").status()).isEqualTo(404);
    assertThat(API.send("GET", "/buckets/" + BUCKET + "/zip?key=a", null, Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void aCopyGoesToAnotherBucketWithTheSameTypeAndMetadata() {
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("copy/source.txt")
                .contentType("text/csv")
                .metadata(Map.of("owner", "ann")),
        RequestBody.fromString("a,b"));
    Api.Reply copied =
        API.post(
            "/buckets/" + BUCKET + "/objects/copy%2Fsource.txt/copy",
            Api.json(Map.of("target_bucket", OTHER, "target_key", "elsewhere/copied.txt")));
    assertThat(copied.status()).isEqualTo(200);
    assertThat(copied.json().get("key").asString()).isEqualTo("elsewhere/copied.txt");
    HeadObjectResponse head = s3.headObject(b -> b.bucket(OTHER).key("elsewhere/copied.txt"));
    assertThat(head.contentType()).isEqualTo("text/csv");
    assertThat(head.metadata()).containsEntry("owner", "ann");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(OTHER).key("elsewhere/copied.txt")).asUtf8String())
        .isEqualTo("a,b");
    // the source stays: a move is the console's copy and then delete
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("copy/source.txt")).contentLength())
        .isEqualTo(3);

    Api.Reply sameKey =
        API.post(
            "/buckets/" + BUCKET + "/objects/copy%2Fsource.txt/copy",
            Api.json(Map.of("target_key", "copy/source.txt")));
    assertThat(sameKey.status()).isEqualTo(400);
    assertThat(API.post("/buckets/" + BUCKET + "/objects/copy%2Fsource.txt/copy", "{}").status())
        .isEqualTo(400);
    assertThat(
            API.post(
                    "/buckets/" + BUCKET + "/objects/copy%2Fsource.txt/copy",
                    Api.json(Map.of("target_key", "x", "surprise", "y")))
                .status())
        .isEqualTo(400);
    Api.Reply noBucket =
        API.post(
            "/buckets/" + BUCKET + "/objects/copy%2Fsource.txt/copy",
            Api.json(Map.of("target_bucket", "no-such-bucket", "target_key", "x")));
    assertThat(noBucket.status()).isEqualTo(404);
    assertThat(noBucket.json().get("error").asString()).isEqualTo("no_such_bucket");
  }

  @Test
  void metadataAndContentTypeAreReplacedAsAWhole() {
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("meta/report.bin")
                .contentType("application/octet-stream")
                .cacheControl("max-age=60")
                .metadata(Map.of("old", "gone", "keep", "1"))
                .tagging("team=blue"),
        RequestBody.fromString("report"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content_type", "text/plain");
    body.put("metadata", Map.of("Reviewed-By", "bob", "keep", "2"));
    Api.Reply saved =
        API.post("/buckets/" + BUCKET + "/objects/meta%2Freport.bin/metadata", Api.json(body));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("content_type").asString()).isEqualTo("text/plain");
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("meta/report.bin"));
    assertThat(head.contentType()).isEqualTo("text/plain");
    assertThat(head.metadata())
        .containsOnly(Map.entry("reviewed-by", "bob"), Map.entry("keep", "2"));
    assertThat(head.cacheControl()).isEqualTo("max-age=60");
    assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("meta/report.bin")).tagSet())
        .singleElement()
        .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=blue"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("meta/report.bin")).asUtf8String())
        .isEqualTo("report");

    String path = "/buckets/" + BUCKET + "/objects/meta%2Freport.bin/metadata";
    assertRefused(path, Map.of("content_type", "text/plain", "metadata", Map.of("bad name", "x")));
    assertRefused(path, Map.of("content_type", "text/plain", "metadata", Map.of("n", "caf\u00e9")));
    assertRefused(path, Map.of("content_type", "text/plain", "metadata", Map.of("n", "a\r\nb")));
    assertRefused(
        path, Map.of("content_type", "text/plain", "metadata", Map.of("n", "x".repeat(2100))));
    assertRefused(path, Map.of("content_type", "nonsense"));
    assertRefused(path, Map.of("metadata", Map.of()));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("meta/report.bin")).contentType())
        .isEqualTo("text/plain");
  }

  private static void assertRefused(String path, Map<String, Object> body) {
    Api.Reply reply = API.post(path, Api.json(body));
    assertThat(reply.status()).as(body.toString()).isEqualTo(400);
    assertThat(reply.json().get("error").asString()).isEqualTo("invalid_request");
  }

  private static void put(String key, String type, byte[] bytes) {
    s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(type), RequestBody.fromBytes(bytes));
  }

  private static HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(SERVER.apiUri() + path))
        .header("X-API-Key", CofferTestServer.API_KEY)
        .build();
  }

  private static HttpResponse<byte[]> get(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static Map<String, byte[]> unzip(InputStream in) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        zip.transferTo(bytes);
        entries.put(entry.getName(), bytes.toByteArray());
      }
    }
    return entries;
  }
}
