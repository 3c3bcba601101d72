package io.coffer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TargetConfigsTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  private static JsonNode validate(TargetType type, String json) {
    return JSON.readTree(TargetConfigs.validate(type, json));
  }

  private static void refused(TargetType type, String json, String messagePart) {
    assertThatThrownBy(() -> TargetConfigs.validate(type, json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void webhookKeepsItsFieldsAndRefusesWhatItCannotUse() {
    JsonNode c =
        validate(
            TargetType.WEBHOOK,
            "{\"endpoint\":\"https://hooks.example/in\",\"auth_token\":\"t0k\",\"hmac_secret\":\"s\"}");
    assertThat(c.get("endpoint").asString()).isEqualTo("https://hooks.example/in");
    assertThat(c.get("auth_token").asString()).isEqualTo("t0k");
    assertThat(c.get("hmac_secret").asString()).isEqualTo("s");

    refused(TargetType.WEBHOOK, "{}", "config.endpoint is required");
    refused(TargetType.WEBHOOK, "{\"endpoint\":\"ftp://x/y\"}", "config.endpoint must be a URL");
    refused(TargetType.WEBHOOK, "{\"endpoint\":\"http:///nohost\"}", "config.endpoint");
    refused(TargetType.WEBHOOK, "{\"endpoint\":\"https://u:p@h/x\"}", "user information");
    refused(TargetType.WEBHOOK, "{\"endpoint\":42}", "config.endpoint must be a string");
    refused(TargetType.WEBHOOK, "{\"endpoint\":\"http://h\",\"auth_tokn\":\"x\"}", "auth_tokn");
    refused(TargetType.WEBHOOK, "{\"endpoint\":\"http://h\",\"auth_token\":\"a b\"}", "auth_token");
    refused(TargetType.WEBHOOK, "[1]", "JSON object");
    refused(TargetType.WEBHOOK, "{not json", "not valid JSON");
  }

  @Test
  void natsDefaultsToCorePublishAndChecksSubjectAndCredentials() {
    JsonNode c =
        validate(TargetType.NATS, "{\"url\":\"nats://127.0.0.1:4222\",\"subject\":\"s3.ev\"}");
    assertThat(c.get("jetstream").asBoolean()).isFalse();
    assertThat(
            validate(
                    TargetType.NATS,
                    "{\"url\":\"nats://a:4222,nats://b:4222\",\"subject\":\"x\",\"jetstream\":true}")
                .get("jetstream")
                .asBoolean())
        .isTrue();
    refused(TargetType.NATS, "{\"url\":\"http://h\",\"subject\":\"x\"}", "config.url");
    refused(TargetType.NATS, "{\"url\":\"nats://h\",\"subject\":\"a.*\"}", "config.subject");
    refused(TargetType.NATS, "{\"url\":\"nats://h\",\"subject\":\"a b\"}", "config.subject");
    refused(
        TargetType.NATS,
        "{\"url\":\"nats://h\",\"subject\":\"x\",\"jetstream\":\"yes\"}",
        "true or false");
    refused(
        TargetType.NATS,
        "{\"url\":\"nats://h\",\"subject\":\"x\",\"password\":\"p\"}",
        "go together");
  }

  @Test
  void amqpDefaultsToADirectExchangeAndAnEmptyRoutingKey() {
    JsonNode c =
        validate(TargetType.AMQP, "{\"url\":\"amqp://guest:guest@h:5672\",\"exchange\":\"ev\"}");
    assertThat(c.get("exchange_type").asString()).isEqualTo("direct");
    assertThat(c.get("routing_key").asString()).isEmpty();
    refused(TargetType.AMQP, "{\"url\":\"amqp://h\"}", "config.exchange is required");
    refused(TargetType.AMQP, "{\"url\":\"amqp://h/\",\"exchange\":\"e\"}", "empty virtual host");
    validate(TargetType.AMQP, "{\"url\":\"amqp://h/%2F\",\"exchange\":\"e\"}");
    refused(
        TargetType.AMQP,
        "{\"url\":\"amqp://h\",\"exchange\":\"e\",\"exchange_type\":\"x-delayed\"}",
        "config.exchange_type must be one of direct, fanout, headers, topic");
  }

  @Test
  void mqttDefaultsToQos1AndRefusesWildcardTopicsAndOtherQos() {
    JsonNode c = validate(TargetType.MQTT, "{\"broker\":\"tcp://h:1883\",\"topic\":\"a/b\"}");
    assertThat(c.get("qos").asInt()).isEqualTo(1);
    assertThat(
            validate(TargetType.MQTT, "{\"broker\":\"mqtt://h\",\"topic\":\"a\",\"qos\":2}")
                .get("qos")
                .asInt())
        .isEqualTo(2);
    refused(TargetType.MQTT, "{\"broker\":\"tcp://h\",\"topic\":\"a/#\"}", "wildcards");
    refused(
        TargetType.MQTT, "{\"broker\":\"tcp://h\",\"topic\":\"a\",\"qos\":3}", "between 0 and 2");
    refused(TargetType.MQTT, "{\"broker\":\"tcp://h\",\"topic\":\"a\",\"qos\":\"1\"}", "integer");
    refused(TargetType.MQTT, "{\"broker\":\"tcp://h\",\"topic\":\"a\",\"qos\":1.5}", "integer");
  }

  @Test
  void redisDefaultsToAListAndKnowsStreams() {
    JsonNode c =
        validate(TargetType.REDIS, "{\"url\":\"redis://127.0.0.1:6379/2\",\"key\":\"ev\"}");
    assertThat(c.get("format").asString()).isEqualTo("list");
    assertThat(
            validate(
                    TargetType.REDIS,
                    "{\"url\":\"rediss://h\",\"key\":\"k\",\"format\":\"stream\"}")
                .get("format")
                .asString())
        .isEqualTo("stream");
    refused(
        TargetType.REDIS,
        "{\"url\":\"redis://h\",\"key\":\"k\",\"format\":\"hash\"}",
        "config.format");
    refused(TargetType.REDIS, "{\"url\":\"redis://h/db\",\"key\":\"k\"}", "database number");
  }

  @Test
  void postgresqlTakesBothUrlFormsAndOnlyPlainTableNames() {
    validate(
        TargetType.POSTGRESQL, "{\"url\":\"postgresql://u:p@h:5432/db\",\"table\":\"events\"}");
    validate(
        TargetType.POSTGRESQL,
        "{\"url\":\"jdbc:postgresql://h/db?user=u\",\"table\":\"s.events\"}");
    refused(TargetType.POSTGRESQL, "{\"url\":\"mysql://h/db\",\"table\":\"t\"}", "config.url");
    refused(
        TargetType.POSTGRESQL,
        "{\"url\":\"postgresql://h/db\",\"table\":\"t; drop table x\"}",
        "config.table");
  }

  @Test
  void kafkaTakesBrokersAsAListOrAString() {
    JsonNode c = validate(TargetType.KAFKA, "{\"brokers\":\"a:9092, b:9093\",\"topic\":\"ev\"}");
    assertThat(c.get("brokers").toString()).isEqualTo("[\"a:9092\",\"b:9093\"]");
    assertThat(c.get("tls").asBoolean()).isFalse();
    validate(TargetType.KAFKA, "{\"brokers\":[\"a:9092\"],\"topic\":\"ev\"}");
    refused(TargetType.KAFKA, "{\"topic\":\"ev\"}", "config.brokers is required");
    refused(TargetType.KAFKA, "{\"brokers\":[\"nohost\"],\"topic\":\"ev\"}", "host:port");
    refused(TargetType.KAFKA, "{\"brokers\":[],\"topic\":\"ev\"}", "at least one");
    refused(TargetType.KAFKA, "{\"brokers\":\"a:1\",\"topic\":\"a/b\"}", "config.topic");
  }

  @Test
  void validationErrorsNeverRepeatASecret() {
    assertThatThrownBy(
            () ->
                TargetConfigs.validate(
                    TargetType.WEBHOOK, "{\"endpoint\":\"https://h\",\"auth_token\":\"se cret\"}"))
        .message()
        .doesNotContain("se cret");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "amqp://guest:guest@h:5672/vh | amqp://guest:***@h:5672/vh",
        "nats://tok3n@h:4222,nats://u:p@h2:4222 | nats://***@h:4222,nats://u:***@h2:4222",
        "redis://:pw@h:6379/0 | redis://:***@h:6379/0",
        "jdbc:postgresql://h/db?user=u&password=pw&ssl=true |"
            + " jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        "tcp://h:1883 | tcp://h:1883"
      })
  void urlPasswordsAreHidden(String url, String redacted) {
    assertThat(ConfigUrls.redact(url)).isEqualTo(redacted);
  }

  @Test
  void redactRemovesSecretFieldsAndUrlPasswordsAndKeepsTheRest() {
    String webhook =
        TargetConfigs.redact(
            TargetType.WEBHOOK,
            "{\"endpoint\":\"https://h/x\",\"auth_token\":\"TOKEN1\",\"hmac_secret\":\"HMAC1\"}");
    assertThat(webhook).isEqualTo("{\"endpoint\":\"https://h/x\"}");

    String amqp =
        TargetConfigs.redact(
            TargetType.AMQP,
            TargetConfigs.validate(
                TargetType.AMQP,
                "{\"url\":\"amqp://user:PASS1@h/vh\",\"exchange\":\"e\",\"username\":\"u\",\"password\":\"PASS2\"}"));
    assertThat(amqp)
        .doesNotContain("PASS1", "PASS2")
        .contains("amqp://user:***@h/vh", "\"exchange\":\"e\"");

    String nats =
        TargetConfigs.redact(
            TargetType.NATS,
            "{\"url\":\"nats://h\",\"subject\":\"s\",\"token\":\"TOK\",\"jetstream\":true}");
    assertThat(nats).doesNotContain("TOK").contains("\"jetstream\":true");

    String pg =
        TargetConfigs.redact(
            TargetType.POSTGRESQL, "{\"url\":\"postgresql://u:PGPW@h/db\",\"table\":\"t\"}");
    assertThat(pg).doesNotContain("PGPW");
  }

  @Test
  void configRecordsNeverPrintTheirSecrets() {
    assertThat(
            WebhookConfig.parse(
                    "{\"endpoint\":\"https://h\",\"auth_token\":\"TOK\",\"hmac_secret\":\"HM\"}")
                .toString())
        .doesNotContain("TOK", "HM");
    assertThat(AmqpConfig.parse("{\"url\":\"amqp://u:PW@h\",\"exchange\":\"e\"}").toString())
        .doesNotContain("PW");
  }
}
