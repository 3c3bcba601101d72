package io.coffer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What "acknowledged" means for Kafka is the producer's configuration: checked here. */
class KafkaSenderTest {

  @Test
  void theProducerWaitsForEveryInSyncReplicaAndIsIdempotent() {
    Properties p =
        KafkaSender.properties(
            KafkaConfig.parse("{\"brokers\":[\"a:9092\",\"b:9092\"],\"topic\":\"t\"}"), "coffer-x");
    assertThat(p.getProperty("acks")).isEqualTo("all");
    assertThat(p.getProperty("enable.idempotence")).isEqualTo("true");
    assertThat(p.getProperty("bootstrap.servers")).isEqualTo("a:9092,b:9092");
    assertThat(p.getProperty("security.protocol")).isNull();
  }

  @Test
  void credentialsAreSaslPlainOverTlsWhenAsked() {
    Properties p =
        KafkaSender.properties(
            KafkaConfig.parse(
                "{\"brokers\":\"a:9093\",\"topic\":\"t\",\"username\":\"u\",\"password\":\"p\\\"w\","
                    + "\"tls\":true}"),
            "coffer-x");
    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
    assertThat(p.getProperty("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
                + " password=\"p\\\"w\";");
  }
}
