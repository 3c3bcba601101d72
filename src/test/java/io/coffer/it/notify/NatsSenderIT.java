package io.coffer.it.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.Brokers;
import io.coffer.it.support.Brokers.Broker;
import io.coffer.model.TargetType;
import io.coffer.notify.EventMessage;
import io.coffer.notify.EventSender;
import io.coffer.notify.EventSenders;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The NATS sender against the machine's NATS server (JetStream enabled), read back with jnats. */
class NatsSenderIT {
  private static final String URL = "nats://127.0.0.1:4222";
  private Connection nats;

  @BeforeEach
  void connect() throws Exception {
    Brokers.require(Broker.NATS);
    nats = Nats.connect(URL);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    if (nats != null) {
      nats.close();
    }
  }

  @Test
  void corePublishArrivesOnTheSubjectInOrder() throws Exception {
    String subject = "coffer.test." + TestMessages.unique();
    Subscription sub = nats.subscribe(subject);
    nats.flush(Duration.ofSeconds(5));
    EventMessage first = TestMessages.message("a b/é.jpg", "01");
    EventMessage second = TestMessages.message("a b/é.jpg", "02");
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.NATS, "{\"url\":\"" + URL + "\",\"subject\":\"" + subject + "\"}"))) {
      sender.send(first);
      sender.send(second);
    }
    Message m1 = sub.nextMessage(Duration.ofSeconds(5));
    Message m2 = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m1.getData()).isEqualTo(first.body());
    assertThat(m2.getData()).isEqualTo(second.body());
    assertThat(m1.getHeaders().getFirst("Coffer-Event-Name")).isEqualTo("ObjectCreated:Put");
  }

  @Test
  void jetStreamPublishIsStoredOnceEvenWhenRetried() throws Exception {
    String suffix = TestMessages.unique();
    String subject = "coffer.js." + suffix;
    String stream = "COFFER_TEST_" + suffix;
    JetStreamManagement jsm = nats.jetStreamManagement();
    jsm.addStream(
        StreamConfiguration.builder()
            .name(stream)
            .subjects(subject)
            .storageType(StorageType.Memory)
            .build());
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.NATS,
                "{\"url\":\"" + URL + "\",\"subject\":\"" + subject + "\",\"jetstream\":true}"))) {
      EventMessage message = TestMessages.message("k", "01");
      sender.send(message);
      // the worker retries a message whose acknowledgement it did not see: stored once
      sender.send(message);
      sender.send(TestMessages.message("k", "02"));
      assertThat(jsm.getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(2);
      assertThat(jsm.getMessage(stream, 1).getData()).isEqualTo(message.body());
    } finally {
      jsm.deleteStream(stream);
    }
  }

  @Test
  void jetStreamWithoutAStreamForTheSubjectIsAFailureToRetry() {
    String subject = "coffer.nostream." + TestMessages.unique();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.NATS,
                "{\"url\":\"" + URL + "\",\"subject\":\"" + subject + "\",\"jetstream\":true}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("nats");
    }
  }

  @Test
  void anUnreachableServerIsAFailureToRetry() throws IOException {
    int port = TestMessages.closedPort();
    try (EventSender sender =
        EventSenders.open(
            TestMessages.target(
                TargetType.NATS,
                "{\"url\":\"nats://127.0.0.1:" + port + "\",\"subject\":\"s\"}"))) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class);
    }
  }
}
