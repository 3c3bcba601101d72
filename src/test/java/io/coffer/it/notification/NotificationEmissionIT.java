package io.coffer.it.notification;

import static io.coffer.it.notification.EventWebhook.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.FormUpload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Response;
import tools.jackson.databind.JsonNode;

/**
 * Every write path reports its event, end to end: a rule set with the AWS SDK names a webhook
 * target created through the management API, each operation is made by a real client, and the
 * record that reaches the in-test webhook names the event, the key, who made the change and the
 * request's ID.
 */
class NotificationEmissionIT {
  static final String BUCKET = "emit";
  static final String VERSIONED = "emit-versioned";
  static final String EXPIRING = "emit-expiring";

  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets(BUCKET, VERSIONED, EXPIRING)
          .configured(c -> c.withLifecycleDay(Duration.ofSeconds(2)));

  static S3Client s3;
  static EventWebhook webhook;

  @BeforeAll
  static void rules() throws Exception {
    s3 = coffer.s3();
    webhook = new EventWebhook();
    String arn = webhook.createTarget(coffer, "emission");
    rule(BUCKET, arn, "", "s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectTagging:*");
    s3.putBucketVersioning(
        b ->
            b.bucket(VERSIONED)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    rule(VERSIONED, arn, "kept/", "s3:ObjectRemoved:*");
    rule(EXPIRING, arn, "", "s3:LifecycleExpiration:*");
  }

  @AfterAll
  static void stopWebhook() {
    webhook.close();
  }

  static void rule(String bucket, String arn, String prefix, String... events) {
    s3.putBucketNotificationConfiguration(
        b ->
            b.bucket(bucket)
                .notificationConfiguration(
                    NotificationConfiguration.builder()
                        .queueConfigurations(
                            QueueConfiguration.builder()
                                .id(bucket + "-rule")
                                .queueArn(arn)
                                .eventsWithStrings(events)
                                .filter(
                                    f ->
                                        f.key(
                                            k ->
                                                k.filterRules(r -> r.name("prefix").value(prefix))))
                                .build())
                        .build()));
  }

  /** The record, checked for who made the change and in which request. */
  static JsonNode awaitFrom(
      String eventName, String bucket, String encodedKey, String principal, String requestId)
      throws InterruptedException {
    JsonNode record =
        webhook.awaitRecord(
            eventName + " " + bucket + "/" + encodedKey, event(eventName, bucket, encodedKey));
    assertThat(record.path("userIdentity").path("principalId").asString()).isEqualTo(principal);
    assertThat(record.path("responseElements").path("x-amz-request-id").asString())
        .isEqualTo(requestId);
    assertThat(record.path("s3").path("configurationId").asString()).isEqualTo(bucket + "-rule");
    return record;
  }

  static JsonNode awaitFrom(String eventName, String bucket, String encodedKey, S3Response response)
      throws InterruptedException {
    JsonNode record =
        awaitFrom(
            eventName,
            bucket,
            encodedKey,
            CofferTestServer.ACCESS_KEY,
            response.responseMetadata().requestId());
    assertThat(record.path("requestParameters").path("sourceIPAddress").asString())
        .isEqualTo("127.0.0.1");
    return record;
  }

  @Test
  void putObjectIsObjectCreatedPut() throws Exception {
    PutObjectResponse put =
        s3.putObject(b -> b.bucket(BUCKET).key("put/a b.txt"), RequestBody.fromString("hello"));
    JsonNode record = awaitFrom("ObjectCreated:Put", BUCKET, "put/a+b.txt", put);
    assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(5);
    assertThat(record.path("s3").path("object").path("eTag").asString())
        .isEqualTo(put.eTag().replace("\"", ""));
  }

  @Test
  void aLaterChangeOfAKeyHasAGreaterSequencer() throws Exception {
    PutObjectResponse first =
        s3.putObject(b -> b.bucket(BUCKET).key("seq"), RequestBody.fromString("1"));
    PutObjectResponse second =
        s3.putObject(b -> b.bucket(BUCKET).key("seq"), RequestBody.fromString("22"));
    String a =
        awaitFrom("ObjectCreated:Put", BUCKET, "seq", first)
            .path("s3")
            .path("object")
            .path("sequencer")
            .asString();
    JsonNode later =
        webhook.awaitRecord(
            "the second PUT of seq",
            r ->
                event("ObjectCreated:Put", BUCKET, "seq").test(r)
                    && r.path("responseElements")
                        .path("x-amz-request-id")
                        .asString()
                        .equals(second.responseMetadata().requestId()));
    assertThat(later.path("s3").path("object").path("sequencer").asString()).isGreaterThan(a);
  }

  @Test
  void aBrowserFormUploadIsObjectCreatedPost() throws Exception {
    HttpResponse<String> posted =
        FormUpload.fields("key", "form.txt")
            .signV4(
                "us-east-1",
                Instant.now(),
                "{\"bucket\":\"" + BUCKET + "\"},{\"key\":\"form.txt\"}")
            .post(coffer.s3Uri(), BUCKET, "form".getBytes(StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
    awaitFrom(
        "ObjectCreated:Post",
        BUCKET,
        "form.txt",
        CofferTestServer.ACCESS_KEY,
        posted.headers().firstValue("x-amz-request-id").orElseThrow());
  }

  @Test
  void copyObjectIsObjectCreatedCopy() throws Exception {
    s3.putObject(b -> b.bucket(BUCKET).key("copy/source"), RequestBody.fromString("src"));
    CopyObjectResponse copied =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy/source")
                    .destinationBucket(BUCKET)
                    .destinationKey("copy/target"));
    awaitFrom("ObjectCreated:Copy", BUCKET, "copy/target", copied);
  }

  @Test
  void completeMultipartUploadIsObjectCreatedCompleteMultipartUpload() throws Exception {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("multi")).uploadId();
    String etag =
        s3.uploadPart(
                b -> b.bucket(BUCKET).key("multi").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    CompleteMultipartUploadResponse completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key("multi")
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
    JsonNode record =
        awaitFrom("ObjectCreated:CompleteMultipartUpload", BUCKET, "multi", completed);
    assertThat(record.path("s3").path("object").path("size").asLong()).isEqualTo(4);
  }

  @Test
  void deleteObjectAndDeleteObjectsAreObjectRemovedDelete() throws Exception {
    for (String key : new String[] {"del/one", "del/two", "del/three"}) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
    DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(BUCKET).key("del/one"));
    awaitFrom("ObjectRemoved:Delete", BUCKET, "del/one", deleted);
    DeleteObjectsResponse batch =
        s3.deleteObjects(
            b ->
                b.bucket(BUCKET)
                    .delete(d -> d.objects(o -> o.key("del/two"), o -> o.key("del/three"))));
    awaitFrom("ObjectRemoved:Delete", BUCKET, "del/two", batch);
    awaitFrom("ObjectRemoved:Delete", BUCKET, "del/three", batch);
  }

  @Test
  void objectTaggingIsObjectTaggingPutAndDelete() throws Exception {
    s3.putObject(b -> b.bucket(BUCKET).key("tagged"), RequestBody.fromString("t"));
    var tagged =
        s3.putObjectTagging(
            b -> b.bucket(BUCKET).key("tagged").tagging(t -> t.tagSet(g -> g.key("k").value("v"))));
    awaitFrom("ObjectTagging:Put", BUCKET, "tagged", tagged);
    var untagged = s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("tagged"));
    awaitFrom("ObjectTagging:Delete", BUCKET, "tagged", untagged);
  }

  @Test
  void aManagementApiUploadIsObjectCreatedPutByTheAdmin() throws Exception {
    Api.Reply uploaded =
        new Api(coffer).send("PUT", "/buckets/" + BUCKET + "/objects/api.txt", "x");
    assertThat(uploaded.status()).as(uploaded.http().body()).isEqualTo(200);
    JsonNode record =
        webhook.awaitRecord(
            "the management API's upload", event("ObjectCreated:Put", BUCKET, "api.txt"));
    assertThat(record.path("userIdentity").path("principalId").asString()).isEqualTo("admin");
    assertThat(record.path("responseElements").path("x-amz-request-id").asString())
        .matches("[0-9A-F]{16}");
  }

  @Test
  void aDeleteInAVersionedBucketIsDeleteMarkerCreatedAndTheFilterHolds() throws Exception {
    s3.putObject(b -> b.bucket(VERSIONED).key("other/x"), RequestBody.fromString("o"));
    s3.putObject(b -> b.bucket(VERSIONED).key("kept/x"), RequestBody.fromString("k"));
    s3.deleteObject(b -> b.bucket(VERSIONED).key("other/x"));
    DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(VERSIONED).key("kept/x"));
    assertThat(marker.deleteMarker()).isTrue();
    JsonNode record = awaitFrom("ObjectRemoved:DeleteMarkerCreated", VERSIONED, "kept/x", marker);
    assertThat(record.path("s3").path("object").path("versionId").asString())
        .isEqualTo(marker.versionId());
    // The rule's prefix is kept/: nothing under other/ goes out, however long one waits.
    Thread.sleep(500);
    assertThat(webhook.records())
        .noneMatch(r -> r.path("s3").path("object").path("key").asString().startsWith("other/"));
  }

  @Test
  void aLifecycleExpirationIsLifecycleExpirationDelete() throws Exception {
    s3.putBucketLifecycleConfiguration(
        b ->
            b.bucket(EXPIRING)
                .lifecycleConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.id("expire")
                                    .status(ExpirationStatus.ENABLED)
                                    .filter(f -> f.prefix(""))
                                    .expiration(e -> e.days(1)))));
    s3.putObject(b -> b.bucket(EXPIRING).key("old"), RequestBody.fromString("o"));
    JsonNode record =
        webhook.awaitRecord(
            "the expiration of old", event("LifecycleExpiration:Delete", EXPIRING, "old"));
    assertThat(record.path("userIdentity").path("principalId").asString())
        .isEqualTo("coffer-lifecycle");
  }
}
