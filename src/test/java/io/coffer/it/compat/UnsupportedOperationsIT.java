package io.coffer.it.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every operation of the S3 API model (botocore's service-2.json) that Coffer does not implement
 * answers 501 NotImplemented and changes nothing; docs/s3-compatibility.md names every operation.
 */
class UnsupportedOperationsIT {
  static final String BUCKET = "unsupported";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static final String KEY = "precious";

  /** An operation as the S3 model routes it: method, bucket or object, subresource query. */
  record Op(String name, String method, boolean onObject, String query) {}

  static Op op(String name, String method, boolean onObject, String query) {
    return new Op(name, method, onObject, query);
  }

  /** The operations Coffer implements, each covered by its own integration tests. */
  static final List<String> SUPPORTED =
      List.of(
          "AbortMultipartUpload",
          "CompleteMultipartUpload",
          "CopyObject",
          "CreateBucket",
          "CreateMultipartUpload",
          "DeleteBucket",
          "DeleteBucketCors",
          "DeleteBucketEncryption",
          "DeleteBucketLifecycle",
          "DeleteBucketOwnershipControls",
          "DeleteBucketPolicy",
          "DeleteBucketTagging",
          "DeleteObject",
          "DeleteObjectTagging",
          "DeleteObjects",
          "DeletePublicAccessBlock",
          "GetBucketAcl",
          "GetBucketCors",
          "GetBucketEncryption",
          "GetBucketLifecycle",
          "GetBucketLifecycleConfiguration",
          "GetBucketLocation",
          "GetBucketNotification",
          "GetBucketNotificationConfiguration",
          "GetBucketOwnershipControls",
          "GetBucketPolicy",
          "GetBucketPolicyStatus",
          "GetBucketTagging",
          "GetBucketVersioning",
          "GetObject",
          "GetObjectAcl",
          "GetObjectAttributes",
          "GetObjectLegalHold",
          "GetObjectLockConfiguration",
          "GetObjectRetention",
          "GetObjectTagging",
          "GetPublicAccessBlock",
          "HeadBucket",
          "HeadObject",
          "ListBuckets",
          "ListMultipartUploads",
          "ListObjectVersions",
          "ListObjects",
          "ListParts",
          "PutBucketAcl",
          "PutBucketCors",
          "PutBucketEncryption",
          "PutBucketLifecycle",
          "PutBucketLifecycleConfiguration",
          "PutBucketNotification",
          "PutBucketNotificationConfiguration",
          "PutBucketOwnershipControls",
          "PutBucketPolicy",
          "PutBucketTagging",
          "PutBucketVersioning",
          "PutObject",
          "PutObjectAcl",
          "PutObjectLegalHold",
          "PutObjectLockConfiguration",
          "PutObjectRetention",
          "PutObjectTagging",
          "PutPublicAccessBlock",
          "UploadPart",
          "UploadPartCopy");

  /** The rest of the model, generated from botocore's service-2.json. */
  static final List<Op> NOT_IMPLEMENTED =
      List.of(
          op("CreateBucketMetadataConfiguration", "POST", false, "metadataConfiguration"),
          op("CreateBucketMetadataTableConfiguration", "POST", false, "metadataTable"),
          op("CreateSession", "GET", false, "session"),
          op("DeleteBucketAnalyticsConfiguration", "DELETE", false, "analytics"),
          op("DeleteBucketIntelligentTieringConfiguration", "DELETE", false, "intelligent-tiering"),
          op("DeleteBucketInventoryConfiguration", "DELETE", false, "inventory"),
          op("DeleteBucketMetadataConfiguration", "DELETE", false, "metadataConfiguration"),
          op("DeleteBucketMetadataTableConfiguration", "DELETE", false, "metadataTable"),
          op("DeleteBucketMetricsConfiguration", "DELETE", false, "metrics"),
          op("DeleteBucketReplication", "DELETE", false, "replication"),
          op("DeleteBucketWebsite", "DELETE", false, "website"),
          op("GetBucketAbac", "GET", false, "abac"),
          op("GetBucketAccelerateConfiguration", "GET", false, "accelerate"),
          op("GetBucketAnalyticsConfiguration", "GET", false, "analytics"),
          op("GetBucketIntelligentTieringConfiguration", "GET", false, "intelligent-tiering"),
          op("GetBucketInventoryConfiguration", "GET", false, "inventory"),
          op("GetBucketLogging", "GET", false, "logging"),
          op("GetBucketMetadataConfiguration", "GET", false, "metadataConfiguration"),
          op("GetBucketMetadataTableConfiguration", "GET", false, "metadataTable"),
          op("GetBucketMetricsConfiguration", "GET", false, "metrics"),
          op("GetBucketReplication", "GET", false, "replication"),
          op("GetBucketRequestPayment", "GET", false, "requestPayment"),
          op("GetBucketWebsite", "GET", false, "website"),
          op("GetObjectTorrent", "GET", true, "torrent"),
          op("ListBucketAnalyticsConfigurations", "GET", false, "analytics"),
          op("ListBucketIntelligentTieringConfigurations", "GET", false, "intelligent-tiering"),
          op("ListBucketInventoryConfigurations", "GET", false, "inventory"),
          op("ListBucketMetricsConfigurations", "GET", false, "metrics"),
          op("PutBucketAbac", "PUT", false, "abac"),
          op("PutBucketAccelerateConfiguration", "PUT", false, "accelerate"),
          op("PutBucketAnalyticsConfiguration", "PUT", false, "analytics"),
          op("PutBucketIntelligentTieringConfiguration", "PUT", false, "intelligent-tiering"),
          op("PutBucketInventoryConfiguration", "PUT", false, "inventory"),
          op("PutBucketLogging", "PUT", false, "logging"),
          op("PutBucketMetricsConfiguration", "PUT", false, "metrics"),
          op("PutBucketReplication", "PUT", false, "replication"),
          op("PutBucketRequestPayment", "PUT", false, "requestPayment"),
          op("PutBucketWebsite", "PUT", false, "website"),
          op("RenameObject", "PUT", true, "renameObject"),
          op("RestoreObject", "POST", true, "restore"),
          op("SelectObjectContent", "POST", true, "select&select-type=2"),
          op(
              "UpdateBucketMetadataInventoryTableConfiguration",
              "PUT",
              false,
              "metadataInventoryTable"),
          op("UpdateBucketMetadataJournalTableConfiguration", "PUT", false, "metadataJournalTable"),
          op("UpdateObjectEncryption", "PUT", true, "encryption"));

  /** Operations outside the S3 endpoint's own API (S3 Express directory buckets, Object Lambda). */
  static final List<String> ELSEWHERE = List.of("ListDirectoryBuckets", "WriteGetObjectResponse");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromString("keep me"));
  }

  @Test
  void everyUnimplementedOperationAnswersNotImplementedAndChangesNothing() throws Exception {
    for (Op op : NOT_IMPLEMENTED) {
      SignedHttp request =
          SignedHttp.request(coffer.s3Uri(), op.method(), BUCKET, op.onObject() ? KEY : null);
      for (String parameter : op.query().split("&")) {
        String[] nameValue = parameter.split("=", 2);
        request.query(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      }
      HttpResponse<byte[]> response = request.body("<x/>").send();
      assertThat(response.statusCode()).as(op.name()).isEqualTo(501);
      assertThat(SignedHttp.errorCode(response)).as(op.name()).isEqualTo("NotImplemented");
    }
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY)).asUtf8String())
        .isEqualTo("keep me");
  }

  @Test
  void theCompatibilityDocumentNamesEveryOperation() throws Exception {
    String doc = Files.readString(Path.of("docs/s3-compatibility.md"));
    for (String name : SUPPORTED) {
      assertThat(doc).as(name).containsPattern("\\n\\| " + name + " \\| supported");
    }
    for (Op op : NOT_IMPLEMENTED) {
      assertThat(doc).as(op.name()).containsPattern("\\n\\| " + op.name() + " \\| NotImplemented");
    }
    for (String name : ELSEWHERE) {
      assertThat(doc).as(name).contains("\n| " + name + " |");
    }
  }
}
