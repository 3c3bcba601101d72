package io.coffer.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Produces to Kafka with the official client: {@code acks=all} and idempotence on, each record
 * keyed by {@code bucket/key} (the events of one key land in one partition, in order) with the
 * event type in an {@code eventName} header. A send returns once the record is acknowledged by
 * every in-sync replica.
 */
final class KafkaSender implements EventSender {
  private static final int TIMEOUT_MS = 10_000;

  private final KafkaConfig config;
  private final String clientId;
  private volatile @Nullable KafkaProducer<byte[], byte[]> producer;

  KafkaSender(KafkaConfig config, String targetId) {
    this.config = config;
    this.clientId = "coffer-" + targetId;
  }

  @Override
  public void send(EventMessage message) throws IOException {
    String key = message.bucket() + "/" + (message.key() == null ? "" : message.key());
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(config.topic(), key.getBytes(StandardCharsets.UTF_8), message.body());
    record.headers().add("eventName", message.eventName().getBytes(StandardCharsets.UTF_8));
    try {
      producer().send(record).get(2L * TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      close();
      throw Failures.retryable(
          "kafka", e.getCause() instanceof Exception cause ? cause : new IOException(e));
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      close();
      throw Failures.retryable("kafka", e);
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    KafkaProducer<byte[], byte[]> p = producer;
    if (p != null) {
      return p;
    }
    p = new KafkaProducer<>(properties(config, clientId));
    producer = p;
    return p;
  }

  static Properties properties(KafkaConfig config, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.brokers()));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(TIMEOUT_MS));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS + 5_000));
    if (config.username() != null && config.password() != null) {
      p.put("security.protocol", config.tls() ? "SASL_SSL" : "SASL_PLAINTEXT");
      p.put("sasl.mechanism", "PLAIN");
      p.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
              + jaasEscape(config.username())
              + "\" password=\""
              + jaasEscape(config.password())
              + "\";");
    } else if (config.tls()) {
      p.put("security.protocol", "SSL");
    }
    return p;
  }

  private static String jaasEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public void close() {
    KafkaProducer<byte[], byte[]> p = producer;
    producer = null;
    if (p != null) {
      try {
        p.close(Duration.ofSeconds(1));
      } catch (RuntimeException e) {
        // a producer that cannot flush is discarded anyway: its records are still in the outbox
      }
    }
  }
}
