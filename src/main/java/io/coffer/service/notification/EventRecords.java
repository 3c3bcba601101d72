package io.coffer.service.notification;

import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents targets receive, in AWS's "event message structure": {@code {"Records":[…]}} with
 * one record per event (eventVersion 2.1), and the {@code s3:TestEvent} document AWS sends when a
 * configuration is set. Code written for S3 events delivered to Lambda or SQS parses them
 * unchanged. Pure: no I/O.
 */
public final class EventRecords {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** eventTime as AWS writes it: ISO-8601 in UTC with milliseconds. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private EventRecords() {}

  /**
   * One event as a target receives it.
   *
   * @param configurationId the ID of the rule that matched (s3.configurationId)
   * @param ownerId the bucket owner's ID (s3.bucket.ownerIdentity.principalId)
   */
  public static byte[] document(
      ObjectEvent event, String configurationId, String region, String ownerId) {
    if (event.name() == EventName.TEST_EVENT) {
      return testEvent(event);
    }
    return JSON.writeValueAsBytes(
        records(List.of(record(event, configurationId, region, ownerId))));
  }

  /** {@code {"Records":[…]}} of these records. */
  public static ObjectNode records(List<ObjectNode> records) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("Records");
    records.forEach(array::add);
    return root;
  }

  /** One line of newline-delimited JSON (the listen endpoint's stream), newline included. */
  public static byte[] line(ObjectNode document) {
    byte[] json = JSON.writeValueAsBytes(document);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }

  /** One element of Records[]. */
  public static ObjectNode record(
      ObjectEvent event, String configurationId, String region, String ownerId) {
    ObjectNode r = JSON.createObjectNode();
    r.put("eventVersion", "2.1");
    r.put("eventSource", "aws:s3");
    r.put("awsRegion", region);
    r.put("eventTime", TIME.format(event.time()));
    r.put("eventName", event.name().recordName());
    r.putObject("userIdentity").put("principalId", event.principalId());
    r.putObject("requestParameters")
        .put("sourceIPAddress", event.sourceIp() == null ? "" : event.sourceIp());
    ObjectNode response = r.putObject("responseElements");
    response.put("x-amz-request-id", event.requestId());
    response.put("x-amz-id-2", event.requestId());
    ObjectNode s3 = r.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", configurationId);
    ObjectNode bucket = s3.putObject("bucket");
    bucket.put("name", event.bucket());
    bucket.putObject("ownerIdentity").put("principalId", ownerId);
    bucket.put("arn", "arn:aws:s3:::" + event.bucket());
    ObjectNode object = s3.putObject("object");
    object.put("key", encodeKey(event.key() == null ? "" : event.key()));
    // AWS reports a size for created objects only; a removal or a marker has none.
    if (event.name().awsName().startsWith("s3:ObjectCreated:")) {
      object.put("size", event.size());
    }
    if (event.etag() != null) {
      object.put("eTag", event.etag());
    }
    if (event.versionId() != null) {
      object.put("versionId", event.versionId());
    }
    object.put("sequencer", event.sequencer());
    return r;
  }

  /**
   * The key as AWS's records carry it: form-URL-encoded (a space is {@code +}), slashes kept, so
   * that {@code unquote_plus} in a Lambda function gives the key back.
   */
  public static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  /**
   * The document AWS sends to each destination when a configuration is set: not a record, but
   * {@code {"Service":"Amazon S3","Event":"s3:TestEvent",…}}.
   */
  public static byte[] testEvent(ObjectEvent event) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("Service", "Amazon S3");
    doc.put("Event", EventName.TEST_EVENT.awsName());
    doc.put("Time", TIME.format(event.time()));
    doc.put("Bucket", event.bucket());
    doc.put("RequestId", event.requestId());
    doc.put("HostId", event.requestId());
    return JSON.writeValueAsBytes(doc);
  }
}
