package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.crypto.SseRequest;
import io.coffer.http.Headers;
import io.coffer.model.ByteRange;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.RetentionMode;
import io.coffer.model.WritePrecondition;
import io.coffer.s3.request.S3Operation.CopyObject;
import io.coffer.s3.request.S3Operation.CopySource;
import io.coffer.s3.request.S3Operation.CreateBucket;
import io.coffer.s3.request.S3Operation.DeleteBucket;
import io.coffer.s3.request.S3Operation.DeleteBucketPolicy;
import io.coffer.s3.request.S3Operation.DeleteObject;
import io.coffer.s3.request.S3Operation.DeleteObjects;
import io.coffer.s3.request.S3Operation.DeletePublicAccessBlock;
import io.coffer.s3.request.S3Operation.GetBucketAcl;
import io.coffer.s3.request.S3Operation.GetBucketLocation;
import io.coffer.s3.request.S3Operation.GetBucketOwnershipControls;
import io.coffer.s3.request.S3Operation.GetBucketPolicyStatus;
import io.coffer.s3.request.S3Operation.GetBucketVersioning;
import io.coffer.s3.request.S3Operation.GetObject;
import io.coffer.s3.request.S3Operation.GetObjectAcl;
import io.coffer.s3.request.S3Operation.HeadBucket;
import io.coffer.s3.request.S3Operation.HeadObject;
import io.coffer.s3.request.S3Operation.ListBuckets;
import io.coffer.s3.request.S3Operation.ListObjectVersions;
import io.coffer.s3.request.S3Operation.ListObjects;
import io.coffer.s3.request.S3Operation.ListObjectsV2;
import io.coffer.s3.request.S3Operation.PutObject;
import io.coffer.s3.request.S3Operation.PutObjectAcl;
import io.coffer.s3.request.S3Operation.Unsupported;
import io.coffer.service.AclRequest;
import io.coffer.service.CannedAcl;
import io.coffer.service.ObjectAttributes;
import io.coffer.service.ReadConditions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests as the AWS documentation shows them (method, path, query, headers), each with the
 * operation record the parser must make of it: one row per operation, then the cases only the query
 * or a header tells apart (the multipart uploads: {@link MultipartOperationsTest}; the bucket
 * features: {@link BucketFeatureOperationsTest}).
 */
class S3RequestParserTest {
  private static final S3RequestParser PARSER = new S3RequestParser("us-east-1");
  private static final Headers NONE = Headers.of();
  private static final ObjectAttributes NO_ATTRIBUTES =
      new ObjectAttributes(null, Map.of(), Map.of());
  private static final ListParameters DEFAULT_LIST = new ListParameters("", null, 1000, false);
  private static final ReadParameters PLAIN_READ =
      new ReadParameters(null, null, ReadConditions.NONE, Map.of(), false, null, null);
  private static final ReadConditions NO_SOURCE_CONDITIONS =
      new ReadConditions(null, null, null, null);
  private static final BodyChecksums NO_CHECKSUMS = new BodyChecksums(null, null, null, null);
  private static final CopySource SOURCE = new CopySource("source-bucket", "photos/cat.jpg");
  private static final String VERSION = "7ffe6b0d2c3f44aa0123456789abcdef";
  private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
  private static final BodyChecksums MD5 =
      new BodyChecksums("1B2M2Y8AsgTpgAmY7PhCfg==", null, null, null);
  private static final String TOKEN =
      ContinuationToken.issue(ContinuationToken.Listing.OBJECTS, "b", "photos/2024");

  static Stream<Arguments> operations() {
    return Stream.of(
        // Buckets
        row(
            "GET /",
            NONE,
            new ListBuckets(new ListBucketsParameters(false, Integer.MAX_VALUE, null, null, null))),
        row(
            "GET /?max-buckets=10&prefix=ph&bucket-region=us-east-1",
            NONE,
            new ListBuckets(new ListBucketsParameters(true, 10, "ph", "us-east-1", null))),
        row("PUT /b", NONE, new CreateBucket("b", NO_CHECKSUMS, false, null, AclRequest.NONE)),
        row(
            "PUT /b",
            Headers.of("x-amz-bucket-object-lock-enabled", "True"),
            new CreateBucket("b", NO_CHECKSUMS, true, null, AclRequest.NONE)),
        row("HEAD /b", NONE, new HeadBucket("b")),
        row("DELETE /b", NONE, new DeleteBucket("b")),
        row("GET /b?location", NONE, new GetBucketLocation("b")),
        row("GET /b?versioning", NONE, new GetBucketVersioning("b")),
        // Listings
        row("GET /b", NONE, new ListObjects("b", DEFAULT_LIST, null)),
        row(
            "GET /b?delimiter=/&marker=m&max-keys=2&prefix=photos/",
            NONE,
            new ListObjects("b", new ListParameters("photos/", "/", 2, false), "m")),
        row("GET /b?list-type=2", NONE, new ListObjectsV2("b", DEFAULT_LIST, null, null, false)),
        row(
            "GET /b?list-type=2&prefix=p&delimiter=/&max-keys=5000&start-after=a&fetch-owner=true"
                + "&encoding-type=url",
            NONE,
            new ListObjectsV2("b", new ListParameters("p", "/", 1000, true), null, "a", true)),
        row(
            "GET /b?list-type=2&continuation-token=" + TOKEN,
            NONE,
            new ListObjectsV2(
                "b", DEFAULT_LIST, new ContinuationToken(TOKEN, "photos/2024"), null, false)),
        row(
            "GET /b?versions&prefix=p&key-marker=k",
            NONE,
            new ListObjectVersions("b", new ListParameters("p", null, 1000, false), "k", null)),
        row(
            "GET /b?versions&key-marker=k&version-id-marker=" + VERSION + "&max-keys=2",
            NONE,
            new ListObjectVersions("b", new ListParameters("", null, 2, false), "k", VERSION)),
        row(
            "GET /b?versions&key-marker=k&version-id-marker=",
            NONE,
            new ListObjectVersions("b", DEFAULT_LIST, "k", null)),
        // Versioning and object lock
        row("PUT /b?versioning", NONE, new S3Operation.PutBucketVersioning("b", NO_CHECKSUMS)),
        row(
            "PUT /b?object-lock",
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new S3Operation.PutObjectLockConfiguration("b", MD5)),
        row("GET /b?object-lock", NONE, new S3Operation.GetObjectLockConfiguration("b")),
        row(
            "PUT /b/k?retention&versionId=" + VERSION,
            Headers.of(
                "Content-MD5",
                "1B2M2Y8AsgTpgAmY7PhCfg==",
                "x-amz-bypass-governance-retention",
                "true"),
            new S3Operation.PutObjectRetention("b", "k", VERSION, true, MD5)),
        row(
            "PUT /b/k?retention",
            Headers.of("x-amz-checksum-crc32", "AAAAAA=="),
            new S3Operation.PutObjectRetention(
                "b",
                "k",
                null,
                false,
                new BodyChecksums(null, ChecksumAlgorithm.CRC32, "AAAAAA==", null))),
        row("GET /b/k?retention", NONE, new S3Operation.GetObjectRetention("b", "k", null)),
        row(
            "PUT /b/k?legal-hold&versionId=" + VERSION,
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new S3Operation.PutObjectLegalHold("b", "k", VERSION, MD5)),
        row(
            "GET /b/k?legal-hold&versionId=null",
            NONE,
            new S3Operation.GetObjectLegalHold("b", "k", "null")),
        // Objects
        row(
            "PUT /b/k",
            Headers.of(
                "Content-Type",
                "text/plain",
                "x-amz-meta-Color",
                "red",
                "Cache-Control",
                "no-cache",
                "If-None-Match",
                "*"),
            new PutObject(
                "b",
                "k",
                new ObjectAttributes(
                    "text/plain", Map.of("Cache-Control", "no-cache"), Map.of("color", "red")),
                new WritePrecondition(null, true),
                NO_CHECKSUMS,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row(
            "PUT /b/k",
            Headers.of("x-amz-tagging", "team=red&note=&bare"),
            new PutObject(
                "b",
                "k",
                NO_ATTRIBUTES,
                WritePrecondition.NONE,
                NO_CHECKSUMS,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of("team", "red", "note", "", "bare", ""),
                SseRequest.NONE)),
        row(
            "PUT /b/k",
            Headers.of("x-amz-checksum-crc32", " AAAAAA== "),
            new PutObject(
                "b",
                "k",
                NO_ATTRIBUTES,
                WritePrecondition.NONE,
                new BodyChecksums(null, ChecksumAlgorithm.CRC32, "AAAAAA==", null),
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row(
            "PUT /b/k",
            Headers.of(
                "x-amz-object-lock-mode",
                "GOVERNANCE",
                "x-amz-object-lock-retain-until-date",
                "2030-01-01T00:00:00.000Z",
                "x-amz-object-lock-legal-hold",
                "ON",
                "Content-MD5",
                "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new PutObject(
                "b",
                "k",
                NO_ATTRIBUTES,
                WritePrecondition.NONE,
                new BodyChecksums("1B2M2Y8AsgTpgAmY7PhCfg==", null, null, null),
                new ObjectLock(RetentionMode.GOVERNANCE, UNTIL, LegalHold.ON),
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE)),
        row("GET /b/k", NONE, new GetObject("b", "k", PLAIN_READ)),
        row(
            "GET /b/k?response-content-type=text/csv&versionId=null",
            Headers.of(
                "Range", "bytes=0-9", "If-Match", "\"abc\"", "x-amz-checksum-mode", "ENABLED"),
            new GetObject(
                "b",
                "k",
                new ReadParameters(
                    new ByteRange(0, 9, -1),
                    null,
                    new ReadConditions("\"abc\"", null, null, null),
                    Map.of("Content-Type", "text/csv"),
                    true,
                    "null",
                    null))),
        row(
            "HEAD /b/k?partNumber=2",
            Headers.of("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"),
            new HeadObject(
                "b",
                "k",
                new ReadParameters(
                    null,
                    2,
                    new ReadConditions(null, null, Instant.parse("1994-11-06T08:49:37Z"), null),
                    Map.of(),
                    false,
                    null,
                    null))),
        row(
            "DELETE /b/k",
            Headers.of("If-Match", " \"abc\" "),
            new DeleteObject("b", "k", null, new WritePrecondition("\"abc\"", false), false)),
        row(
            "DELETE /b/k?versionId=" + VERSION,
            Headers.of("x-amz-bypass-governance-retention", "true"),
            new DeleteObject("b", "k", VERSION, WritePrecondition.NONE, true)),
        row(
            "GET /b/k?versionId=" + VERSION,
            NONE,
            new GetObject(
                "b",
                "k",
                new ReadParameters(
                    null, null, ReadConditions.NONE, Map.of(), false, VERSION, null))),
        row(
            "PUT /b/k",
            Headers.of("x-amz-copy-source", "/source-bucket/photos/cat.jpg"),
            new CopyObject(
                "b",
                "k",
                SOURCE,
                NO_SOURCE_CONDITIONS,
                null,
                null,
                WritePrecondition.NONE,
                ObjectLock.NONE,
                AclRequest.NONE,
                null,
                SseRequest.NONE,
                null)),
        row(
            "PUT /b/k",
            Headers.of(
                "x-amz-copy-source",
                "/source-bucket/photos/cat.jpg?versionId=" + VERSION,
                "x-amz-object-lock-mode",
                "COMPLIANCE",
                "x-amz-object-lock-retain-until-date",
                "2030-01-01T00:00:00Z"),
            new CopyObject(
                "b",
                "k",
                new CopySource("source-bucket", "photos/cat.jpg", VERSION),
                NO_SOURCE_CONDITIONS,
                null,
                null,
                WritePrecondition.NONE,
                new ObjectLock(RetentionMode.COMPLIANCE, UNTIL, null),
                AclRequest.NONE,
                null,
                SseRequest.NONE,
                null)),
        row(
            "PUT /b/k",
            Headers.of(
                "x-amz-copy-source",
                "source-bucket/photos%2Fcat.jpg",
                "x-amz-metadata-directive",
                "REPLACE",
                "x-amz-checksum-algorithm",
                "SHA256",
                "x-amz-copy-source-if-match",
                "\"e\""),
            new CopyObject(
                "b",
                "k",
                SOURCE,
                new ReadConditions("\"e\"", null, null, null),
                NO_ATTRIBUTES,
                ChecksumAlgorithm.SHA256,
                WritePrecondition.NONE,
                ObjectLock.NONE,
                AclRequest.NONE,
                null,
                SseRequest.NONE,
                null)),
        row(
            "PUT /b/k",
            Headers.of(
                "x-amz-copy-source",
                "source-bucket/photos%2Fcat.jpg",
                "x-amz-tagging-directive",
                "replace",
                "x-amz-tagging",
                "a=1&b%20c=d"),
            new CopyObject(
                "b",
                "k",
                SOURCE,
                NO_SOURCE_CONDITIONS,
                null,
                null,
                WritePrecondition.NONE,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of("a", "1", "b c", "d"),
                SseRequest.NONE,
                null)),
        row(
            "PUT /b/k",
            Headers.of(
                "x-amz-copy-source",
                "source-bucket/photos%2Fcat.jpg",
                "x-amz-tagging-directive",
                "REPLACE"),
            new CopyObject(
                "b",
                "k",
                SOURCE,
                NO_SOURCE_CONDITIONS,
                null,
                null,
                WritePrecondition.NONE,
                ObjectLock.NONE,
                AclRequest.NONE,
                Map.of(),
                SseRequest.NONE,
                null)),
        row(
            "POST /b?delete",
            Headers.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            new DeleteObjects(
                "b", new BodyChecksums("1B2M2Y8AsgTpgAmY7PhCfg==", null, null, null), false)),
        row(
            "POST /b?delete",
            Headers.of("x-amz-bypass-governance-retention", "TRUE"),
            new DeleteObjects("b", NO_CHECKSUMS, true)),
        // Told apart by the query or a header alone
        row("GET /b?versions=", NONE, new ListObjectVersions("b", DEFAULT_LIST, null, null)),
        row("GET /b?list-type=1", NONE, new ListObjects("b", DEFAULT_LIST, null)),
        row("GET /b?delete", NONE, new ListObjects("b", DEFAULT_LIST, null)),
        row("GET /b?acl", NONE, new GetBucketAcl("b")),
        row("GET /b/k?acl&versionId=null", NONE, new GetObjectAcl("b", "k", "null")),
        row("DELETE /b?policy", NONE, new DeleteBucketPolicy("b")),
        row("GET /b?policyStatus", NONE, new GetBucketPolicyStatus("b")),
        row("DELETE /b?publicAccessBlock", NONE, new DeletePublicAccessBlock("b")),
        row("GET /b?ownershipControls", NONE, new GetBucketOwnershipControls("b")),
        row(
            "PUT /b",
            Headers.of(
                "x-amz-object-ownership", "BucketOwnerPreferred", "x-amz-acl", "public-read"),
            new CreateBucket(
                "b",
                NO_CHECKSUMS,
                false,
                ObjectOwnership.BUCKET_OWNER_PREFERRED,
                AclRequest.canned(CannedAcl.PUBLIC_READ))),
        row(
            "PUT /b/k?acl",
            Headers.of(
                "x-amz-grant-read", "id=\"7\", uri=\"" + Grantee.Group.ALL_USERS.uri() + "\""),
            new PutObjectAcl(
                "b",
                "k",
                null,
                new AclRequest(
                    null,
                    List.of(
                        new Grant(new Grantee.CanonicalUser(7), Permission.READ),
                        new Grant(Grantee.Group.ALL_USERS, Permission.READ))),
                NO_CHECKSUMS)),
        row("DELETE /b?versioning", NONE, new Unsupported("DeleteBucketVersioning", "b", null)),
        row("DELETE /b?object-lock=", NONE, new Unsupported("DeleteBucketObjectLock", "b", null)),
        row("DELETE /b/k?legal-hold", NONE, new Unsupported("DeleteObjectLegalHold", "b", "k")),
        row("PUT /b/k?renameObject", NONE, new Unsupported("RenameObject", "b", "k")),
        row("POST /b/k?restore", NONE, new Unsupported("RestoreObject", "b", "k")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void eachRequestIsTheOperationAwsDocumentsForIt(
      String request, Headers headers, S3Operation expected) {
    ParsedRequest parsed = parse(request, headers);
    assertThat(parsed.invalid()).isNull();
    assertThat(parsed.operation()).isEqualTo(expected);
    assertThat(parsed.type()).isEqualTo(expected.getClass());
    assertThat(parsed.name()).isEqualTo(expected.name());
  }

  @Test
  void aRequestThatIsNoOperationIsRefusedAtOnce() {
    for (String request :
        List.of(
            "PATCH /b",
            "POST /",
            "POST /b/k",
            "PUT /b/k?uploadId=u",
            "PUT /b/k?partNumber=1",
            "PUT /b/k?partNumber=0&uploadId=u")) {
      CofferException refusal =
          catchThrowableOfType(CofferException.class, () -> parse(request, NONE));
      assertThat(refusal).as(request).isNotNull();
    }
    CofferException copy =
        catchThrowableOfType(
            CofferException.class,
            () -> parse("PUT /b/k", Headers.of("x-amz-copy-source", "no-key")));
    assertThat(copy.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    CofferException version =
        catchThrowableOfType(
            CofferException.class,
            () -> parse("PUT /b/k", Headers.of("x-amz-copy-source", "/s/k?versionId=3HL4kqtJ")));
    assertThat(version.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(version.getMessage()).isEqualTo("Invalid version id specified");
  }

  /** Parses "METHOD /bucket/key?query", followed by " | header names" in a row's description. */
  static ParsedRequest parse(String described, Headers headers) {
    String request = described.split(" \\| ", 2)[0];
    String method = request.substring(0, request.indexOf(' '));
    String target = request.substring(request.indexOf(' ') + 1);
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    String[] segments = path.substring(1).split("/", 2);
    String bucket = segments[0].isEmpty() ? null : segments[0];
    String key = segments.length > 1 ? segments[1] : null;
    return PARSER.parse(method, bucket, key, RequestUri.parseQuery(query), headers);
  }

  private static Arguments row(String request, Headers headers, S3Operation expected) {
    return Arguments.of(request + describe(headers), headers, expected);
  }

  static String describe(Headers headers) {
    StringBuilder text = new StringBuilder();
    headers.entries().forEach(h -> text.append(" | ").append(h.getKey()));
    return text.toString();
  }
}
