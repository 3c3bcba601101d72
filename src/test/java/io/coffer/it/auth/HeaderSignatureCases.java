package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.auth.MatrixFixture.ALICE_BUCKET;
import static io.coffer.it.auth.MatrixFixture.ALICE_OBJECT;
import static io.coffer.it.support.RawS3.utf8;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Requests signed in the Authorization header, refused for what is wrong with the signature. */
final class HeaderSignatureCases {
  private HeaderSignatureCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    URI s3 = f.s3;
    String existing = "/" + ALICE_BUCKET + "/" + ALICE_OBJECT;
    String fresh = "/" + ALICE_BUCKET + "/never-created";
    byte[] body = utf8("an attacker's bytes");
    return List.of(
        of(
            "header: wrong secret, PUT of a new key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .as(CofferTestServer.ACCESS_KEY, "not-the-secret")
                        .send(body))),
        of(
            "header: wrong secret, PUT over an existing object",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", existing)
                        .as(CofferTestServer.ACCESS_KEY, "not-the-secret")
                        .send(body))),
        of(
            "header: wrong secret, GET",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .as(CofferTestServer.ACCESS_KEY, "not-the-secret")
                        .send(new byte[0]))),
        of(
            "header: secret differing in its last character",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .as(
                            CofferTestServer.ACCESS_KEY,
                            lastCharChanged(CofferTestServer.SECRET_KEY))
                        .send(new byte[0]))),
        of(
            "header: unknown access key",
            403,
            "InvalidAccessKeyId",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .as("NOSUCHACCESSKEY00000", CofferTestServer.SECRET_KEY)
                        .send(body))),
        of(
            "header: validly signed for another region",
            400,
            "AuthorizationHeaderMalformed",
            () ->
                Answer.of(ForgedRequest.of(s3, "PUT", fresh).scope("eu-west-1", "s3").send(body))),
        of(
            "header: validly signed for another service",
            400,
            "AuthorizationHeaderMalformed",
            () ->
                Answer.of(ForgedRequest.of(s3, "PUT", fresh).scope("us-east-1", "sts").send(body))),
        of(
            "header: credential date other than x-amz-date",
            400,
            "AuthorizationHeaderMalformed",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader("authorization", yesterdayScope())
                        .send(new byte[0]))),
        of(
            "header: Authorization without Signature",
            400,
            "AuthorizationHeaderMalformed",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader("authorization", withoutSignature())
                        .send(new byte[0]))),
        of(
            "header: an unsupported scheme (Bearer)",
            400,
            "InvalidArgument",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader("authorization", "Bearer eyJhbGciOiJIUzI1NiJ9")
                        .send(new byte[0]))),
        of(
            "header: an unsupported scheme (Basic) on a PUT",
            400,
            "InvalidArgument",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .unsignedHeader("authorization", "Basic YWxpY2U6c2VjcmV0")
                        .send(body))),
        of(
            "header: signed x-amz-meta header changed after signing",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .header("x-amz-meta-colour", "blue")
                        .unsignedHeader("x-amz-meta-colour", "red")
                        .send(body))),
        of(
            "header: signed Content-Type changed after signing",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", existing)
                        .header("Content-Type", "text/plain")
                        .unsignedHeader("Content-Type", "text/html")
                        .send(body))),
        of(
            "header: an x-amz-* header sent but not signed",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .unsignedHeader("x-amz-meta-sneaked", "in")
                        .send(body))),
        of(
            "header: host not signed",
            403,
            "AccessDenied",
            () -> Answer.of(ForgedRequest.of(s3, "PUT", fresh).leaveUnsigned("host").send(body))),
        of(
            "header: x-amz-date not signed",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "PUT", fresh).leaveUnsigned("x-amz-date").send(body))),
        of(
            "header: x-amz-content-sha256 not signed",
            403,
            "AccessDenied",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "PUT", fresh)
                        .leaveUnsigned("x-amz-content-sha256")
                        .send(body))),
        of(
            "header: x-amz-content-sha256 missing",
            400,
            "InvalidRequest",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "PUT", fresh)
                        .leaveOut("x-amz-content-sha256")
                        .send(body))),
        of(
            "header: x-amz-content-sha256 empty",
            400,
            "InvalidArgument",
            () ->
                Answer.of(
                    RawS3.request(s3, "GET", existing)
                        .unsignedHeader("x-amz-content-sha256", "")
                        .send(new byte[0]))),
        of(
            "header: body other than its signed SHA-256",
            400,
            "XAmzContentSHA256Mismatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", existing)
                        .payloadHash(RawS3.sha256Hex(utf8("another body")))
                        .send(body))),
        of(
            "header: GET signed, sent as DELETE",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "GET", existing)
                        .sendInstead("DELETE", existing)
                        .send(new byte[0]))),
        of(
            "header: signed path changed to another key",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "PUT", "/" + ALICE_BUCKET + "/allowed")
                        .sendInstead("PUT", existing)
                        .send(body))),
        of(
            "header: signed query changed",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    ForgedRequest.of(s3, "GET", "/" + ALICE_BUCKET)
                        .query("list-type=2&prefix=public%2F")
                        .sendInstead("GET", "/" + ALICE_BUCKET + "?list-type=2&prefix=")
                        .send(new byte[0]))),
        of(
            "header: signed 20 minutes in the past",
            403,
            "RequestTimeTooSkewed",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", fresh)
                        .signedAt(Instant.now().minus(Duration.ofMinutes(20)))
                        .send(body))),
        of(
            "header: signed 20 minutes in the future",
            403,
            "RequestTimeTooSkewed",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", existing)
                        .signedAt(Instant.now().plus(Duration.ofMinutes(20)))
                        .send(body))),
        of(
            "anonymous: GET of a bucket",
            403,
            "AccessDenied",
            () -> Answer.of(RawS3.sendUrl("GET", s3 + "/" + ALICE_BUCKET, new byte[0]))),
        of(
            "anonymous: PUT of an object",
            403,
            "AccessDenied",
            () -> Answer.of(RawS3.sendUrl("PUT", s3 + fresh, body))),
        of(
            "anonymous: DELETE of an object",
            403,
            "AccessDenied",
            () -> Answer.of(RawS3.sendUrl("DELETE", s3 + existing, new byte[0]))));
  }

  static String lastCharChanged(String secret) {
    char last = secret.charAt(secret.length() - 1);
    return secret.substring(0, secret.length() - 1) + (last == 'x' ? 'y' : 'x');
  }

  /**
   * A well-formed Authorization whose credential names yesterday (checked before the signature).
   */
  private static String yesterdayScope() {
    String day =
        io.coffer.s3.auth.ScopedSigner.amzDate(Instant.now().minus(Duration.ofDays(1)))
            .substring(0, 8);
    return "AWS4-HMAC-SHA256 Credential="
        + CofferTestServer.ACCESS_KEY
        + "/"
        + day
        + "/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
        + " Signature="
        + "0".repeat(64);
  }

  private static String withoutSignature() {
    String day = io.coffer.s3.auth.ScopedSigner.amzDate(Instant.now()).substring(0, 8);
    return "AWS4-HMAC-SHA256 Credential="
        + CofferTestServer.ACCESS_KEY
        + "/"
        + day
        + "/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date";
  }
}
