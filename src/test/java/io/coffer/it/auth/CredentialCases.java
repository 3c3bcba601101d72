package io.coffer.it.auth;

import static io.coffer.it.auth.AuthCase.of;
import static io.coffer.it.support.RawS3.utf8;

import io.coffer.it.support.RawS3;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Credentials switched off through the management API: deactivated, deleted, or deleted and made
 * again with the same access key and a new secret. AWS answers a key it will not use as if it did
 * not exist.
 */
final class CredentialCases {
  static final String CAROL_BUCKET = "carol-data";

  private CredentialCases() {}

  static List<AuthCase> all(MatrixFixture f) {
    URI s3 = f.s3;
    MatrixFixture.Keys carol =
        f.createCredential("carol", "CAROLACCESSKEY000001", "carol-secret-key-0123456789");
    f.admin(
        "POST",
        "/buckets",
        "{\"name\": \"" + CAROL_BUCKET + "\", \"owner_id\": " + carol.id() + "}",
        201);
    f.admin("PUT", "/buckets/" + CAROL_BUCKET + "/objects/kept.txt", "carol's", 200);
    String carolUrl =
        f.issuePresigned(CAROL_BUCKET, "kept.txt", "GET", carol.accessKey()).get("url").asString();
    f.admin("PUT", "/credentials/" + carol.id(), "{\"is_active\": false}", 200);
    S3Client asCarol = f.server.client(carol.accessKey(), carol.secretKey());

    MatrixFixture.Keys dave =
        f.createCredential("dave", "DAVEACCESSKEY0000001", "dave-secret-key-0123456789");
    f.admin("POST", "/buckets", "{\"name\": \"dave-data\", \"owner_id\": " + dave.id() + "}", 201);
    String daveUrl =
        f.issuePresigned("dave-data", "any.txt", "GET", dave.accessKey()).get("url").asString();
    f.admin(
        "DELETE",
        "/buckets/dave-data",
        null,
        200); // a credential that owns buckets cannot be deleted
    f.admin("DELETE", "/credentials/" + dave.id(), null, 200);
    S3Client asDave = f.server.client(dave.accessKey(), dave.secretKey());

    MatrixFixture.Keys erin =
        f.createCredential("erin", "ERINACCESSKEY0000001", "erin-first-secret-0123456789");
    f.admin("DELETE", "/credentials/" + erin.id(), null, 200);
    f.createCredential("erin", erin.accessKey(), "erin-second-secret-0123456789");

    return List.of(
        of(
            "inactive credential: HeadBucket of its own bucket",
            403,
            "InvalidAccessKeyId",
            () -> Answer.of(() -> asCarol.headBucket(b -> b.bucket(CAROL_BUCKET)))),
        of(
            "inactive credential: ListBuckets",
            403,
            "InvalidAccessKeyId",
            () -> Answer.of(() -> asCarol.listBuckets())),
        of(
            "inactive credential: PutObject into its own bucket",
            403,
            "InvalidAccessKeyId",
            () ->
                Answer.of(
                    () ->
                        asCarol.putObject(
                            b -> b.bucket(CAROL_BUCKET).key("new.txt"),
                            RequestBody.fromString("x")))),
        of(
            "inactive credential: DeleteObject in its own bucket",
            403,
            "InvalidAccessKeyId",
            () ->
                Answer.of(() -> asCarol.deleteObject(b -> b.bucket(CAROL_BUCKET).key("kept.txt")))),
        of(
            "inactive credential: its presigned URL from the API",
            403,
            "InvalidAccessKeyId",
            () -> PresignedCases.send("GET", carolUrl)),
        of(
            "inactive credential: a URL it presigned itself",
            403,
            "InvalidAccessKeyId",
            () ->
                PresignedCases.send(
                    "GET",
                    io.coffer.s3.auth.SigV4Signer.presign(
                        "GET",
                        s3.toString(),
                        CAROL_BUCKET,
                        "kept.txt",
                        java.util.Map.of(),
                        carol.accessKey(),
                        carol.secretKey(),
                        "us-east-1",
                        Instant.now(),
                        600))),
        of(
            "deleted credential: ListBuckets",
            403,
            "InvalidAccessKeyId",
            () -> Answer.of(() -> asDave.listBuckets())),
        of(
            "deleted credential: CreateBucket",
            403,
            "InvalidAccessKeyId",
            () -> Answer.of(() -> asDave.createBucket(b -> b.bucket("dave-data")))),
        of(
            "deleted credential: its presigned URL from the API",
            403,
            "InvalidAccessKeyId",
            () -> PresignedCases.send("GET", daveUrl)),
        of(
            "deleted credential: raw PUT",
            403,
            "InvalidAccessKeyId",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", "/" + MatrixFixture.ALICE_BUCKET + "/dave.txt")
                        .as(dave.accessKey(), dave.secretKey())
                        .send(utf8("x")))),
        of(
            "re-created access key: the old secret",
            403,
            "SignatureDoesNotMatch",
            () ->
                Answer.of(
                    RawS3.request(s3, "PUT", "/" + MatrixFixture.ALICE_BUCKET + "/erin.txt")
                        .as(erin.accessKey(), erin.secretKey())
                        .send(utf8("x")))));
  }
}
