package io.coffer.it.notification;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.SignedHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * PutBucketNotificationConfiguration and GetBucketNotificationConfiguration with the AWS SDK: rules
 * naming targets created through the management API round-trip, and every refusal is AWS's.
 */
class NotificationConfigurationIT {
  static final String BUCKET = "notified";
  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);

  static S3Client s3;
  static EventWebhook webhook;
  static String hookArn;
  static String otherArn;

  @BeforeAll
  static void targets() throws Exception {
    s3 = coffer.s3();
    webhook = new EventWebhook();
    hookArn = webhook.createTarget(coffer, "config-hook");
    otherArn = webhook.createTarget(coffer, "config-other");
  }

  @AfterAll
  static void stopWebhook() {
    webhook.close();
  }

  static void put(NotificationConfiguration configuration) {
    s3.putBucketNotificationConfiguration(
        b -> b.bucket(BUCKET).notificationConfiguration(configuration));
  }

  static QueueConfiguration queue(String arn, String prefix, String... events) {
    return QueueConfiguration.builder()
        .queueArn(arn)
        .eventsWithStrings(events)
        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value(prefix))))
        .build();
  }

  @Test
  void queueAndTopicConfigurationsRoundTripWithTheirFiltersAndGeneratedIds() {
    put(
        NotificationConfiguration.builder()
            .queueConfigurations(
                QueueConfiguration.builder()
                    .id("thumbnails")
                    .queueArn(hookArn)
                    .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED_DELETE)
                    .filter(
                        f ->
                            f.key(
                                k ->
                                    k.filterRules(
                                        r -> r.name(FilterRuleName.PREFIX).value("images/"),
                                        r -> r.name(FilterRuleName.SUFFIX).value(".jpg"))))
                    .build())
            .topicConfigurations(
                TopicConfiguration.builder()
                    .topicArn(otherArn)
                    .eventsWithStrings("s3:ObjectTagging:*")
                    .build())
            .build());
    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET));
    assertThat(got.queueConfigurations()).hasSize(1);
    QueueConfiguration q = got.queueConfigurations().getFirst();
    assertThat(q.id()).isEqualTo("thumbnails");
    assertThat(q.queueArn()).isEqualTo(hookArn);
    assertThat(q.eventsAsStrings())
        .containsExactly("s3:ObjectCreated:*", "s3:ObjectRemoved:Delete");
    // As AWS answers them: "Prefix" and "Suffix", the SDK's FilterRuleName values.
    assertThat(q.filter().key().filterRules())
        .extracting(r -> r.name().name() + "=" + r.value())
        .containsExactly("PREFIX=images/", "SUFFIX=.jpg");
    assertThat(got.topicConfigurations()).hasSize(1);
    TopicConfiguration t = got.topicConfigurations().getFirst();
    assertThat(t.topicArn()).isEqualTo(otherArn);
    assertThat(t.id()).isNotBlank();
    assertThat(t.eventsAsStrings()).containsExactly("s3:ObjectTagging:*");
    assertThat(t.filter()).isNull();
    // The generated ID is kept, not made again on each read.
    assertThat(
            s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET))
                .topicConfigurations()
                .getFirst()
                .id())
        .isEqualTo(t.id());
    assertThat(got.lambdaFunctionConfigurations()).isEmpty();
  }

  @Test
  void settingAConfigurationSendsTheTestEventToItsTarget() throws Exception {
    put(
        NotificationConfiguration.builder()
            .queueConfigurations(queue(hookArn, "test-event/", "s3:ObjectCreated:Put"))
            .build());
    webhook.awaitDocument(
        "s3:TestEvent for " + BUCKET,
        d ->
            d.path("Event").asString().equals("s3:TestEvent")
                && d.path("Bucket").asString().equals(BUCKET));
  }

  @Test
  void anEmptyConfigurationRemovesTheRules() {
    put(
        NotificationConfiguration.builder()
            .queueConfigurations(queue(hookArn, "", "s3:ObjectCreated:*"))
            .build());
    assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET)).queueConfigurations())
        .hasSize(1);
    put(NotificationConfiguration.builder().build());
    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET));
    assertThat(got.queueConfigurations()).isEmpty();
    assertThat(got.topicConfigurations()).isEmpty();
  }

  @Test
  void aBucketWithoutRulesAnswersAnEmptyConfiguration() {
    s3.createBucket(b -> b.bucket("never-notified"));
    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket("never-notified"));
    assertThat(got.queueConfigurations()).isEmpty();
    assertThat(got.topicConfigurations()).isEmpty();
  }

  @Test
  void aDestinationThatDoesNotExistIsInvalidArgumentAndChangesNothing() {
    NotificationConfiguration before = current();
    String unknown = "arn:coffer:sqs::nobody-here:webhook";
    S3Exception e =
        assertS3Error(
            400,
            "InvalidArgument",
            () ->
                put(
                    NotificationConfiguration.builder()
                        .queueConfigurations(queue(unknown, "", "s3:ObjectCreated:*"))
                        .build()));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Unable to validate the following destination configurations");
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            put(
                NotificationConfiguration.builder()
                    .queueConfigurations(
                        queue("arn:aws:sqs:us-east-1:123456789012:q", "", "s3:ObjectCreated:*"))
                    .build()));
    // A target's ID with another type than its own.
    assertS3Error(
        400,
        "InvalidArgument",
        () ->
            put(
                NotificationConfiguration.builder()
                    .queueConfigurations(
                        queue(hookArn.replace(":webhook", ":nats"), "", "s3:ObjectCreated:*"))
                    .build()));
    assertThat(current()).isEqualTo(before);
  }

  @Test
  void overlappingRulesAreInvalidArgument() {
    S3Exception e =
        assertS3Error(
            400,
            "InvalidArgument",
            () ->
                put(
                    NotificationConfiguration.builder()
                        .queueConfigurations(
                            queue(hookArn, "images/", "s3:ObjectCreated:*"),
                            queue(otherArn, "images/thumbs/", "s3:ObjectCreated:Put"))
                        .build()));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "Configurations overlap. Configurations on the same bucket cannot share a common"
                + " event type.");
    // Disjoint prefixes, or no common event type: no overlap.
    put(
        NotificationConfiguration.builder()
            .queueConfigurations(
                queue(hookArn, "images/", "s3:ObjectCreated:*"),
                queue(otherArn, "docs/", "s3:ObjectCreated:*"),
                queue(otherArn, "images/", "s3:ObjectRemoved:*"))
            .build());
    assertThat(current().queueConfigurations()).hasSize(3);
  }

  @Test
  void anUnknownEventIsInvalidArgument() {
    S3Exception e =
        assertS3Error(
            400,
            "InvalidArgument",
            () ->
                put(
                    NotificationConfiguration.builder()
                        .queueConfigurations(queue(hookArn, "", "s3:ObjectCreated:Upload"))
                        .build()));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The event is not supported for notifications");
  }

  @Test
  void eventTypesCofferNeverProducesAreNotImplemented() {
    for (String event :
        List.of("s3:ObjectRestore:*", "s3:Replication:*", "s3:LifecycleTransition")) {
      assertS3Error(
          501,
          "NotImplemented",
          () ->
              put(
                  NotificationConfiguration.builder()
                      .queueConfigurations(queue(hookArn, "", event))
                      .build()));
    }
  }

  @Test
  void lambdaAndEventBridgeDestinationsAreNotImplemented() {
    assertS3Error(
        501,
        "NotImplemented",
        () ->
            put(
                NotificationConfiguration.builder()
                    .lambdaFunctionConfigurations(
                        LambdaFunctionConfiguration.builder()
                            .lambdaFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
                            .events(Event.S3_OBJECT_CREATED)
                            .build())
                    .build()));
    assertS3Error(
        501,
        "NotImplemented",
        () -> put(NotificationConfiguration.builder().eventBridgeConfiguration(b -> {}).build()));
  }

  @Test
  void aBadFilterRuleIsInvalidArgumentAndABadDocumentMalformedXml() throws Exception {
    HttpResponse<byte[]> twoPrefixes =
        putRaw(
            "<NotificationConfiguration><QueueConfiguration><Queue>"
                + hookArn
                + "</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key>"
                + "<FilterRule><Name>prefix</Name><Value>a</Value></FilterRule>"
                + "<FilterRule><Name>prefix</Name><Value>b</Value></FilterRule>"
                + "</S3Key></Filter></QueueConfiguration></NotificationConfiguration>");
    assertThat(twoPrefixes.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(twoPrefixes)).isEqualTo("InvalidArgument");
    assertThat(SignedHttp.text(twoPrefixes))
        .contains("Cannot specify more than one prefix rule in a filter.");
    HttpResponse<byte[]> infix =
        putRaw(
            "<NotificationConfiguration><QueueConfiguration><Queue>"
                + hookArn
                + "</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key>"
                + "<FilterRule><Name>infix</Name><Value>a</Value></FilterRule>"
                + "</S3Key></Filter></QueueConfiguration></NotificationConfiguration>");
    assertThat(SignedHttp.errorCode(infix)).isEqualTo("InvalidArgument");
    HttpResponse<byte[]> noEvent =
        putRaw(
            "<NotificationConfiguration><QueueConfiguration><Queue>"
                + hookArn
                + "</Queue></QueueConfiguration></NotificationConfiguration>");
    assertThat(noEvent.statusCode()).isEqualTo(400);
    assertThat(SignedHttp.errorCode(noEvent)).isEqualTo("MalformedXML");
    HttpResponse<byte[]> notXml = putRaw("rules, please");
    assertThat(SignedHttp.errorCode(notXml)).isEqualTo("MalformedXML");
  }

  @Test
  void aBucketThatDoesNotExistIsNoSuchBucket() {
    assertS3Error(
        404,
        "NoSuchBucket",
        () -> s3.getBucketNotificationConfiguration(b -> b.bucket("no-such-notified")));
    assertS3Error(
        404,
        "NoSuchBucket",
        () ->
            s3.putBucketNotificationConfiguration(
                b ->
                    b.bucket("no-such-notified")
                        .notificationConfiguration(NotificationConfiguration.builder().build())));
  }

  @Test
  void aTargetInUseCannotBeDeleted() {
    s3.createBucket(b -> b.bucket("notified-in-use"));
    String arn = webhook.createTarget(coffer, "config-in-use");
    s3.putBucketNotificationConfiguration(
        b ->
            b.bucket("notified-in-use")
                .notificationConfiguration(
                    NotificationConfiguration.builder()
                        .queueConfigurations(queue(arn, "", "s3:ObjectCreated:*"))
                        .build()));
    assertThat(new Api(coffer).send("DELETE", "/notification-targets/config-in-use", null).status())
        .isEqualTo(409);
    s3.putBucketNotificationConfiguration(
        b ->
            b.bucket("notified-in-use")
                .notificationConfiguration(NotificationConfiguration.builder().build()));
    assertThat(new Api(coffer).send("DELETE", "/notification-targets/config-in-use", null).status())
        .isEqualTo(200);
  }

  private static HttpResponse<byte[]> putRaw(String body) throws Exception {
    return SignedHttp.request(coffer.s3Uri(), "PUT", BUCKET, null)
        .query("notification", "")
        .body(body)
        .send();
  }

  private static NotificationConfiguration current() {
    GetBucketNotificationConfigurationResponse got =
        s3.getBucketNotificationConfiguration(b -> b.bucket(BUCKET));
    return NotificationConfiguration.builder()
        .queueConfigurations(got.queueConfigurations())
        .topicConfigurations(got.topicConfigurations())
        .build();
  }
}
