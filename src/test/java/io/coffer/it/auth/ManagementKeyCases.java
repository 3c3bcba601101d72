package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.auth.MatrixFixture.ALICE_UPLOAD_KEY;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The management API without its key, with a wrong one, one wrong only in its last character, or
 * with the right key where it is not looked for: always 401 {@code unauthorized}.
 */
final class ManagementKeyCases {
  private ManagementKeyCases() {}

  /** One request of each kind the API serves, writes included. */
  private record Call(String method, String path, String body) {}

  static List<AuthCase> all(MatrixFixture f) {
    String bucket = "/buckets/" + ALICE_BUCKET;
    long bob = f.bobKeys.id();
    List<Call> calls =
        List.of(
            new Call("GET", "/stats", null),
            new Call("GET", "/credentials", null),
            new Call("GET", "/credentials/" + bob, null),
            new Call("POST", "/credentials", "{\"user_name\": \"mallory\"}"),
            new Call("PUT", "/credentials/" + bob, "{\"is_active\": false}"),
            new Call("DELETE", "/credentials/" + bob, null),
            new Call("GET", "/buckets", null),
            new Call("POST", "/buckets", "{\"name\": \"mallory-data\", \"owner_id\": " + bob + "}"),
            new Call("GET", bucket, null),
            new Call("DELETE", bucket, null),
            new Call("GET", bucket + "/objects", null),
            new Call("GET", bucket + "/objects/" + ALICE_OBJECT, null),
            new Call("PUT", bucket + "/objects/" + ALICE_OBJECT, "mallory's"),
            new Call("DELETE", bucket + "/objects/" + ALICE_OBJECT, null),
            new Call("POST", bucket + "/objects/delete", "{\"keys\": [\"" + ALICE_OBJECT + "\"]}"),
            new Call("GET", bucket + "/download/" + ALICE_OBJECT, null),
            new Call("GET", bucket + "/multipart-uploads", null),
            new Call("DELETE", bucket + "/multipart-uploads/" + f.aliceUpload, null),
            new Call("GET", "/presigned-urls", null),
            new Call(
                "POST",
                "/presigned-urls",
                Api.json(
                    Map.of(
                        "bucket_name",
                        ALICE_BUCKET,
                        "object_key",
                        ALICE_UPLOAD_KEY,
                        "access_key",
                        CofferTestServer.ACCESS_KEY))),
            new Call("DELETE", "/presigned-urls/1", null),
            new Call("GET", "/no-such-endpoint", null));
    List<AuthCase> cases = new ArrayList<>();
    for (Call call : calls) {
      cases.add(unauthorized("no key: " + call.method() + " " + call.path(), f, call, Map.of()));
    }
    String key = CofferTestServer.API_KEY;
    String lastChanged = HeaderSignatureCases.lastCharChanged(key);
    Call stats = calls.get(0);
    Call createCredential = calls.get(3);
    Call deleteObject = calls.get(13);
    cases.addAll(
        List.of(
            unauthorized("wrong key", f, stats, Map.of("X-API-Key", "not-the-key")),
            unauthorized("empty X-API-Key", f, stats, Map.of("X-API-Key", "")),
            unauthorized(
                "key differing in its last character", f, stats, Map.of("X-API-Key", lastChanged)),
            unauthorized(
                "key differing in its last character, POST /credentials",
                f,
                createCredential,
                Map.of("X-API-Key", lastChanged)),
            unauthorized(
                "key differing in its last character, DELETE of an object",
                f,
                deleteObject,
                Map.of("X-API-Key", lastChanged)),
            unauthorized(
                "key differing in its last character, as a Bearer token",
                f,
                stats,
                Map.of("Authorization", "Bearer " + lastChanged)),
            unauthorized(
                "key without its last character",
                f,
                stats,
                Map.of("X-API-Key", key.substring(0, key.length() - 1))),
            unauthorized("key with one character more", f, stats, Map.of("X-API-Key", key + "0")),
            unauthorized(
                "key in upper case",
                f,
                stats,
                Map.of("X-API-Key", key.toUpperCase(java.util.Locale.ROOT))),
            unauthorized(
                "key in a wrong header (X-Api-Token)", f, stats, Map.of("X-Api-Token", key)),
            unauthorized("key in a wrong header (Api-Key)", f, stats, Map.of("Api-Key", key)),
            unauthorized(
                "key as Authorization without Bearer", f, stats, Map.of("Authorization", key)),
            unauthorized(
                "key as Authorization: Basic", f, stats, Map.of("Authorization", "Basic " + key)),
            unauthorized(
                "key as a query parameter",
                f,
                new Call("GET", "/stats?api_key=" + key, null),
                Map.of()),
            unauthorized(
                "a wrong X-API-Key beside a right Bearer token",
                f,
                stats,
                Map.of("X-API-Key", lastChanged, "Authorization", "Bearer " + key)),
            unauthorized(
                "the S3 secret key as API key",
                f,
                stats,
                Map.of("X-API-Key", CofferTestServer.SECRET_KEY)),
            unauthorized(
                "the API key as the console's session cookie",
                f,
                stats,
                Map.of("Cookie", "coffer_session=" + key)),
            unauthorized(
                "a session cookie no sign-in issued",
                f,
                deleteObject,
                Map.of("Cookie", "coffer_session=" + "A".repeat(43), "X-Coffer-Console", "1"))));
    return cases;
  }

  private static AuthCase unauthorized(
      String name, MatrixFixture f, Call call, Map<String, String> headers) {
    return of(
        "management API, " + name,
        401,
        "unauthorized",
        () -> Answer.of(f.api.send(call.method(), call.path(), call.body(), headers)));
  }
}
