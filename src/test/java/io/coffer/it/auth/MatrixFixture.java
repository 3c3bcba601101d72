package io.coffer.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * What the auth matrix attacks: Alice (the test admin credential) owns a bucket with an object and
 * an upload in progress; Bob, a second credential, owns his own. Other credentials are made by the
 * case groups that need them, through the management API.
 */
final class MatrixFixture {
  static final String ALICE_BUCKET = "alice-data";
  static final String ALICE_OBJECT = "secret.txt";
  static final String ALICE_UPLOAD_KEY = "upload.bin";
  static final String BOB_BUCKET = "bob-data";
  static final String BOB_OBJECT = "mine.txt";
  static final String BOB_UPLOAD_KEY = "bob-upload.bin";

  /** An S3 credential as created through the management API. */
  record Keys(long id, String accessKey, String secretKey) {}

  final CofferTestServer server;
  final URI s3;
  final Api api;
  final S3Client alice;
  final Keys bobKeys;
  final S3Client bob;
  final String aliceUpload;
  final String alicePartEtag;
  final String bobUpload;
  final World world;

  MatrixFixture(CofferTestServer server) {
    this.server = server;
    this.s3 = server.s3Uri();
    this.api = new Api(server);
    this.alice = server.client();
    this.bobKeys = createCredential("bob", null, null);
    this.bob = server.client(bobKeys.accessKey(), bobKeys.secretKey());
    alice.createBucket(b -> b.bucket(ALICE_BUCKET));
    alice.putObject(
        b -> b.bucket(ALICE_BUCKET).key(ALICE_OBJECT), RequestBody.fromString("alice's secret"));
    aliceUpload =
        alice.createMultipartUpload(b -> b.bucket(ALICE_BUCKET).key(ALICE_UPLOAD_KEY)).uploadId();
    alicePartEtag =
        alice
            .uploadPart(
                b ->
                    b.bucket(ALICE_BUCKET)
                        .key(ALICE_UPLOAD_KEY)
                        .uploadId(aliceUpload)
                        .partNumber(1),
                RequestBody.fromString("alice's first part"))
            .eTag();
    bob.createBucket(b -> b.bucket(BOB_BUCKET));
    bob.putObject(b -> b.bucket(BOB_BUCKET).key(BOB_OBJECT), RequestBody.fromString("bob's own"));
    bobUpload = bob.createMultipartUpload(b -> b.bucket(BOB_BUCKET).key(BOB_UPLOAD_KEY)).uploadId();
    world = new World(api);
    world.watchUpload(alice, ALICE_BUCKET, ALICE_UPLOAD_KEY, aliceUpload);
    world.watchUpload(bob, BOB_BUCKET, BOB_UPLOAD_KEY, bobUpload);
    world.watchAccess(alice, ALICE_BUCKET, ALICE_OBJECT);
    world.watchAccess(bob, BOB_BUCKET, BOB_OBJECT);
  }

  /** A credential made through the management API; null keys are generated. */
  Keys createCredential(String user, String accessKey, String secretKey) {
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("user_name", user);
    if (accessKey != null) {
      body.put("access_key", accessKey);
      body.put("secret_key", secretKey);
    }
    JsonNode created = ok(api.send("POST", "/credentials", Api.json(body)), 201);
    return new Keys(
        created.get("id").asLong(),
        created.get("access_key").asString(),
        created.get("secret_key").asString());
  }

  /** Sends with the right API key and insists on {@code status}. */
  JsonNode admin(String method, String path, String body, int status) {
    return ok(api.send(method, path, body), status);
  }

  /** A presigned URL issued by the management API; returns {url, id, expires_at}. */
  JsonNode issuePresigned(String bucket, String key, String method, String accessKey) {
    String body =
        Api.json(
            Map.of(
                "bucket_name",
                bucket,
                "object_key",
                key,
                "method",
                method,
                "expires_in",
                3600,
                "access_key",
                accessKey));
    return admin("POST", "/presigned-urls", body, 201);
  }

  private static JsonNode ok(Api.Reply reply, int status) {
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(status);
    return reply.json();
  }
}
