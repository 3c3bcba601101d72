package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.auth.MatrixFixture.ALICE_UPLOAD_KEY;
import static io.coffer.it.support.RawS3.utf8;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Requests signed with Signature Version 2 in the Authorization header, refused for what is wrong
 * with them: the same rules as SigV4 (secret, access key, clock skew, ownership, Content-MD5).
 */
final class SigV2Cases {
  private SigV2Cases() {}

  static List<AuthCase> all(MatrixFixture f) {
    URI s3 = f.s3;
    String existing = "/" + ALICE_BUCKET + "/" + ALICE_OBJECT;
    String fresh = "/" + ALICE_BUCKET + "/never-created";
    byte[] body = utf8("an attacker's bytes");
    String bob = f.bobKeys.accessKey();
    String bobSecret = f.bobKeys.secretKey();
    return List.of(
        of(
            "sigv2: a made-up signature",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader(
                            "authorization", "AWS " + CofferTestServer.ACCESS_KEY + ":c2lnbmF0dXJl")
                        .send(new byte[0]))),
        of(
            "sigv2: wrong secret, PUT of a new key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", fresh)
                        .as(CofferTestServer.ACCESS_KEY, "not-the-secret")
                        .send(body))),
        of(
            "sigv2: wrong secret, PUT over an existing object",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", existing)
                        .as(CofferTestServer.ACCESS_KEY, "not-the-secret")
                        .send(body))),
        of(
            "sigv2: secret differing in its last character",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "GET", existing)
                        .as(
                            CofferTestServer.ACCESS_KEY,
                            HeaderSignatureCases.lastCharChanged(CofferTestServer.SECRET_KEY))
                        .send(new byte[0]))),
        of(
            "sigv2: unknown access key",
            403,
            "InvalidAccessKeyId",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", fresh)
                        .as("NOSUCHACCESSKEY00000", CofferTestServer.SECRET_KEY)
                        .send(body))),
        of(
            "sigv2: signed path changed to another key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", existing)
                        .signResource("/" + ALICE_BUCKET + "/allowed")
                        .send(body))),
        of(
            "sigv2: uploadId sub-resource left out of the signature",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    SigV2Signing.request(
                            s3,
                            "DELETE",
                            "/"
                                + ALICE_BUCKET
                                + "/"
                                + ALICE_UPLOAD_KEY
                                + "?uploadId="
                                + f.aliceUpload)
                        .signResource("/" + ALICE_BUCKET + "/" + ALICE_UPLOAD_KEY)
                        .send(new byte[0]))),
        of(
            "sigv2: x-amz-meta header changed after signing",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    sendWith(
                        SigV2Signing.request(s3, "PUT", fresh).header("x-amz-meta-colour", "blue"),
                        "x-amz-meta-colour",
                        "red",
                        s3,
                        "PUT",
                        fresh,
                        body))),
        of(
            "sigv2: Content-MD5 other than the body's",
            400,
            "BadDigest",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", existing)
                        .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")
                        .send(body))),
        of(
            "sigv2: signed 20 minutes in the past",
            403,
            "RequestTimeTooSkewed",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", fresh)
                        .at(Instant.now().minus(Duration.ofMinutes(20)))
                        .send(body))),
        of(
            "sigv2: x-amz-date 20 minutes in the future",
            403,
            "RequestTimeTooSkewed",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "PUT", existing)
                        .withAmzDate()
                        .at(Instant.now().plus(Duration.ofMinutes(20)))
                        .send(body))),
        of(
            "sigv2: no Date nor x-amz-date",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader(
                            "authorization", "AWS " + CofferTestServer.ACCESS_KEY + ":c2lnbmF0dXJl")
                        .unsignedHeader("x-amz-date", "yesterday")
                        .send(new byte[0]))),
        of(
            "sigv2: Authorization without a signature",
            400,
            "InvalidArgument",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader("authorization", "AWS " + CofferTestServer.ACCESS_KEY)
                        .send(new byte[0]))),
        of(
            "sigv2: another owner's GET of her object",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "GET", existing)
                        .as(bob, bobSecret)
                        .send(new byte[0]))),
        of(
            "sigv2: another owner's PUT into her bucket",
            403,
            "AccessDenied",
            () -> Answer.of(SigV2Signing.request(s3, "PUT", fresh).as(bob, bobSecret).send(body))),
        of(
            "sigv2: another owner's DELETE of her object",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "DELETE", existing)
                        .as(bob, bobSecret)
                        .send(new byte[0]))),
        of(
            "sigv2: another owner's listing of her bucket",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    SigV2Signing.request(s3, "GET", "/" + ALICE_BUCKET)
                        .as(bob, bobSecret)
                        .send(new byte[0]))),
        of(
            "sigv2: another owner's abort of her upload",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    SigV2Signing.request(
                            s3,
                            "DELETE",
                            "/"
                                + ALICE_BUCKET
                                + "/"
                                + ALICE_UPLOAD_KEY
                                + "?uploadId="
                                + f.aliceUpload)
                        .as(bob, bobSecret)
                        .send(new byte[0]))));
  }

  /** Signs with the headers given, then sends {@code name: value} instead of the signed value. */
  private static java.net.http.HttpResponse<String> sendWith(
      SigV2Signing signing,
      String name,
      String value,
      URI s3,
      String method,
      String path,
      byte[] body)
      throws Exception {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(s3.resolve(path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    signing
        .signedHeaders()
        .forEach((n, v) -> request.header(n, n.equalsIgnoreCase(name) ? value : v));
    return RawS3.HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
