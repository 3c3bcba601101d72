package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.support.RawS3.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.s3.auth.SigV4Signer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Presigned URLs refused: tampered, expired, out of scope, revoked, or used for another request.
 */
final class PresignedCases {
  private PresignedCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    URI s3 = f.s3;
    Instant now = Instant.now();
    String get = RawS3.presign(s3, "GET", ALICE_BUCKET, ALICE_OBJECT, now, 3600);
    String put = RawS3.presign(s3, "PUT", ALICE_BUCKET, "presigned-put", now, 3600);
    String issued =
        f.issuePresigned(ALICE_BUCKET, ALICE_OBJECT, "GET", CofferTestServer.ACCESS_KEY)
            .get("url")
            .asString();
    var revoked =
        f.issuePresigned(ALICE_BUCKET, ALICE_OBJECT, "DELETE", CofferTestServer.ACCESS_KEY);
    f.admin("DELETE", "/presigned-urls/" + revoked.get("id").asLong(), null, 200);
    byte[] body = utf8("an attacker's bytes");
    return List.of(
        of(
            "presigned: X-Amz-Expires changed",
            403,
            "SignatureDoesNotMatch",
            () -> send("GET", replace(get, "X-Amz-Expires=3600", "X-Amz-Expires=3601"))),
        of(
            "presigned: a parameter added",
            403,
            "SignatureDoesNotMatch",
            () -> send("GET", get + "&response-content-type=text%2Fhtml")),
        of(
            "presigned: the key in the path changed",
            403,
            "SignatureDoesNotMatch",
            () -> send("GET", replace(get, "/" + ALICE_OBJECT + "?", "/other.txt?"))),
        of(
            "presigned: the signature changed",
            403,
            "SignatureDoesNotMatch",
            () -> send("GET", flipLast(get))),
        of(
            "presigned: the issued hash parameter changed",
            403,
            "SignatureDoesNotMatch",
            () -> send("GET", issued.replaceFirst("hash=([A-Za-z0-9_-])", "hash=Z$1"))),
        of(
            "presigned: a GET URL used to PUT",
            403,
            "SignatureDoesNotMatch",
            () -> Answer.of(RawS3.sendUrl("PUT", get, body))),
        of(
            "presigned: a GET URL used to DELETE",
            403,
            "SignatureDoesNotMatch",
            () -> send("DELETE", get)),
        of(
            "presigned: a PUT URL used for another key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.sendUrl(
                        "PUT", replace(put, "/presigned-put?", "/" + ALICE_OBJECT + "?"), body))),
        of(
            "presigned: signed with a wrong secret",
            403,
            "SignatureDoesNotMatch",
            () ->
                send(
                    "GET",
                    SigV4Signer.presign(
                        "GET",
                        s3.toString(),
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        Map.of(),
                        CofferTestServer.ACCESS_KEY,
                        "not-the-secret",
                        "us-east-1",
                        now,
                        3600))),
        of(
            "presigned: expired an hour ago",
            403,
            "AccessDenied",
            () ->
                send(
                    "GET",
                    RawS3.presign(
                        s3,
                        "GET",
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        now.minus(Duration.ofHours(2)),
                        3600))),
        of(
            "presigned: expired PUT",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    RawS3.sendUrl(
                        "PUT",
                        RawS3.presign(
                            s3, "PUT", ALICE_BUCKET, "late", now.minus(Duration.ofMinutes(10)), 60),
                        body))),
        of(
            "presigned: X-Amz-Expires over 7 days",
            400,
            "AuthorizationQueryParametersError",
            () -> send("GET", replace(get, "X-Amz-Expires=3600", "X-Amz-Expires=604801"))),
        of(
            "presigned: signed 20 minutes in the future",
            403,
            "RequestTimeTooSkewed",
            () ->
                send(
                    "GET",
                    RawS3.presign(
                        s3,
                        "GET",
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        now.plus(Duration.ofMinutes(20)),
                        3600))),
        of(
            "presigned: signed for another region",
            400,
            "AuthorizationQueryParametersError",
            () ->
                send(
                    "GET",
                    SigV4Signer.presign(
                        "GET",
                        s3.toString(),
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        Map.of(),
                        CofferTestServer.ACCESS_KEY,
                        CofferTestServer.SECRET_KEY,
                        "eu-west-1",
                        now,
                        3600))),
        of(
            "presigned: credential naming another service",
            400,
            "AuthorizationQueryParametersError",
            () -> send("GET", replace(get, "%2Fus-east-1%2Fs3%2F", "%2Fus-east-1%2Fsts%2F"))),
        of(
            "presigned: X-Amz-Credential missing",
            400,
            "AuthorizationQueryParametersError",
            () -> send("GET", get.replaceFirst("X-Amz-Credential=[^&]+&", ""))),
        of(
            "presigned: X-Amz-Date malformed",
            400,
            "AuthorizationQueryParametersError",
            () -> send("GET", get.replaceFirst("X-Amz-Date=[0-9TZ]+", "X-Amz-Date=yesterday"))),
        of(
            "presigned: also an Authorization header",
            400,
            "InvalidArgument",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", get.substring(s3.toString().length()))
                        .send(new byte[0]))),
        of(
            "presigned: revoked through the management API",
            403,
            "AccessDenied",
            () -> send("DELETE", revoked.get("url").asString())),
        of(
            "presigned: a hash the server never issued",
            403,
            "AccessDenied",
            () ->
                send(
                    "GET",
                    SigV4Signer.presign(
                        "GET",
                        s3.toString(),
                        ALICE_BUCKET,
                        ALICE_OBJECT,
                        Map.of("hash", "never-issued"),
                        CofferTestServer.ACCESS_KEY,
                        CofferTestServer.SECRET_KEY,
                        "us-east-1",
                        now,
                        3600))));
  }

  static Answer send(String method, String url) throws Exception {
    return Answer.of(RawS3.sendUrl(method, url, new byte[0]));
  }

  static String replace(String url, String from, String to) {
    assertThat(url).contains(from);
    return url.replace(from, to);
  }

  private static String flipLast(String url) {
    char last = url.charAt(url.length() - 1);
    return url.substring(0, url.length() - 1) + (last == '0' ? '1' : '0');
  }
}
