package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka sender against a real Kafka broker (one KRaft node, broker and controller combined)
 * started inside the test JVM from Kafka's own test kit, read back with a KafkaConsumer.
 */
class KafkaSenderIT {
  private static KafkaClusterTestKit kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static String createTopic(int partitions) throws Exception {
    String topic = "coffer-test-" + TestMessages.unique();
    try (Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    return topic;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      // no consumer group (its offsets topic wants three brokers): every partition, from the start
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }

  @Test
  void eventsAreRecordsKeyedByBucketAndKeySoOneKeysEventsStayInOrder() throws Exception {
    String topic = createTopic(3);
    List<EventMessage> sent = new ArrayList<>();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.KAFKA,
                "{\"brokers\":\""
                    + kafka.bootstrapServers()
                    + "\",\"topic\":\""
                    + topic
                    + "\"}"))) {
      for (int i = 0; i < 6; i++) {
        EventMessage m = TestMessages.message("a b/é-" + (i % 2) + ".jpg", "0" + i);
        sender.send(m);
        sent.add(m);
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 6);
    assertThat(records).hasSize(6);
    for (String key : List.of("a b/é-0.jpg", "a b/é-1.jpg")) {
      List<ConsumerRecord<byte[], byte[]>> ofKey =
          records.stream()
              .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("photos/" + key))
              .toList();
      assertThat(ofKey).hasSize(3);
      assertThat(ofKey.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
      List<byte[]> expected =
          sent.stream().filter(m -> key.equals(m.key())).map(EventMessage::body).toList();
      assertThat(
              ofKey.stream()
                  .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                  .map(ConsumerRecord::value))
          .containsExactlyElementsOf(expected);
      assertThat(
              new String(
                  ofKey.get(0).headers().lastHeader("eventName").value(), StandardCharsets.UTF_8))
          .isEqualTo("ObjectCreated:Put");
    }
  }

  @Test
  void anUnreachableBrokerIsAFailureToRetry() throws IOException {
    int port = TestMessages.closedPort();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.KAFKA, "{\"brokers\":\"127.0.0.1:" + port + "\",\"topic\":\"t\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("kafka");
    }
  }
}
