package io.coffer.service.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The documents targets receive, in AWS's event message structure. */
class EventRecordsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-12-06T20:45:01.123Z");

  private static ObjectEvent event(EventName name, String key, long size, String etag) {
    return new ObjectEvent(
        name,
        "photos",
        key,
        size,
        etag,
        "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd",
        "0000000000000A2F",
        AT,
        "17E5A7B9C0D1E2F3",
        "AKIAEXAMPLE",
        "192.0.2.7");
  }

  @Test
  void aCreatedObjectIsOneRecordAsAwsWritesIt() {
    JsonNode doc =
        JSON.readTree(
            EventRecords.document(
                event(EventName.OBJECT_CREATED_PUT, "2026/cat 1.jpg", 1024, "d41d8cd9"),
                "thumbnails",
                "eu-west-1",
                "42"));
    assertThat(doc.get("Records").size()).isEqualTo(1);
    JsonNode r = doc.get("Records").get(0);
    assertThat(r.get("eventVersion").asString()).isEqualTo("2.1");
    assertThat(r.get("eventSource").asString()).isEqualTo("aws:s3");
    assertThat(r.get("awsRegion").asString()).isEqualTo("eu-west-1");
    assertThat(r.get("eventTime").asString()).isEqualTo("2026-12-06T20:45:01.123Z");
    assertThat(r.get("eventName").asString()).isEqualTo("ObjectCreated:Put");
    assertThat(r.at("/userIdentity/principalId").asString()).isEqualTo("AKIAEXAMPLE");
    assertThat(r.at("/requestParameters/sourceIPAddress").asString()).isEqualTo("192.0.2.7");
    assertThat(r.at("/responseElements/x-amz-request-id").asString()).isEqualTo("17E5A7B9C0D1E2F3");
    assertThat(r.at("/s3/s3SchemaVersion").asString()).isEqualTo("1.0");
    assertThat(r.at("/s3/configurationId").asString()).isEqualTo("thumbnails");
    assertThat(r.at("/s3/bucket/name").asString()).isEqualTo("photos");
    assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asString()).isEqualTo("42");
    assertThat(r.at("/s3/bucket/arn").asString()).isEqualTo("arn:aws:s3:::photos");
    assertThat(r.at("/s3/object/key").asString()).isEqualTo("2026/cat+1.jpg");
    assertThat(r.at("/s3/object/size").asLong()).isEqualTo(1024);
    assertThat(r.at("/s3/object/eTag").asString()).isEqualTo("d41d8cd9");
    assertThat(r.at("/s3/object/versionId").asString()).isEqualTo("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd");
    assertThat(r.at("/s3/object/sequencer").asString()).isEqualTo("0000000000000A2F");
  }

  @Test
  void aRemovalHasNoSizeNorETag() {
    JsonNode r =
        JSON.readTree(
                EventRecords.document(
                    event(EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED, "k", 0, null),
                    "rule",
                    "us-east-1",
                    "1"))
            .get("Records")
            .get(0);
    assertThat(r.get("eventName").asString()).isEqualTo("ObjectRemoved:DeleteMarkerCreated");
    assertThat(r.at("/s3/object").has("size")).isFalse();
    assertThat(r.at("/s3/object").has("eTag")).isFalse();
    assertThat(r.at("/s3/object/versionId").isMissingNode()).isFalse();
  }

  @Test
  void keysAreFormEncodedAsLambdaCodeDecodesThem() {
    for (String key : new String[] {"a b/c+d", "ü/ñ?x=1&y", "%41", "dir//file", "~*'()!"}) {
      String encoded = EventRecords.encodeKey(key);
      assertThat(encoded).doesNotContain(" ");
      assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(key);
    }
    assertThat(EventRecords.encodeKey("a b/c+d")).isEqualTo("a+b/c%2Bd");
  }

  @Test
  void theTestEventIsAwsDocumentNotARecord() {
    ObjectEvent test =
        new ObjectEvent(
            EventName.TEST_EVENT,
            "photos",
            null,
            0,
            null,
            null,
            "0000000000000001",
            AT,
            "R1",
            "admin",
            null);
    JsonNode doc = JSON.readTree(EventRecords.document(test, "", "us-east-1", "1"));
    assertThat(doc.has("Records")).isFalse();
    assertThat(doc.get("Service").asString()).isEqualTo("Amazon S3");
    assertThat(doc.get("Event").asString()).isEqualTo("s3:TestEvent");
    assertThat(doc.get("Time").asString()).isEqualTo("2026-12-06T20:45:01.123Z");
    assertThat(doc.get("Bucket").asString()).isEqualTo("photos");
    assertThat(doc.get("RequestId").asString()).isEqualTo("R1");
  }

  @Test
  void backOffDoublesUpToItsCap() {
    DeliverySettings s =
        DeliverySettings.defaults("us-east-1", 10)
            .withRetry(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(s.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(s.backoff(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(500)).isEqualTo(Duration.ofSeconds(1));
  }
}
