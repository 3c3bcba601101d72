package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.Brokers;
import io.coffer.it.support.Brokers.Broker;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MQTT sender against the machine's Mosquitto, read back with a Paho subscriber. */
class MqttSenderIT {
  private static final String BROKER = "tcp://127.0.0.1:1883";
  private final String topic = "coffer/test/" + TestMessages.unique();
  private final BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
  private MqttClient subscriber;

  @BeforeEach
  void subscribe() throws Exception {
    Brokers.require(Broker.MOSQUITTO);
    subscriber =
        new MqttClient(BROKER, "coffer-test-" + TestMessages.unique(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    subscriber.connect(options);
    // subscribed at QoS 2: a message arrives with the QoS it was published with
    subscriber.subscribe(topic, 2, (t, m) -> received.add(m));
  }

  @AfterEach
  void disconnect() throws Exception {
    if (subscriber != null) {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private EventSender sender(String extra) {
    return EventSenders.open(
        TestMessages.target(
            TargetType.MQTT,
            "{\"broker\":\"" + BROKER + "\",\"topic\":\"" + topic + "\"" + extra + "}"));
  }

  @Test
  void eventsArriveOnTheTopicInOrderWithQos1ByDefault() throws Exception {
    EventMessage first = TestMessages.message("a b/é.jpg", "01");
    EventMessage second = TestMessages.message("a b/é.jpg", "02");
    try (EventSender sender = sender("")) {
      sender.send(first);
      sender.send(second);
    }
    MqttMessage m1 = received.poll(5, TimeUnit.SECONDS);
    MqttMessage m2 = received.poll(5, TimeUnit.SECONDS);
    assertThat(m1.getPayload()).isEqualTo(first.body());
    assertThat(m2.getPayload()).isEqualTo(second.body());
    assertThat(m1.getQos()).isEqualTo(1);
    assertThat(m1.isRetained()).isFalse();
  }

  @Test
  void theConfiguredQosIsUsed() throws Exception {
    try (EventSender sender = sender(",\"qos\":2")) {
      sender.send(TestMessages.message("k", "01"));
    }
    assertThat(received.poll(5, TimeUnit.SECONDS).getQos()).isEqualTo(2);
  }

  @Test
  void theMqttSchemeIsTcp() throws Exception {
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.MQTT,
                "{\"broker\":\"mqtt://127.0.0.1\",\"topic\":\"" + topic + "\"}"))) {
      sender.send(TestMessages.message("k", "01"));
    }
    assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void anUnreachableBrokerIsAFailureToRetry() throws IOException {
    int port = TestMessages.closedPort();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.MQTT,
                "{\"broker\":\"tcp://127.0.0.1:" + port + "\",\"topic\":\"t\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("mqtt");
    }
  }
}
