package io.coffer.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import tools.jackson.databind.JsonNode;

/**
 * Console sessions over HTTP: the cookie's flags, sign-in with the API key or an S3 credential,
 * sign-out, the CSRF defence, and what an S3 user's session may reach.
 */
class ConsoleSessionApiIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static final Api API = new Api(SERVER);

  static String bobKey;
  static String bobSecret;
  static String aliceKey;

  @BeforeAll
  static void arrange() {
    JsonNode bob = credential("bob");
    bobKey = bob.get("access_key").asString();
    bobSecret = bob.get("secret_key").asString();
    JsonNode alice = credential("alice");
    aliceKey = alice.get("access_key").asString();
    bucket("bob-data", bob.get("id").asLong());
    bucket("alice-private", alice.get("id").asLong());
    bucket("alice-shared", alice.get("id").asLong());
    assertThat(API.send("PUT", "/buckets/bob-data/objects/note.txt", "bob's note").status())
        .isEqualTo(200);
    assertThat(API.send("PUT", "/buckets/alice-shared/objects/a.txt", "shared").status())
        .isEqualTo(200);
    String document =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " [\"s3:ListBucket\", \"s3:GetObject\"], \"Resource\":"
            + " [\"arn:aws:s3:::alice-shared\", \"arn:aws:s3:::alice-shared/*\"]}]}";
    grant(bob, "read-shared", document);
  }

  static JsonNode credential(String name) {
    Api.Reply reply = API.post("/credentials", "{\"user_name\": \"" + name + "\"}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
    return reply.json();
  }

  /** Creates the managed policy {@code name} and attaches it (alone) to the credential. */
  static void grant(JsonNode credential, String name, String document) {
    assertThat(
            API.post("/policies", "{\"name\": \"" + name + "\", \"document\": " + document + "}")
                .status())
        .isEqualTo(201);
    assertThat(
            API.put(
                    "/credentials/" + credential.get("id").asLong() + "/policies",
                    "{\"policies\": [\"" + name + "\"]}")
                .status())
        .isEqualTo(200);
  }

  static void bucket(String name, long owner) {
    Api.Reply reply =
        API.post("/buckets", "{\"name\": \"" + name + "\", \"owner_id\": " + owner + "}");
    assertThat(reply.status()).as(reply.http().body()).isEqualTo(201);
  }

  static Api.Reply as(String token, String method, String path, String body) {
    return withCookie(API, method, path, body, token, false);
  }

  static Api.Reply signIn(Api api, String body) {
    return SessionCalls.signIn(api, body);
  }

  static String token(Api.Reply signedIn) {
    return SessionCalls.token(signedIn);
  }

  static String adminToken(Api api) {
    return SessionCalls.adminToken(api);
  }

  static String userToken(Api api, String accessKey, String secret) {
    return SessionCalls.userToken(api, accessKey, secret);
  }

  static Api.Reply withCookie(
      Api api, String method, String path, String body, String token, boolean forged) {
    return SessionCalls.withCookie(api, method, path, body, token, forged);
  }

  @Test
  void theApiKeyOpensAnAdministratorSessionBehindAHardenedCookie() {
    Api.Reply reply = signIn(API, "{\"api_key\": \"" + CofferTestServer.API_KEY + "\"}");
    assertThat(reply.status()).isEqualTo(201);
    String cookie = reply.header("Set-Cookie");
    assertThat(cookie).matches("coffer_session=[A-Za-z0-9_-]{43}; .*");
    assertThat(cookie).contains("; HttpOnly", "; SameSite=Strict", "; Path=/");
    // Plain HTTP here: Secure would make the browser drop it (over TLS it is set).
    assertThat(cookie).doesNotContain("Secure");
    String token = token(reply);
    assertThat(reply.http().body()).doesNotContain(token).doesNotContain(CofferTestServer.API_KEY);
    assertThat(reply.json().get("kind").asString()).isEqualTo("admin");

    assertThat(as(token, "GET", "/stats", null).status()).isEqualTo(200);
    JsonNode current = as(token, "GET", "/sessions/current", null).json();
    assertThat(current.get("kind").asString()).isEqualTo("admin");
    assertThat(current.get("expires_at").asString()).endsWith("Z");
    assertThat(current.get("idle_expires_at").asString()).endsWith("Z");
    // Two sign-ins, two tokens.
    assertThat(adminToken(API)).isNotEqualTo(token);
  }

  @Test
  void anS3CredentialOpensAUserSessionThatShowsNoSecret() {
    Api.Reply reply =
        signIn(
            API,
            "{\"access_key_id\": \""
                + bobKey
                + "\", \"secret_access_key\": \""
                + bobSecret
                + "\"}");
    String token = token(reply);
    JsonNode current = as(token, "GET", "/sessions/current", null).json();
    assertThat(current.get("kind").asString()).isEqualTo("user");
    assertThat(current.get("access_key_id").asString()).isEqualTo(bobKey);
    assertThat(current.get("display_name").asString()).isEqualTo("bob");
    assertThat(as(token, "GET", "/sessions/current", null).http().body())
        .doesNotContain(bobSecret)
        .doesNotContain(token);
  }

  @Test
  void wrongKeysAndSecretsAre401WithoutACookie() {
    Api.Reply wrongKey = signIn(API, "{\"api_key\": \"not-the-key\"}");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.header("Set-Cookie")).isNull();
    Api.Reply wrongSecret =
        signIn(
            API,
            "{\"access_key_id\": \""
                + bobKey
                + "\", \"secret_access_key\": \""
                + bobSecret
                + "x\"}");
    Api.Reply unknownKey =
        signIn(
            API,
            "{\"access_key_id\": \"NOSUCHKEY0000000000X\", \"secret_access_key\": \""
                + bobSecret
                + "\"}");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(unknownKey.status()).isEqualTo(401);
    assertThat(wrongSecret.header("Set-Cookie")).isNull();
    // Which of the two was wrong is not said.
    assertThat(wrongSecret.json().get("message").asString())
        .isEqualTo(unknownKey.json().get("message").asString());
    // The API key is no S3 secret, nor the other way round.
    assertThat(
            signIn(
                    API,
                    "{\"access_key_id\": \""
                        + CofferTestServer.ACCESS_KEY
                        + "\", \"secret_access_key\": \""
                        + CofferTestServer.API_KEY
                        + "\"}")
                .status())
        .isEqualTo(401);
    assertThat(signIn(API, "{\"api_key\": \"" + CofferTestServer.SECRET_KEY + "\"}").status())
        .isEqualTo(401);
    // Half a form, or both forms at once, is a bad request.
    assertThat(signIn(API, "{\"access_key_id\": \"" + bobKey + "\"}").status()).isEqualTo(400);
    assertThat(
            signIn(
                    API,
                    "{\"api_key\": \""
                        + CofferTestServer.API_KEY
                        + "\", \"access_key_id\": \""
                        + bobKey
                        + "\", \"secret_access_key\": \""
                        + bobSecret
                        + "\"}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void aDisabledCredentialCannotSignInAndItsSessionEnds() {
    JsonNode carol = credential("carol");
    String key = carol.get("access_key").asString();
    String secret = carol.get("secret_key").asString();
    String token = userToken(API, key, secret);
    assertThat(as(token, "GET", "/buckets", null).status()).isEqualTo(200);

    assertThat(
            API.put("/credentials/" + carol.get("id").asLong(), "{\"is_active\": false}").status())
        .isEqualTo(200);
    Api.Reply ended = as(token, "GET", "/buckets", null);
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.json().get("message").asString()).contains("not active");
    Api.Reply refused =
        signIn(
            API, "{\"access_key_id\": \"" + key + "\", \"secret_access_key\": \"" + secret + "\"}");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("message").asString()).contains("not active");
    assertThat(refused.header("Set-Cookie")).isNull();
  }

  @Test
  void signingOutRevokesTheSession() {
    String token = adminToken(API);
    Api.Reply out = as(token, "DELETE", "/sessions/current", null);
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.header("Set-Cookie")).startsWith("coffer_session=;").contains("Max-Age=0");
    Api.Reply after = as(token, "GET", "/stats", null);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get("error").asString()).isEqualTo("unauthorized");
  }

  @Test
  void changesWithTheCookieNeedTheConsoleHeaderAndTheOwnOrigin() {
    String token = adminToken(API);
    assertThat(API.send("PUT", "/buckets/bob-data/objects/csrf.txt", "x").status()).isEqualTo(200);

    // A page of another site can send the cookie (were SameSite ignored), not the header.
    Api.Reply forged =
        withCookie(API, "DELETE", "/buckets/bob-data/objects/csrf.txt", null, token, true);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("error").asString()).isEqualTo("cross_site_request");
    Api.Reply fromElsewhere =
        API.send(
            "DELETE",
            "/buckets/bob-data/objects/csrf.txt",
            null,
            Map.of(
                "Cookie",
                "coffer_session=" + token,
                "X-Coffer-Console",
                "1",
                "Origin",
                "https://evil.example"));
    assertThat(fromElsewhere.status()).isEqualTo(403);
    assertThat(API.get("/buckets/bob-data/objects/csrf.txt").status()).isEqualTo(200);
    // Sign-in itself: no forged sign-in into the forger's session.
    assertThat(
            API.send(
                    "POST",
                    "/sessions",
                    "{\"api_key\": \"" + CofferTestServer.API_KEY + "\"}",
                    Map.of())
                .status())
        .isEqualTo(403);

    // Reads need no header (downloads are plain links); the console's own change passes.
    assertThat(withCookie(API, "GET", "/buckets", null, token, true).status()).isEqualTo(200);
    String origin = "http://" + SERVER.consoleUri().getAuthority();
    Api.Reply sameOrigin =
        API.send(
            "DELETE",
            "/buckets/bob-data/objects/csrf.txt",
            null,
            Map.of("Cookie", "coffer_session=" + token, "X-Coffer-Console", "1", "Origin", origin));
    assertThat(sameOrigin.status()).as(sameOrigin.http().body()).isEqualTo(200);
    assertThat(API.get("/buckets/bob-data/objects/csrf.txt").status()).isEqualTo(404);
  }

  @Test
  void aKeySentBesideACookieIsJudgedAlone() {
    String token = adminToken(API);
    Map<String, String> headers =
        Map.of("Cookie", "coffer_session=" + token, "X-API-Key", "not-the-key");
    assertThat(API.send("GET", "/stats", null, headers).status()).isEqualTo(401);
  }

  @Test
  void aUserSeesOnlyTheBucketsItsPoliciesAllow() {
    String token = userToken(API, bobKey, bobSecret);
    List<String> names =
        as(token, "GET", "/buckets", null)
            .json()
            .get("buckets")
            .valueStream()
            .map(b -> b.get("name").asString())
            .toList();
    assertThat(names).containsExactlyInAnyOrder("bob-data", "alice-shared");

    assertThat(as(token, "GET", "/buckets/bob-data/objects", null).status()).isEqualTo(200);
    assertThat(as(token, "GET", "/buckets/alice-shared/download/a.txt", null).http().body())
        .isEqualTo("shared");
    Api.Reply other = as(token, "GET", "/buckets/alice-private/objects", null);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("error").asString()).isEqualTo("access_denied");
    assertThat(as(token, "GET", "/buckets/alice-private/download/x", null).status()).isEqualTo(403);
    assertThat(as(token, "PUT", "/buckets/alice-shared/objects/b.txt", "no").status())
        .isEqualTo(403);
    // Its own bucket: uploads, tags, deletes.
    assertThat(as(token, "PUT", "/buckets/bob-data/objects/up.txt", "mine").status())
        .isEqualTo(200);
    assertThat(
            as(token, "POST", "/buckets/bob-data/objects/up.txt/tags", "{\"tags\": {\"k\": \"v\"}}")
                .status())
        .isIn(200, 204);
    assertThat(as(token, "DELETE", "/buckets/bob-data/objects/up.txt", null).status())
        .isEqualTo(200);
  }

  @Test
  void aUserAllowedOnlyToGetObjectsReadsThemWithoutListingTheBucket() {
    JsonNode carol = credential("carol");
    bucket("alice-files", credential("dave").get("id").asLong());
    assertThat(API.send("PUT", "/buckets/alice-files/objects/f.txt", "a file").status())
        .isEqualTo(200);
    String document =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::alice-files/*\"}]}";
    grant(carol, "get-files", document);
    String token =
        userToken(API, carol.get("access_key").asString(), carol.get("secret_key").asString());

    assertThat(as(token, "GET", "/buckets/alice-files/objects", null).status()).isEqualTo(403);
    assertThat(as(token, "GET", "/buckets/alice-files/download/f.txt", null).http().body())
        .isEqualTo("a file");
    assertThat(as(token, "GET", "/buckets/alice-files/preview/f.txt", null).status())
        .isEqualTo(200);
    Api.Reply detail = as(token, "GET", "/buckets/alice-files/objects/f.txt", null);
    assertThat(detail.status()).as(detail.http().body()).isEqualTo(200);
    assertThat(detail.json().get("key").asString()).isEqualTo("f.txt");
    // Not allowed to list, so not told which keys are absent.
    assertThat(as(token, "GET", "/buckets/alice-files/objects/absent.txt", null).status())
        .isEqualTo(403);
    assertThat(API.send("GET", "/buckets/alice-files/objects/absent.txt", null).status())
        .isEqualTo(404);
    Api.Reply deleted = as(token, "DELETE", "/buckets/alice-files/objects/f.txt", null);
    assertThat(deleted.status()).as(deleted.http().body()).isEqualTo(403);
    assertThat(API.send("GET", "/buckets/alice-files/download/f.txt", null).http().body())
        .isEqualTo("a file");
  }

  @Test
  void aUserAllowedOnlyToPutObjectsUploadsWithoutListingTheBucket() {
    JsonNode erin = credential("erin");
    JsonNode frank = credential("frank");
    bucket("erin-drop", frank.get("id").asLong());
    grant(
        erin,
        "put-drops",
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
            + " \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::erin-drop/*\"}]}");
    String token =
        userToken(API, erin.get("access_key").asString(), erin.get("secret_key").asString());

    // ObjectWriter (the default): the writer owns what it wrote, and its ACL lets it read it.
    Api.Reply owned = as(token, "PUT", "/buckets/erin-drop/objects/owned.txt", "owned");
    assertThat(owned.status()).as(owned.http().body()).isEqualTo(200);
    assertThat(owned.json().get("key").asString()).isEqualTo("owned.txt");
    assertThat(owned.json().get("storage_path").asString()).startsWith(".coffer/");
    assertThat(as(token, "GET", "/buckets/erin-drop/objects/owned.txt", null).status())
        .isEqualTo(200);
    assertThat(as(token, "GET", "/buckets/erin-drop/objects", null).status()).isEqualTo(403);

    // BucketOwnerEnforced: no ACLs, so the writer may not read it and is not told where it is.
    try (S3Client owner =
        SERVER.client(frank.get("access_key").asString(), frank.get("secret_key").asString())) {
      owner.putBucketOwnershipControls(
          b ->
              b.bucket("erin-drop")
                  .ownershipControls(
                      c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
    }
    Api.Reply dropped = as(token, "PUT", "/buckets/erin-drop/objects/in.txt", "dropped");
    assertThat(dropped.status()).as(dropped.http().body()).isEqualTo(200);
    assertThat(dropped.json().get("etag").asString()).isNotEmpty();
    assertThat(dropped.json().get("storage_path").isNull())
        .as("where the bytes are is for readers only")
        .isTrue();
    assertThat(as(token, "GET", "/buckets/erin-drop/objects/in.txt", null).status()).isEqualTo(403);
    assertThat(API.send("GET", "/buckets/erin-drop/download/in.txt", null).http().body())
        .isEqualTo("dropped");
  }

  @Test
  void aUserSignsPresignedUrlsOnlyWithItsOwnCredentialAndSeesOnlyThose() {
    String token = userToken(API, bobKey, bobSecret);
    Api.Reply own =
        as(
            token,
            "POST",
            "/presigned-urls",
            "{\"bucket_name\": \"bob-data\", \"object_key\": \"note.txt\", \"access_key\": \""
                + bobKey
                + "\"}");
    assertThat(own.status()).as(own.http().body()).isEqualTo(201);
    long ownId = own.json().get("id").asLong();
    Api.Reply borrowed =
        as(
            token,
            "POST",
            "/presigned-urls",
            "{\"bucket_name\": \"bob-data\", \"object_key\": \"note.txt\", \"access_key\": \""
                + CofferTestServer.ACCESS_KEY
                + "\"}");
    assertThat(borrowed.status()).isEqualTo(403);
    Api.Reply borrowedPost =
        as(
            token,
            "POST",
            "/presigned-posts",
            "{\"bucket\": \"bob-data\", \"key\": \"f\", \"access_key\": \""
                + CofferTestServer.ACCESS_KEY
                + "\"}");
    assertThat(borrowedPost.status()).isEqualTo(403);

    // One the administrator issued with another credential stays out of bob's list and reach.
    Api.Reply admins =
        API.post(
            "/presigned-urls",
            "{\"bucket_name\": \"alice-shared\", \"object_key\": \"a.txt\", \"access_key\": \""
                + aliceKey
                + "\"}");
    assertThat(admins.status()).as(admins.http().body()).isEqualTo(201);
    long adminsId = admins.json().get("id").asLong();
    List<Long> listed =
        as(token, "GET", "/presigned-urls", null)
            .json()
            .get("urls")
            .valueStream()
            .map(u -> u.get("id").asLong())
            .toList();
    assertThat(listed).contains(ownId).doesNotContain(adminsId);
    assertThat(as(token, "DELETE", "/presigned-urls/" + adminsId, null).status()).isEqualTo(403);
    assertThat(as(token, "DELETE", "/presigned-urls/" + ownId, null).status()).isEqualTo(200);
  }

  @Test
  void aUserSessionIsRefusedOnEveryAdministratorRouteFamily() {
    String token = userToken(API, bobKey, bobSecret);
    String own = "/buckets/bob-data";
    List<String[]> adminOnly =
        List.of(
            new String[] {"GET", "/stats", null},
            new String[] {"GET", "/credentials", null},
            new String[] {"POST", "/credentials", "{\"user_name\": \"mallory\"}"},
            new String[] {"GET", "/credentials/1", null},
            new String[] {"GET", "/policies", null},
            new String[] {"POST", "/policy-validation", "{\"document\": {}}"},
            new String[] {"GET", "/groups", null},
            new String[] {"GET", "/kms/keys", null},
            new String[] {"GET", "/notification-targets", null},
            new String[] {"POST", "/buckets", "{\"name\": \"mallory-b\", \"owner_id\": 1}"},
            new String[] {"DELETE", own, null},
            new String[] {"PUT", own + "/versioning", "{\"status\": \"Enabled\"}"},
            new String[] {"GET", own + "/policy", null},
            new String[] {"GET", own + "/acl", null},
            new String[] {"GET", own + "/public-access-block", null},
            new String[] {"GET", own + "/anonymous-access", null},
            new String[] {"GET", own + "/cors", null},
            new String[] {"GET", own + "/encryption", null},
            new String[] {"GET", own + "/lifecycle", null},
            new String[] {"GET", own + "/lifecycle/preview", null},
            new String[] {"GET", own + "/quota", null},
            new String[] {"GET", own + "/tags", null},
            new String[] {"GET", own + "/notification", null});
    for (String[] call : adminOnly) {
      Api.Reply reply = as(token, call[0], call[1], call[2]);
      assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(403);
      assertThat(reply.json().get("error").asString())
          .as(call[0] + " " + call[1])
          .isEqualTo("access_denied");
    }
    // The same with the administrator's session passes the gate (whatever the route answers).
    String admin = adminToken(API);
    assertThat(as(admin, "GET", "/stats", null).status()).isEqualTo(200);
    assertThat(as(admin, "GET", own + "/cors", null).status()).isNotEqualTo(403);
  }

  @Test
  void theSessionRoutesSayWhenTheApiKeyIsUsedInstead() {
    Api.Reply reply = API.get("/sessions/current");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asString()).isEqualTo("no_session");
    assertThat(API.send("GET", "/sessions/current", null, Map.of()).status()).isEqualTo(401);
  }
}
