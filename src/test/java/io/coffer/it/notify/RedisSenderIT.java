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
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** The Redis sender against the machine's Redis, read back with Jedis. */
class RedisSenderIT {
  private final String key = "coffer:test:" + TestMessages.unique();
  private Jedis redis;

  @BeforeEach
  void connect() {
    Brokers.require(Broker.REDIS);
    redis = new Jedis("127.0.0.1", 6379);
  }

  @AfterEach
  void cleanUp() {
    if (redis != null) {
      redis.select(0);
      redis.del(key);
      redis.select(3);
      redis.del(key);
      redis.close();
    }
  }

  private EventSender sender(String url, String extra) {
    return EventSenders.open(
        TestMessages.target(
            TargetType.REDIS, "{\"url\":\"" + url + "\",\"key\":\"" + key + "\"" + extra + "}"));
  }

  @Test
  void aListGetsEachDocumentPushedAtItsTailInOrder() throws Exception {
    EventMessage first = TestMessages.message("a b/é.jpg", "01");
    EventMessage second = TestMessages.message("a b/é.jpg", "02");
    try (EventSender sender = sender("redis://127.0.0.1:6379", "")) {
      sender.send(first);
      sender.send(second);
    }
    List<byte[]> list = redis.lrange(key.getBytes(StandardCharsets.UTF_8), 0, -1);
    assertThat(list).hasSize(2);
    assertThat(list.get(0)).isEqualTo(first.body());
    assertThat(list.get(1)).isEqualTo(second.body());
  }

  @Test
  void aStreamGetsOneEntryPerEventWithTheDocumentAndItsName() throws Exception {
    EventMessage first = TestMessages.message("k", "01");
    EventMessage second = TestMessages.message("k", "02");
    try (EventSender sender = sender("redis://127.0.0.1:6379", ",\"format\":\"stream\"")) {
      sender.send(first);
      sender.send(second);
    }
    List<StreamEntry> entries = redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).getFields())
        .containsEntry("event", new String(first.body(), StandardCharsets.UTF_8))
        .containsEntry("eventName", "ObjectCreated:Put");
    assertThat(entries.get(1).getFields().get("event"))
        .isEqualTo(new String(second.body(), StandardCharsets.UTF_8));
  }

  @Test
  void theDatabaseNumberInTheUrlIsUsed() throws Exception {
    try (EventSender sender = sender("redis://127.0.0.1:6379/3", "")) {
      sender.send(TestMessages.message("k", "01"));
    }
    assertThat(redis.llen(key)).isZero();
    redis.select(3);
    assertThat(redis.llen(key)).isEqualTo(1);
  }

  @Test
  void aWrongTypeAtTheKeyAndAnUnreachableServerAreFailuresToRetry() throws IOException {
    redis.set(key, "a string, not a list");
    try (EventSender sender = sender("redis://127.0.0.1:6379", "")) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("WRONGTYPE");
    }
    int port = TestMessages.closedPort();
    try (EventSender sender = sender("redis://127.0.0.1:" + port, "")) {
      assertThatThrownBy(() -> sender.send(TestMessages.message("k", "01")))
          .isInstanceOf(IOException.class);
    }
  }
}
